"""The one htmx swap of the app, the Meragatan queue board (issue 3 §3): when the board
refreshes with a new call, the call is announced once in the polite live region, the focus of
whoever is reading the page stays where it was (a refresh nobody asked for must not move it),
and the page after the swap still passes axe."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pwa import store
from pwa.services.clock import office_today
from pwa.store import tiket as tickets

from .harness.axe import audit
from .harness.site import site

REFRESH = """
    htmx.ajax('GET', arguments[0], {target: '#papan', swap: 'innerHTML'});"""


def _call_a_new_ticket() -> str:
    app = site().app
    db = store.connect(app.config["DATABASE"])
    try:
        with app.app_context():  # the office's time zone is configuration
            today = office_today().isoformat()
        nomor = f"U-{tickets.last_sequence(db, today, 'U') + 1:03d}"
        tiket = tickets.create(db, nomor=nomor, tanggal=today, nama="Pengunjung Uji",
                               kebutuhan="umum", layanan_id=None, loket="umum",
                               prioritas=False, permohonan_id=None, dibuat_oleh=None)
        staf = db.execute("SELECT id FROM staf ORDER BY id LIMIT 1").fetchone()[0]
        assert tickets.call(db, tiket, staf)
        return nomor
    finally:
        db.conn.close()


def test_a_new_call_is_announced_without_moving_focus(driver):
    driver.delete_all_cookies()
    driver.visitor = None
    driver.set_window_size(1280, 900)
    driver.get(driver.base_url + "/antrian")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return window.htmx !== undefined"))
    reader = driver.find_element(By.CSS_SELECTOR, "header a[href]")
    driver.execute_script("arguments[0].focus()", reader)

    nomor = _call_a_new_ticket()
    driver.execute_script(REFRESH, driver.base_url + "/antrian?fragment=1")
    live = driver.find_element(By.ID, "panggilan")
    WebDriverWait(driver, 10).until(lambda d: nomor.replace("-", "") in
                                    live.text.replace("-", "").replace(" ", ""))
    assert live.get_attribute("aria-live") == "polite"
    assert driver.switch_to.active_element == reader, "the refresh moved the reader's focus"
    assert nomor.replace("-", "") in driver.find_element(By.ID, "papan").text.replace(
        "-", "").replace(" ", "")
    audit(driver, "meragatan.antrian after a refresh with a new call")

    # The same board again: nothing new, so nothing is announced a second time.
    driver.execute_script("arguments[0].textContent = ''", live)
    driver.execute_script(REFRESH, driver.base_url + "/antrian?fragment=1")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return !document.querySelector('#papan').classList.contains('htmx-settling') &&"
        " !document.querySelector('#papan').classList.contains('htmx-request')"))
    time.sleep(0.5)  # the announcement is written 50 ms after the swap settles
    assert live.text == "", f"the same call was announced again: {live.text!r}"
