"""Issue 17.3, 17.6, 17.7 in the browser: the states test_pages cannot reach by URL alone (a
search's results and refusal, the satpam's lookup, a counter serving a joined request, the
officer's cards with tasks today), each audited by axe in both languages and the display modes,
without sideways scrolling; the officer's cards at 412 px (a screenshot is written); and the
waiting room's TV: a new call is captioned, chimed and spoken by the app's own voice without a
tap when Chromium runs as the office's TV does, and sound waits for a tap when it does not.
"""
import os
import tempfile
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pwa import store
from pwa.domain import nomor
from pwa.domain.workflow import Status
from pwa.services.clock import office_today
from pwa.store import permohonan as requests, tiket as tickets
from pwa.web import language, tampilan
from tests.factories import staff_id, submitted_request

from .conftest import audit, click_and_wait, login_as, open_browser, site

# (language, display setting, width): every page-state below is audited in each.
VARIANTS = [("id", None, 1280), ("id", None, 320), ("ban", None, 1280), ("ban", None, 320),
            ("id", "kontras-tinggi", 320), ("id", "kontras-tinggi", 1280),
            ("id", "teks-200", 320), ("id", "teks-200", 1280)]
SHOTS = os.environ.get("MENTARI_SHOTS") or os.path.join(tempfile.gettempdir(), "mentari-shots")


def _db():
    return store.connect(site().app.config["DATABASE"])


def _today() -> str:
    with site().app.app_context():  # the office's time zone is configuration
        return office_today().isoformat()


def _langsung(nama: str) -> dict:
    """An approved online Layanan Langsung request of the demo petugas (issue 17.7)."""
    app, db = site().app, _db()
    try:
        with app.app_context():
            p = submitted_request(db, app.config["UPLOAD_FOLDER"], mode="langsung", nama=nama,
                                  kategori=["lansia"], bantuan=["kursi_roda"])
            requests.update_fields(db, p["id"], {"status": Status.DISETUJUI,
                                                 "petugas_id": staff_id(db, "petugas")})
        db.conn.commit()
        return requests.get(db, p["id"])
    finally:
        db.conn.close()


def _variant(driver, lang, setting, width):
    driver.set_window_size(width, 900)
    for name in (language.COOKIE, tampilan.COOKIE):
        driver.delete_cookie(name)
    if lang != "id":
        driver.add_cookie({"name": language.COOKIE, "value": lang, "path": "/"})
    if setting:
        driver.add_cookie({"name": tampilan.COOKIE, "value": setting, "path": "/"})


def _no_sideways_scroll(driver, label):
    wide = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    assert wide[0] <= wide[1], f"{label}: the page is {wide[0]} px wide in {wide[1]} px"


def _each_variant(driver, label, show):
    """`show()` brings the page-state on screen; audited in every variant."""
    failures = []
    for lang, setting, width in VARIANTS:
        _variant(driver, lang, setting, width)
        show()
        name = f"{label} [{lang}, {setting or 'biasa'}, {width}px]"
        if lang == "ban":
            assert driver.execute_script("return document.documentElement.lang") == "ban"
        try:
            audit(driver, name)
            _no_sideways_scroll(driver, name)
        except AssertionError as failure:
            failures.append(str(failure))
    for name in (language.COOKIE, tampilan.COOKIE):
        driver.delete_cookie(name)
    assert not failures, "\n".join(failures)


def _fill(driver, field_id, text):
    box = driver.find_element(By.ID, field_id)
    box.clear()
    box.send_keys(text)


def _submit(driver, selector):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, selector))


# --- finding a citizen ------------------------------------------------------------------------

def test_search_results_and_refusals_are_accessible(driver):
    login_as(driver, "verifikator")

    def results():
        driver.get(driver.base_url + "/staf/cari")
        driver.find_element(By.CSS_SELECTOR, "input[name=jenis][value=nama]").click()
        _fill(driver, "kata", "Sukerti")
        _submit(driver, "main form button[type=submit]")
        assert driver.find_elements(By.CSS_SELECTOR, ".cari-hasil .card")

    def refusal():
        driver.get(driver.base_url + "/staf/cari")
        driver.find_element(By.CSS_SELECTOR, "input[name=jenis][value=nik]").click()
        _fill(driver, "kata", "12ab")
        _submit(driver, "main form button[type=submit]")
        summary = driver.find_element(By.CSS_SELECTOR, "[data-error-summary]")
        assert summary.is_displayed()
        assert driver.find_element(By.ID, "kata").get_attribute("value") == "12ab"

    _each_variant(driver, "staf.cari with results", results)
    _each_variant(driver, "staf.cari refused", refusal)


# --- the field officer's phone ----------------------------------------------------------------

