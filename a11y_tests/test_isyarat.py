"""The sign-language video player in a real browser: closed and opened, with its controls, in
every display mode and locale, at 1280 and 320 px, checked by axe; keyboard operation; and the
2G promise that nothing but the poster downloads until the person presses play.

The clips come from scenario.py: a recorded-style clip on the home page (Indonesian and
Balinese captions) and a labelled synthetic sample on the "kebutuhan" form step.
"""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from pwa.web import tampilan as display
from pwa.bahasa.locales import CODES as SUPPORTED_LOCALES

from .harness.axe import audit
from .harness.site import site
from .harness.routes import become, citizen_session, overflow_report, resize

# Every display mode the settings offer, alone; "selalu" is the always-show-video setting.
MODES = ("", "kontras-tinggi", "teks-150", "teks-200", "gerak-kurang",
         "kontras-tinggi.teks-200.isyarat-selalu")
LOCALES = tuple(SUPPORTED_LOCALES)
WIDTHS = (1280, 320)
PLAYER = "[data-isyarat]"


def _open(driver, path: str, mode: str, width: int, locale: str) -> None:
    become(driver, "anonim")
    resize(driver, width)
    citizen_session(driver, {"draf_id": site().demo.drafts["langsung"]},
                    {display.COOKIE: mode} if mode else {})
    separator = "&" if "?" in path else "?"
    driver.get(f"{driver.base_url}{path}{separator}lang={locale}")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return document.readyState === 'complete'"))
    shown = driver.find_elements(By.CSS_SELECTOR, PLAYER)
    assert shown, (f"no sign-video player on {path}: landed on {driver.current_url} "
                   f"({driver.title!r})")


def _check(driver, label: str, width: int) -> None:
    audit(driver, label)
    if width <= 320:
        reflow = overflow_report(driver)
        assert reflow is None, f"{label}: {reflow}"


def _expand(driver) -> None:
    player = driver.find_element(By.CSS_SELECTOR, PLAYER)
    details = player.find_element(By.TAG_NAME, "details")
    if not details.get_attribute("open"):
        player.find_element(By.TAG_NAME, "summary").click()
    WebDriverWait(driver, 5).until(lambda d: not player.find_element(
        By.CSS_SELECTOR, "[data-kontrol]").get_attribute("hidden"))


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", MODES)
def test_player_closed_and_opened_passes_axe(driver, mode, width, locale):
    _open(driver, "/", mode, width, locale)
    state = "terbuka" if "isyarat-selalu" in mode else "tertutup"
    _check(driver, f"isyarat {state} [{mode or 'biasa'}] {locale} at {width}px", width)
    _expand(driver)
    _check(driver, f"isyarat terbuka [{mode or 'biasa'}] {locale} at {width}px", width)
    if mode:
        return  # the enlarged layout differs only in width: once per width is enough
    enlarge = driver.find_element(By.CSS_SELECTOR, "[data-perbesar]")
    enlarge.click()
    assert enlarge.get_attribute("aria-pressed") == "true"
    _check(driver, f"isyarat diperbesar [{mode or 'biasa'}] {locale} at {width}px", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_sample_clip_on_a_form_step_is_labelled_and_passes_axe(driver, width):
    _open(driver, "/ajukan/kebutuhan", "", width, "id")
    player = driver.find_element(By.CSS_SELECTOR, PLAYER)
    assert "contoh, bukan bahasa isyarat" in player.text.lower()
    _expand(driver)
    assert "Contoh, bukan bahasa isyarat." in player.text
    _check(driver, f"isyarat contoh at {width}px", width)


def test_nothing_but_the_poster_downloads_until_play(driver):
    _open(driver, "/", "", 1280, "id")
    _expand(driver)
    fetched = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert not [u for u in fetched if u.endswith(".mp4")], fetched
    assert driver.execute_script(
        "return document.querySelector('[data-isyarat] video').preload") == "none"
    # Pressing play is what fetches the video (with range requests, answered 206).
    played = driver.execute_async_script("""
        const done = arguments[0], v = document.querySelector('[data-isyarat] video');
        v.muted = true;
        v.addEventListener('loadeddata', () => done(v.currentSrc));
        v.addEventListener('error', () => done('error ' + (v.error && v.error.code)));
        v.play().catch(e => done('refused ' + e.name));
        setTimeout(() => done('timeout'), 15000);""")
    assert played.endswith(".mp4"), played


def test_player_is_operable_by_keyboard(driver):
    _open(driver, "/", "", 1280, "id")
    summary = driver.find_element(By.CSS_SELECTOR, f"{PLAYER} summary")
    driver.execute_script("arguments[0].focus()", summary)
    summary.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.find_element(
        By.CSS_SELECTOR, f"{PLAYER} details").get_attribute("open"))
    # Speed, quality and loop are ordinary form controls: arrows and space work on them.
    slow = driver.find_element(By.CSS_SELECTOR, f"{PLAYER} input[name$='-kecepatan'][value='0.5']")
    driver.execute_script("arguments[0].focus()", slow)
    slow.send_keys(Keys.SPACE)
    assert driver.execute_script(
        "return document.querySelector('[data-isyarat] video').playbackRate") == 0.5
    loop = driver.find_element(By.CSS_SELECTOR, f"{PLAYER} [data-ulang]")
    driver.execute_script("arguments[0].focus()", loop)
    loop.send_keys(Keys.SPACE)
    assert driver.execute_script("return document.querySelector('[data-isyarat] video').loop")


