"""The service worker on a phone with a bad link (issue 21) and on a shared phone (issue 16
point 14), in a browser of its own that reaches the live server through a link this test can
slow down or cut (a11y_tests/harness/slow_link.py): every byte of the page, of the worker's own
fetches and of the worker script crosses it.

- Pages with personal details (a request, its confirmation) never enter the worker's caches,
  and "Hapus dari HP ini" leaves nothing of that request there.
- A public page seen before shows at once on a link that hangs; another page shows its saved
  copy after a few seconds, saying so on screen and aloud.
- "Mulai sekarang" without a signal opens the offline form.
- A page shown from the phone gets a fresh form token, so its forms still work.
- The kill switch removes the worker and its caches on the phone's next visit.
"""
import re
import shutil
from urllib.parse import urlsplit

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from .harness.browser import click_and_wait, launch, require_browser
from .harness.site import site
from .harness.slow_link import SlowLink

CACHED = """
    const done = arguments[arguments.length - 1];
    caches.keys().then(names => Promise.all(names.map(n => caches.open(n)
        .then(c => c.keys()).then(keys => keys.map(k => {
          const u = new URL(k.url); return [n, u.pathname + u.search]; })))))
      .then(lists => done([].concat(...lists)), e => done(String(e)));"""

INSTALLED = """
    const done = arguments[arguments.length - 1], t0 = Date.now();
    navigator.serviceWorker.ready.then(function wait() {
      caches.keys().then(names => {
        if (navigator.serviceWorker.controller
            && names.some(n => n.startsWith('mentari-shell-'))) done(true);
        else if (Date.now() - t0 > 20000) done(false);
        else setTimeout(wait, 100);
      });
    });"""

# A copy in the worker's page cache, changed as given: [path, regex, replacement] or a new
# page (an older worker's copy of a request).
SEED = """
    const [path, body, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
    caches.keys().then(names => caches.open(names.find(n => n.startsWith('mentari-halaman'))))
      .then(c => c.put(path, new Response(body, {headers: {'Content-Type': 'text/html'}})))
      .then(() => done(true), e => done(String(e)));"""

STALE_TOKEN = """
    const [path, done] = [arguments[0], arguments[arguments.length - 1]];
    caches.keys().then(names => caches.open(names.find(n => n.startsWith('mentari-halaman'))))
      .then(c => c.match(path).then(r => r.text().then(html => c.put(path, new Response(
        html.replace(/name="csrf_token" value="[^"]+"/g, 'name="csrf_token" value="basi"'),
        {headers: r.headers})))))
      .then(() => done(true), e => done(String(e)));"""


@pytest.fixture(scope="module")
def phone(live_server):
    require_browser()
    link = SlowLink(urlsplit(live_server).port)
    driver, home = launch("--window-size=412,915", prefix="mentari-worker-", script_timeout=30,
                          command_timeout=None)
    driver.base_url = f"http://127.0.0.1:{link.port}"
    driver.get(driver.base_url + "/")
    assert driver.execute_async_script(INSTALLED), "the service worker did not install"
    # A citizen's phone that sent (or looked up) the demo requests: given once the worker
    # is in, so that nothing of its installing can meet the session.
    s = site()
    driver.add_cookie({"name": s.app.config["SESSION_COOKIE_NAME"], "path": "/",
                       "value": s.app.session_interface.get_signing_serializer(s.app).dumps(
                           {"milik": s.demo.owned}), "httpOnly": True})
    driver.get(driver.base_url + "/status")
    assert driver.find_elements(By.CSS_SELECTOR, "main a.card__link"), \
        "the phone does not own the demo requests"
    try:
        yield driver, link
    finally:
        link.offline, link.latency_ms = False, 0
        driver.quit()
        shutil.rmtree(home, ignore_errors=True)


def cached(driver) -> list[str]:
    return [path for _name, path in driver.execute_async_script(CACHED)]


def kept(driver, path: str) -> None:
    """Wait until the worker has stored its copy of `path` (it does so in the background)."""
    try:
        WebDriverWait(driver, 15, poll_frequency=0.2).until(
            lambda d: any(name.startswith("mentari-halaman") and p == path
                          for name, p in d.execute_async_script(CACHED)))
    except TimeoutException:
        raise AssertionError(f"{path} was not kept; caches hold {cached(driver)}") from None


def request_id() -> int:
    return site().demo.permohonan["diajukan"]["permohonan_id"]


def of_request(paths: list[str], pid: int) -> list[str]:
    return [p for p in paths if re.match(rf"/(permohonan|ajukan/selesai)/{pid}(/|$|\?)", p)]


def heading(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "main h1").text


def test_pages_with_personal_details_never_reach_the_workers_caches(phone):
    driver, _link = phone
    base, pid = driver.base_url, request_id()
    personal = [f"/permohonan/{pid}", f"/ajukan/selesai/{pid}", f"/permohonan/{pid}/lupakan",
                "/status"]   # /status lists this phone's requests
    for path in ["/layanan"] + personal + ["/luring"]:
        driver.get(base + path)
        assert driver.find_elements(By.CSS_SELECTOR, "main h1"), path
    kept(driver, "/luring")    # visited last: the worker has had its chance with the others
    paths = cached(driver)
    assert "/layanan" in paths, "the public page was not kept: the check would prove nothing"
    assert not [p for p in paths if p in personal], paths