def test_the_officers_cards_fit_a_412_px_phone(driver):
    login_as(driver, "petugas")
    driver.set_window_size(412, 915)
    driver.get(driver.base_url + "/staf/antrean")
    cards = driver.find_elements(By.CSS_SELECTOR, ".tugas")
    assert cards, "no task cards for the demo petugas"
    # The demo officer fetched a citizen this morning: today's group comes first.
    groups = driver.find_elements(By.CSS_SELECTOR, ".tugas-hari")
    assert groups[0].get_attribute("id") == "tugas-hari_ini"
    _no_sideways_scroll(driver, "the officer's cards at 412 px")
    for card in cards:
        box = driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return [r.left, r.right];", card)
        assert box[0] >= 0 and box[1] <= 412, f"a card sticks out: {box}"
    # Every link of a card is a thumb-sized target.
    small = driver.execute_script("""
        return Array.from(document.querySelectorAll('.tugas a'))
          .filter(a => a.getBoundingClientRect().height < 44).map(a => a.textContent.trim());""")
    assert not small, f"links under 44 px tall: {small}"
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, "petugas-412.png")
    tall = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(412, min(tall, 6000))  # the whole page in one picture
    driver.save_screenshot(path)
    print(f"officer's cards at 412 px: {path}")
    _each_variant(driver, "staf.antrean as petugas (cards)",
                  lambda: driver.get(driver.base_url + "/staf/antrean"))


# --- Meragatan: the satpam, the counter ------------------------------------------------------

def test_a_walk_in_with_an_online_request_from_the_door_to_the_counter(driver):
    p = _langsung("Ni Luh Uji Kiosk")
    number = nomor.grouped(p["nomor"])
    login_as(driver, "satpam")

    def found():
        driver.get(driver.base_url + "/staf/satpam")
        _fill(driver, "cari-nomor", number)
        _submit(driver, "main button[value=cari]")
        assert driver.find_element(By.ID, "nama").get_attribute("value") == "Ni Luh Uji Kiosk"

    def not_found():
        driver.get(driver.base_url + "/staf/satpam")
        _fill(driver, "cari-nomor", "1234 5678 9012")
        _submit(driver, "main button[value=cari]")
        assert driver.find_element(By.CSS_SELECTOR, "[data-error-summary]").is_displayed()

    _each_variant(driver, "meragatan.satpam with a request found", found)
    _each_variant(driver, "meragatan.satpam lookup refused", not_found)

    # Registered for Loket 2 (the demo's Loket 1 is busy with its own walk-in).
    driver.set_window_size(1280, 900)
    found()
    driver.find_element(By.CSS_SELECTOR, "input[name=loket][value=ptsp2]").click()
    _submit(driver, "main > form button[type=submit]")  # the lookup's form is in a section
    assert "tiket=" in driver.current_url

    login_as(driver, "petugas")
    driver.get(driver.base_url + "/staf/loket")
    driver.find_element(By.CSS_SELECTOR, "input[name=loket][value=ptsp2]").click()
    _submit(driver, "main form[action$='/staf/loket'] button[type=submit]")
    _submit(driver, "main form[action$='/panggil'] button")
    assert "Ni Luh Uji Kiosk" in driver.find_element(By.TAG_NAME, "main").text

    def serving():
        driver.get(driver.base_url + "/staf/loket")
        assert driver.find_elements(By.CSS_SELECTOR, "input[name$='-hasil']")

    def refused_report():
        serving()
        driver.find_element(By.CSS_SELECTOR, "input[name$='-hasil'][value=sebagian]").click()
        _submit(driver, "main form[action$='/selesai'] button")
        assert driver.find_element(By.CSS_SELECTOR, "[data-error-summary]").is_displayed()

    _each_variant(driver, "meragatan.loket serving a joined request", serving)
    _each_variant(driver, "meragatan.loket report refused", refused_report)

    def request_page():
        driver.get(driver.base_url + f"/staf/permohonan/{p['id']}")
        assert driver.find_element(By.ID, "kunjungan-title").is_displayed()

    _each_variant(driver, "staf.permohonan with its Meragatan visit", request_page)


# --- the waiting room's TV --------------------------------------------------------------------

def _call_a_new_ticket() -> str:
    db = _db()
    try:
        today = _today()
        number = f"K-{tickets.last_sequence(db, today, 'K') + 1:03d}"
        tiket = tickets.create(db, nomor=number, tanggal=today, nama="Pengunjung TV",
                               kebutuhan="lansia", layanan_id=None, loket="konsultasi",
                               prioritas=True, permohonan_id=None, dibuat_oleh=None)
        staf = db.execute("SELECT id FROM staf ORDER BY id LIMIT 1").fetchone()[0]
        assert tickets.call(db, tiket, staf)
        tickets.finish(db, tiket)  # leaves the counter free; the call stays on the board
        return number
    finally:
        db.conn.close()