def test_captions_show_by_default_and_manual_quality_is_remembered(driver):
    _open(driver, "/", "", 1280, "id")
    _expand(driver)
    modes = driver.execute_script(
        "return Array.from(document.querySelector('[data-isyarat] video').textTracks,"
        " t => t.language + ':' + t.mode)")
    assert "id:showing" in modes, modes
    standard = driver.find_element(By.CSS_SELECTOR, f"{PLAYER} input[value='standar']")
    standard.click()
    source = driver.execute_script(
        "return document.querySelector('[data-isyarat] video source').src")
    assert source.endswith("/standar.mp4")
    _open(driver, "/", "", 1280, "id")
    source = driver.execute_script(
        "return document.querySelector('[data-isyarat] video source').src")
    assert source.endswith("/standar.mp4"), "the manual choice was not remembered"
    driver.execute_script("localStorage.removeItem('mentari-isyarat-kualitas')")


def test_admin_add_page_with_recorder_passes_axe(driver):
    from .harness.site import login_as
    for width in WIDTHS:
        login_as(driver, "admin")
        driver.visitor = "admin"
        resize(driver, width)
        driver.get(driver.base_url + "/staf/admin/isyarat/tambah")
        _check(driver, f"isyarat tambah (admin) at {width}px", width)


def test_save_for_offline_keeps_the_clip_on_the_device_and_plays_it_from_there(driver):
    _open(driver, "/", "", 1280, "id")
    _expand(driver)
    save = driver.find_element(By.CSS_SELECTOR, f"{PLAYER} [data-simpan]")
    assert save.is_displayed(), "no save button in a secure context with the Cache API"
    save.click()
    status = driver.find_element(By.CSS_SELECTOR, f"{PLAYER} [data-status]")
    WebDriverWait(driver, 15).until(
        lambda d: "tersimpan" in status.text or "belum bisa" in status.text)
    assert "tersimpan" in status.text, status.text
    cached = driver.execute_async_script("""
        const done = arguments[0];
        caches.open('mentari-isyarat').then(c => c.keys())
          .then(keys => done(keys.map(k => k.url)));""")
    assert any(u.endswith(".mp4") for u in cached) and any(u.endswith("poster.jpg")
                                                           for u in cached), cached
    assert any(u.endswith(".vtt") for u in cached), cached

    _open(driver, "/", "", 1280, "id")
    _expand(driver)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return document.querySelector('[data-isyarat] video').src.startsWith('blob:')"))
    assert "Hapus dari perangkat ini" in driver.find_element(
        By.CSS_SELECTOR, f"{PLAYER} [data-simpan]").text
    driver.find_element(By.CSS_SELECTOR, f"{PLAYER} [data-simpan]").click()
    WebDriverWait(driver, 10).until(lambda d: "dihapus" in d.find_element(
        By.CSS_SELECTOR, f"{PLAYER} [data-status]").text)


@pytest.mark.parametrize("path, refused", [
    ("/staf/admin/isyarat/tambah", "Kamera tidak bisa dipakai"),
    ("/staf/admin/suara/ban/sambutan", "Mikrofon tidak bisa dipakai")])
def test_a_recorder_without_its_device_says_so_and_the_upload_stays(driver, path, refused):
    """This Chromium has no camera or microphone, as a desk computer may not: the recorder
    says what to do, in its status, and the file field is still there to upload instead."""
    from .harness.site import login_as
    login_as(driver, "admin")
    driver.visitor = "admin"
    resize(driver, 1280)
    driver.get(driver.base_url + path)
    box = driver.find_element(By.CSS_SELECTOR, "[data-rekam]")
    box.find_element(By.CSS_SELECTOR, "[data-nyalakan]").send_keys(Keys.ENTER)
    status = box.find_element(By.CSS_SELECTOR, "[data-status-rekam]")
    WebDriverWait(driver, 10).until(lambda d: status.text)
    assert refused in status.text
    field = driver.find_element(By.ID, box.get_attribute("data-input"))
    assert field.is_displayed() and field.is_enabled()
    audit(driver, f"{path}, device refused")