def test_hapus_dari_hp_ini_leaves_nothing_of_that_request(phone):
    driver, _link = phone
    base, pid = driver.base_url, request_id()
    # What an older worker kept of it before personal pages were no-store.
    for path in (f"/permohonan/{pid}", f"/ajukan/selesai/{pid}"):
        assert driver.execute_async_script(SEED, path, "<h1>0812 3456 7890</h1>") is True
    assert of_request(cached(driver), pid)
    driver.get(base + f"/permohonan/{pid}")
    click_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Hapus dari HP ini"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button"))
    assert urlsplit(driver.current_url).path == "/status"
    assert "tidak lagi tercantum" in driver.find_element(By.TAG_NAME, "main").text
    WebDriverWait(driver, 10).until(lambda d: not of_request(cached(d), pid),
                                    f"still kept: {of_request(cached(driver), pid)}")


def test_a_page_shown_from_the_phone_gets_a_fresh_form_token(phone):
    """A kept page's token may have expired (tokens last an hour): the worker hands the
    page the token of the copy it fetched meanwhile, and the page's forms work."""
    driver, _link = phone
    base = driver.base_url
    driver.get(base + "/layanan")
    kept(driver, "/layanan")
    assert driver.execute_async_script(STALE_TOKEN, "/layanan") is True
    driver.get(base + "/layanan")
    tokens = "return Array.from(document.querySelectorAll('input[name=csrf_token]'), i => i.value)"
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(tokens)
                                    and "basi" not in d.execute_script(tokens))
    # The display menu's form, from the page shown from the phone, is accepted.
    driver.find_element(By.CSS_SELECTOR, ".site-menu__tombol").click()
    driver.find_element(By.CSS_SELECTOR, ".display-menu > summary").click()
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR,
                                               ".display-menu__button[value='150']"))
    assert "teks-150" in driver.find_element(By.TAG_NAME, "html").get_attribute("class")
    driver.delete_cookie("tampilan")


def test_a_page_seen_before_shows_at_once_when_the_link_hangs(phone):
    driver, link = phone
    base = driver.base_url
    driver.get(base + "/layanan")
    services = heading(driver)
    driver.get(base + "/pengaduan/cek")
    lookup = heading(driver)
    kept(driver, "/layanan")
    kept(driver, "/pengaduan/cek")
    link.latency_ms = 30000   # connected, barely answering
    # Each page must be on screen long before the link would answer (30 s).
    driver.set_page_load_timeout(10)
    try:
        driver.get(base + "/layanan")    # public: the kept copy at once
        assert heading(driver) == services
        assert not driver.find_elements(By.CSS_SELECTOR, "[data-tersimpan]")
        driver.get(base + "/pengaduan/cek")   # waits a few seconds, then the saved copy
        assert heading(driver) == lookup
        note = driver.find_element(By.CSS_SELECTOR, "main [data-tersimpan]").text
        assert re.fullmatch(r"Tersimpan pukul \d\d[.:]\d\d, belum diperbarui\.", note), note
        WebDriverWait(driver, 5).until(lambda d: "Tersimpan pukul" in d.execute_script(
            "const r = document.querySelector('[data-umum]'); return r ? r.textContent : ''"))
    finally:
        link.latency_ms = 0
        driver.set_page_load_timeout(30)


def test_starting_a_request_without_a_signal_opens_the_offline_form(phone):
    driver, link = phone
    base = driver.base_url
    driver.get(base + "/ajukan")
    kept(driver, "/ajukan")
    # With a signal, the request starts as usual (through the worker).
    driver.get(base + "/ajukan")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button"))
    assert urlsplit(driver.current_url).path == "/ajukan/layanan"
    link.offline = True
    try:
        driver.get(base + "/ajukan")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button"))
        assert urlsplit(driver.current_url).path == "/ajukan/satu-halaman"
        assert heading(driver) == "Ajukan layanan di satu halaman"
    finally:
        link.offline = False


def test_the_kill_switch_removes_the_worker_and_its_caches(phone):
    """MENTARI_SW_MATI: the next visit brings the switch, which leaves no worker and none of
    its caches; the page comes from the network again."""
    driver, _link = phone
    base = driver.base_url
    app = site().app
    app.config["SW_MATI"] = True
    try:
        driver.get(base + "/layanan")
        gone = """
            const done = arguments[arguments.length - 1];
            Promise.all([navigator.serviceWorker.getRegistrations(), caches.keys()])
              .then(([regs, names]) => done(regs.length === 0 && !names.some(
                n => /^mentari-(shell|halaman|statis)/.test(n))), () => done(false));"""


        def visit_again(d):
            # The browser looks for a new worker after a navigation, in its own time: a
            # citizen who comes back finds it gone (a full test run's load once kept it
            # past 30 s of waiting on one visit).
            if d.execute_async_script(gone):
                return True
            try:
                d.get(base + "/layanan")
            except TimeoutException:
                # The switch reloads the open page itself (clients.navigate); a visit that
                # meets that reload can outlast the page-load limit under a full run's load.
                pass
            return False
        WebDriverWait(driver, 120, poll_frequency=3).until(
            visit_again, "the worker or its caches are still there")
        driver.get(base + "/layanan")
        assert heading(driver)
        assert not driver.find_element(By.CSS_SELECTOR, "script[src*='mentari.js']") \
            .get_attribute("data-sw"), "pages still register the worker"
    finally:
        app.config["SW_MATI"] = False