@pytest.fixture
def info_clip():
    """One of the office's sign-language information clips, present for the test only."""
    from pwa.isyarat import contoh, pustaka
    root = site().app.config["ISYARAT_FOLDER"]
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "klip.mp4")
        contoh.buat_video(source, "kiosk", seconds=2.0, width=320, height=180)
        pustaka.add(root, source, "info:meragatan", "Meragatan: kelompok rentan didahulukan",
                    "Ni Made Juru", captions={
                        "id": "WEBVTT\n\n00:00.000 --> 00:02.000\nKelompok rentan didahulukan.\n",
                        "ban": "WEBVTT\n\n00:00.000 --> 00:02.000\nKelompok rentan kariinang.\n"})
    yield "info:meragatan"
    pustaka.remove(root, "info:meragatan")


def test_the_kiosk_with_its_sign_language_clip_is_accessible(driver, info_clip):
    driver.get(driver.base_url + "/healthz")
    driver.delete_all_cookies()
    driver.visitor = None

    def kiosk():
        driver.get(driver.base_url + "/antrian/kiosk")
        assert driver.find_elements(By.CSS_SELECTOR, "video[data-kiosk-video] track")

    _each_variant(driver, "meragatan.kiosk with an information clip", kiosk)


@pytest.fixture
def tv(live_server):
    """Chromium as the office's TV runs it (docs/operations.md): sound without a tap."""
    with open_browser(live_server, "--autoplay-policy=no-user-gesture-required",
                      prefix="mentari-tv-") as browser:
        yield browser


@pytest.fixture
def plain_browser(live_server):
    """A browser that keeps the default rule: no sound before someone touches the page."""
    with open_browser(live_server, "--autoplay-policy=document-user-activation-required",
                      prefix="mentari-tv-") as browser:
        yield browser


# Violations of the Content-Security-Policy, recorded from the first script on every page.
RECORD_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
});"""


def _open_kiosk(browser):
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_CSP})
    browser.set_window_size(1280, 720)
    browser.get(browser.base_url + "/antrian/kiosk")
    WebDriverWait(browser, 10).until(lambda d: d.execute_script(
        "return window.htmx !== undefined && document.readyState === 'complete'"))


def test_the_tv_rings_speaks_and_captions_a_new_call_without_a_tap(tv, info_clip):
    _open_kiosk(tv)
    root = tv.find_element(By.CSS_SELECTOR, "[data-kiosk]")
    # Between calls the information clip plays, muted, with its captions showing.
    WebDriverWait(tv, 15).until(lambda d: d.execute_script(
        "const v = document.querySelector('[data-kiosk-video]');"
        "return v && v.currentTime > 0 && v.muted;"))
    assert tv.execute_script(
        "return document.querySelector('[data-kiosk-video]').textTracks[0].mode") == "showing"

    number = _call_a_new_ticket()
    # The board's own 10-second refresh brings the call; nobody touches the TV.
    caption = tv.find_element(By.ID, "panggilan")
    WebDriverWait(tv, 30).until(lambda d: number in caption.text)
    assert caption.text == f"Nomor {number}, silakan ke Ruang Konsultasi."
    WebDriverWait(tv, 30).until(lambda d: root.get_attribute("data-diumumkan") == "1")
    states = tv.execute_script("""
        return performance.getEntriesByType('resource')
          .filter(e => e.name.includes('/suara/ucap')).map(e => e.responseStatus);""")
    assert states == [200], f"the voice was not fetched once and well: {states}"
    assert root.get_attribute("data-suara") == "diam"  # rang, spoke, and finished
    assert not tv.find_element(By.CSS_SELECTOR, "[data-kiosk-kunci]").is_displayed()
    # The clip goes on after the call.
    WebDriverWait(tv, 10).until(lambda d: d.execute_script(
        "return !document.querySelector('[data-kiosk-video]').paused"))
    # Chime, voice, clip and refreshes all ran under the strict Content-Security-Policy.
    assert tv.execute_script("return window.__csp") == []


def test_without_autoplay_the_tv_shows_the_call_and_asks_for_one_tap(plain_browser):
    _open_kiosk(plain_browser)
    number = _call_a_new_ticket()
    plain_browser.execute_script(
        "htmx.ajax('GET', arguments[0], {target: '#papan', swap: 'innerHTML'})",
        plain_browser.base_url + "/antrian/kiosk?fragment=1")
    caption = plain_browser.find_element(By.ID, "panggilan")
    WebDriverWait(plain_browser, 15).until(lambda d: number in caption.text)
    button = plain_browser.find_element(By.CSS_SELECTOR, "[data-kiosk-nyalakan]")
    WebDriverWait(plain_browser, 15).until(lambda d: button.is_displayed())
    assert plain_browser.find_element(By.CSS_SELECTOR, "[data-kiosk]").get_attribute(
        "data-suara") == "terkunci"
    button.click()
    assert not button.is_displayed()
