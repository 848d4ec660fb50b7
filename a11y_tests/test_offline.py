"""No signal (issue 3 §5, §7): a phone that loses its connection still shows the pages it has
seen, keeps a request filled in without a signal, and sends it exactly once when the signal
comes back.

Offline is emulated on every DevTools target of the browser, the page and the service worker:
emulating it on the page alone would leave the service worker online, and its fetches (which
serve every page once it is installed) would still reach the server. New targets (a service
worker that the browser restarts) are caught by auto-attach and taken offline before they run
(a11y_tests/harness/offline.py).
"""
import json
from urllib.parse import urljoin

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from .harness.axe import audit
from .harness.offline import (OFFLINE, ONLINE, fill_one_page_form, installed,  # noqa: F401
                               phone, requests_with_key)  # (phone: its own browser)
from .harness.site import site


def heading(driver) -> str:
    return driver.find_element(By.TAG_NAME, "h1").text


def test_cached_pages_render_and_a_request_waits_for_the_signal(phone):
    driver, browser = phone
    base = driver.base_url
    driver.get(base + "/")
    installed(driver)
    driver.get(base + "/layanan")          # seen once with a signal: kept on the phone
    services_heading = heading(driver)

    kinds = browser.network(OFFLINE)
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", OFFLINE)
    assert "service_worker" in kinds and "page" in kinds
    assert driver.execute_script("return navigator.onLine") is False

    # A page seen before shows as it was; one never seen shows the offline page.
    driver.get(base + "/layanan")
    assert heading(driver) == services_heading
    driver.get(base + "/cek-status-belum-pernah-dibuka")
    assert heading(driver) == "Anda sedang tidak tersambung ke internet"
    audit(driver, "shell.offline[tanpa-sinyal]")

    # The one-page form opens from the phone and keeps the request.
    driver.get(base + "/ajukan/satu-halaman")
    assert heading(driver) == "Ajukan layanan di satu halaman"
    fill_one_page_form(driver)
    key = driver.find_element(By.CSS_SELECTOR, "form[data-luring] [data-kunci]").get_attribute(
        "value")
    driver.find_element(By.CSS_SELECTOR, "form[data-luring] button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: "/luring/tersimpan" in d.current_url)
    assert "kunci" not in driver.current_url  # the key is the request's secret until sent
    status = driver.find_element(By.CSS_SELECTOR, "[data-outbox-daftar]")
    WebDriverWait(driver, 10).until(lambda d: "Akan dikirim otomatis" in status.text)
    assert heading(driver) == "Jawaban Anda tersimpan di HP ini"
    assert requests_with_key(key) == []     # nothing reached the office
    audit(driver, "shell.saved[menunggu-sinyal]")

    # The signal returns: the phone sends by itself, and the number appears on the page.
    browser.network(ONLINE)
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", ONLINE)
    WebDriverWait(driver, 30).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "[data-outbox-daftar] .reg-number"))
    shown = driver.find_element(By.CSS_SELECTOR, "[data-outbox-daftar] .reg-number").text
    made = requests_with_key(key)
    assert len(made) == 1
    assert made[0]["nama"] == "Ni Luh Tanpa Sinyal" and made[0]["mode"] == "langsung"
    assert shown.replace(" ", "") == made[0]["nomor"]
    audit(driver, "shell.saved[terkirim]")

    # Every later chance to send (a page load, the worker waking) sends nothing again.
    driver.get(base + "/luring")
    driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        navigator.serviceWorker.ready.then(function (reg) {
          reg.active.postMessage({perintah: "kirim"});
          setTimeout(done, 1500);
        });""")
    assert "Terkirim" in driver.find_element(By.CSS_SELECTOR, "[data-outbox-daftar]").text
    assert len(requests_with_key(key)) == 1


PROMPTS_KEPT = """
    var done = arguments[arguments.length - 1];
    caches.open('mentari-suara').then(function (c) { return c.keys(); })
      .then(function (keys) { done(keys.map(function (r) { return r.url; })); });"""

PLAY_ALL = """
    var urls = arguments[0], done = arguments[arguments.length - 1];
    Promise.all(urls.map(function (u) {
      return fetch(u).then(function (r) {
        return r.blob().then(function (b) { return [r.status, b.type, b.size]; });
      }, function (e) { return [0, String(e), 0]; });
    })).then(done);"""


def test_the_voice_menu_speaks_without_a_signal(phone):
    """Issue 5 §2: with voice mode on, the phone keeps the fixed prompts of its language and
    rate; with no signal they still play."""
    driver, browser = phone
    base = driver.base_url
    driver.get(base + "/")
    installed(driver)
    driver.find_element(By.CSS_SELECTOR, ".site-menu__tombol").click()   # a phone: in the menu
    driver.find_element(By.CSS_SELECTOR, ".voice-toggle__button[value=aktif]").click()
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "suara-data"))
    data = json.loads(driver.find_element(By.ID, "suara-data").get_attribute("textContent"))
    laju = {0.75: "0.75", 1: "1", 1.25: "1.25"}[data["laju"]]
    wanted = {urljoin(base, u) + "&laju=" + laju for u in data["prompts"].values()}
    with site().app.test_request_context():
        from pwa.suara import teks as suara_teks
        assert len(wanted) == len(suara_teks.prompts()), "the page lists other prompts"
    kept: set = set()

    def all_kept(d) -> bool:
        kept.clear()
        kept.update(d.execute_async_script(PROMPTS_KEPT))
        return wanted <= kept
    try:
        WebDriverWait(driver, 120, poll_frequency=1).until(all_kept)
    except TimeoutException:
        raise AssertionError(f"prompts not kept on the phone: {sorted(wanted - kept)}") from None

    browser.network(OFFLINE)
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", OFFLINE)
    try:
        played = driver.execute_async_script(PLAY_ALL, sorted(wanted))
        failed = [(u, p) for u, p in zip(sorted(wanted), played)
                  if p[0] != 200 or p[1] != "audio/ogg" or p[2] < 500]
        assert not failed, f"{len(failed)} prompts did not play offline: {failed[:3]}"
        # What was never kept (free text read aloud) fails, and the page shows the text instead.
        missing = driver.execute_async_script(PLAY_ALL, [base + "/suara/prompt/bantuan.ogg"
                                                         "?lang=id&v=0000000000&laju=1"])
        assert missing[0][0] != 200
    finally:
        browser.network(ONLINE)
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", ONLINE)
