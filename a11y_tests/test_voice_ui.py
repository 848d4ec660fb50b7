"""Voice mode in a real browser: headless Chromium with a fake microphone fed from a WAV file.

- Every state of the voice panel (listening, processing, confirming, error with the keypad)
  is checked by axe, at 1280 and 320 px and with large text and high contrast. In these audits
  the recogniser's answers come from a stand-in for /suara/kenali installed in the page: the
  real recogniser answers too quickly to catch "processing" and cannot be made busy on demand.
  Everything else (the microphone, recording, end-of-speech detection, the dialogue, the form)
  is the real thing.
- One end-to-end test drives a complete request by voice against the real server speech stack:
  espeak-ng speaks each answer into a WAV file, and Chromium's fake microphone plays it.

Chromium reads the fake-microphone file again each time the page opens the microphone, so the
test writes the next answer's WAV before the page starts listening for it.
"""
import json
import re
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from .harness.axe import audit
from .harness.routes import overflow_report, resize
from .harness.site import site
from .harness.voice import (REPEAT_WAYS, microphone, open_in_voice_mode,  # noqa: F401
                            panel_state, say_into_microphone, scripted_intent, silence,
                            speak_next, voice_driver, wait_for, write_wav)

def press_shortcut(driver) -> None:
    """Ctrl+Shift+Space, the documented shortcut: start or finish speaking."""
    from selenium.webdriver.common.action_chains import ActionChains
    (ActionChains(driver).key_down(Keys.CONTROL).key_down(Keys.SHIFT).send_keys(Keys.SPACE)
     .key_up(Keys.SHIFT).key_up(Keys.CONTROL).perform())


def check(driver, label: str, width: int) -> None:
    audit(driver, label)
    if width <= 320:
        problem = overflow_report(driver)
        assert not problem, f"{label}: {problem}"


# --- every state, audited ---------------------------------------------------------------------

BUSY = {"status": 503, "headers": {"Retry-After": "5"},
        "body": {"error": "Pengenal suara sedang sibuk. Coba lagi sebentar lagi."}}
NAME = "Ni Wayan Sukerti"

VIEWS = [(1280, ""), (320, ""), (320, "teks-200"), (1280, "kontras-tinggi")]


@pytest.mark.parametrize("width, display", VIEWS, ids=[f"{w}{'-' + d if d else ''}"
                                                       for w, d in VIEWS])
def test_every_voice_state_passes_axe_and_the_keypad_takes_over_when_busy(
        voice_driver, microphone, width, display):
    driver = voice_driver
    write_wav(microphone, silence(1.0))
    draft = site().demo.empty_drafts["langsung"]
    resize(driver, width)
    plan = {"tahan": True, "jawaban": [
        {"body": {"text": NAME, "intent": None, "slots": {}, "confidence": 0.9, "ms": 800,
                  "yakin": True}},
        BUSY]}
    open_in_voice_mode(driver, "/ajukan/data-diri", {"draf_id": draft}, display, plan)
    tag = f"{width}px{' ' + display if display else ''}"

    # Listening: the page asked "Nama lengkap" and opened the microphone by itself.
    s = wait_for(driver, lambda s: s["keadaan"] == "dengar", "listening")
    assert "Nama lengkap" in s["mentari"], (s, driver.current_url, driver.get_cookies())
    assert driver.find_element(By.CSS_SELECTOR, "[data-suara-mic]").text == "Selesai bicara"
    check(driver, f"voice listening at {tag}", width)

    # Processing: "Selesai bicara" sends what was recorded; the answer is held back.
    driver.find_element(By.CSS_SELECTOR, "[data-suara-mic]").click()
    wait_for(driver, lambda s: s["keadaan"] == "proses", "processing")
    check(driver, f"voice processing at {tag}", width)

    # Confirming: the answer is read back, with yes/no buttons on screen.
    driver.execute_script("window.__suaraUji.lepas()")
    s = wait_for(driver, lambda s: s["konfirmasi"] and NAME in s["mentari"], "confirming")
    # The read-back question is on screen: in the live region while it is spoken, in the
    # caption while the answer is awaited.
    assert s["anda"] == NAME and "Benar?" in s["status"] + s["mentari"], s
    check(driver, f"voice confirming at {tag}", width)

    # Error: "Tidak, ulangi" asks again; the recogniser is busy (503), so the keypad appears.
    driver.find_element(By.CSS_SELECTOR, "[data-suara-jawab='tidak']").click()
    wait_for(driver, lambda s: s["keadaan"] == "dengar", "listening again")
    press_shortcut(driver)  # finish speaking with the keyboard this time
    wait_for(driver, lambda s: s["keadaan"] == "proses", "processing again")
    driver.execute_script("window.__suaraUji.lepas()")
    s = wait_for(driver, lambda s: s["keadaan"] == "galat" and s["ketik"], "busy error")
    assert "sibuk" in s["status"], s
    check(driver, f"voice error (busy, keypad) at {tag}", width)

    # The typed answer goes through the same read-back, and "Ya, benar" fills the real field.
    box = driver.find_element(By.ID, "suara-ketik")
    assert driver.switch_to.active_element == box, "the keypad did not take focus"
    box.send_keys("Ni Wayan Sukerti", Keys.ENTER)
    wait_for(driver, lambda s: s["konfirmasi"] and NAME in s["mentari"], "typed read-back")
    driver.find_element(By.CSS_SELECTOR, "[data-suara-jawab='ya']").click()
    wait_for(driver, lambda s: "Nomor HP" in s["mentari"], "the next question")
    assert driver.find_element(By.ID, "nama").get_attribute("value") == NAME


# /status: this phone's requests as a spoken menu; /status?lain=1: the number form.
VOICE_PAGES = ("/", "/ajukan/layanan", "/ajukan/periksa", "/status", "/status?lain=1")


@pytest.mark.parametrize("width", (1280, 320))
@pytest.mark.parametrize("path", VOICE_PAGES)
def test_pages_in_voice_mode_pass_axe(voice_driver, microphone, path, width):
    """The panel on ordinary pages, while MENTARI speaks or waits, in both widths."""
    driver = voice_driver
    write_wav(microphone, silence(1.0))
    resize(driver, width)
    open_in_voice_mode(driver, path, {"draf_id": site().demo.drafts["langsung"]},
                       recogniser={"tahan": True, "jawaban": []})
    wait_for(driver, lambda s: s["keadaan"] in ("bicara", "konfirmasi", "dengar", "siap") and s["mentari"],
             "the page speaking")
    check(driver, f"{path} in voice mode at {width}px", width)


def test_first_visit_offer_is_spoken_only_after_a_tap(voice_driver):
    """No sound before a gesture; after the first tap, the offer's own words are spoken."""
    driver = voice_driver
    resize(driver, 1280)
    driver.get(driver.base_url + "/healthz")
    driver.delete_all_cookies()
    driver.execute_script("localStorage.clear(); sessionStorage.clear();")
    driver.get(driver.base_url + "/layanan")
    driver.execute_script("""
        window.__spoken = [];
        const real = window.fetch.bind(window);
        window.fetch = (url, opts) => {
          if (String(url).endsWith('/suara/ucap')) window.__spoken.push(opts.body.get('teks'));
          return real(url, opts);
        };""")
    assert driver.find_elements(By.CSS_SELECTOR, "[data-suara-tawaran]")
    time.sleep(0.5)
    assert driver.execute_script("return window.__spoken") == [], "sound before any tap"
    driver.find_element(By.CSS_SELECTOR, "main h1").click()
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return window.__spoken.length"))
    said = driver.execute_script("return window.__spoken")[0]
    assert said.startswith("Ingin memakai MENTARI dengan suara?")
    driver.find_element(By.CSS_SELECTOR, "main h1").click()
    time.sleep(0.3)
    assert len(driver.execute_script("return window.__spoken")) == 1, "offered twice"


def test_dengarkan_reads_the_main_content_as_shown(voice_driver, microphone):
    """The words sent to the speech engine are the page's own, in the page's order."""
    driver = voice_driver
    resize(driver, 1280)
    open_in_voice_mode(driver, "/layanan", {},
                       recogniser={"tahan": True, "jawaban": [], "diam": True})
    wait_for(driver, lambda s: s["keadaan"] == "siap", "the page settled")
    driver.execute_script("window.__suaraUji.ucap = []")
    driver.find_element(By.CSS_SELECTOR, "[data-suara-dengarkan]").click()
    wait_for(driver, lambda s: s["keadaan"] == "siap" and driver.execute_script(
        "return window.__suaraUji.ucap.length > 1"), "the whole page read")
    said = " ".join(u["teks"] for u in driver.execute_script("return window.__suaraUji.ucap"))
    shown = [" ".join(e.text.split()) for e in driver.find_elements(
        By.CSS_SELECTOR, "main h1, main .lead, main h2")]
    assert said.startswith(shown[0]), said[:200]
    positions = [said.find(text) for text in shown]
    assert -1 not in positions, f"not read: {[t for t, p in zip(shown, positions) if p < 0]}"
    assert positions == sorted(positions), "read out of order"


def test_saying_lebih_pelan_slows_the_voice_and_is_remembered(voice_driver, microphone):
    driver = voice_driver
    write_wav(microphone, silence(1.0))
    resize(driver, 1280)
    plan = {"tahan": False, "jawaban": [
        {"body": {"text": "lebih pelan", "intent": "lebih_pelan", "slots": {},
                  "confidence": 0.95, "ms": 700, "yakin": True}}]}
    open_in_voice_mode(driver, "/status?lain=1", {}, recogniser=plan)
    wait_for(driver, lambda s: s["keadaan"] == "dengar", "listening for the number")
    driver.find_element(By.CSS_SELECTOR, "[data-suara-mic]").click()  # "Selesai bicara"
    spoken = lambda: driver.execute_script("return window.__suaraUji.ucap")  # noqa: E731
    WebDriverWait(driver, 10).until(lambda d: any("lebih pelan" in u["teks"] for u in spoken()))
    after = spoken()[[i for i, u in enumerate(spoken()) if "lebih pelan" in u["teks"]][0]:]
    assert {u["laju"] for u in after} == {"0.75"}, after
    pressed = driver.find_element(By.CSS_SELECTOR, "[data-suara-laju='075']")
    assert pressed.get_attribute("aria-pressed") == "true"
    driver.refresh()
    data = json.loads(driver.find_element(By.ID, "suara-data").get_attribute("textContent"))
    assert data["laju"] == 0.75, "the slower rate was not remembered"


# --- a whole request by voice, against the real speech stack ---------------------------------

# What the citizen says to each question (the panel names the field being asked), and what a
# read-back must contain for her to say "ya"; otherwise she says "tidak" and answers again,
# as a person would. Optional questions ("Ingin mengisinya?") and "Ada lagi?" get "tidak".
# Long numbers in groups ("|"): said whole first, then a group at a time if the page asks.
# Digits are said with a short pause between them, as when reading a number off a card.
PHONE_WORDS = "nol delapan satu dua | tiga empat lima enam | tujuh delapan sembilan nol"
ANSWERS = {
    "menu": "satu",                                       # home menu 1: Ajukan layanan
    "layanan": "konsultasi keagamaan dan keluarga", "mode": "layanan langsung",
    "nama": "Wayan Sukerti", "telepon": PHONE_WORDS, "nik": "tidak",
    "alamat": "Jalan Raya Bebandem", "desa": "Bebandem", "kecamatan": "nomor dua",
    "kategori": "satu", "bantuan": "tidak", "bantuan_lain": "tidak",
    "tanggal": "satu",                                    # the first working day offered
    "ringkasan": "ya", "catatan": "tidak", "persetujuan": "ya",
    "telepon4": "tujuh, delapan, sembilan, nol",
}
READ_BACK = {"layanan": "Konsultasi keagamaan", "mode": "Langsung", "kecamatan": "Bebandem",
             "kategori": "Lanjut usia", "telepon": "0 8 1 2, 3 4 5 6, 7 8 9 0",
             "telepon4": "7 8 9 0"}

# Said a part at a time when the whole number is heard wrong (the page offers it).
LONG_NUMBERS = ("telepon",)

SKIP_SPEECH = """
    // The shortcut, pressed only while MENTARI is talking: checked and pressed in the same
    // instant inside the page, so it can never land on the open microphone instead.
    const p = document.querySelector('[data-suara-panel]');
    if (p && (p.dataset.keadaan === 'bicara' || p.dataset.keadaan === 'konfirmasi')) {
      document.dispatchEvent(new KeyboardEvent('keydown', {ctrlKey: true, shiftKey: true,
                                                         code: 'Space', key: ' '}));
      return true;
    }
    return false;"""

ASKED = """
    const p = document.querySelector('[data-suara-panel]');
    if (!p || (p.dataset.keadaan !== 'bicara' && p.dataset.keadaan !== 'konfirmasi')) return null;
    return {isian: p.dataset.isian || '', konfirmasi: p.hasAttribute('data-konfirmasi'),
            status: p.querySelector('[data-suara-status]').textContent, path: location.pathname,
            bagian: Number(p.dataset.bagian || 0),
            sent: JSON.parse(sessionStorage.getItem('suara-terkirim') || '[]').length};"""


def _speech_stack_missing() -> str | None:
    endpoints = {r.rule for r in site().app.url_map.iter_rules()}
    missing = [e for e in ("/suara/kenali", "/suara/ucap") if e not in endpoints]
    if missing:
        return f"the server speech endpoints {missing} are not in this app"
    return None


DIGIT_WORDS = {"nol": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5",
               "enam": "6", "tujuh": "7", "delapan": "8", "sembilan": "9"}


def _digits_spaced(words: str) -> str:
    return " ".join(DIGIT_WORDS.get(w, w) for w in words.replace(",", " ").split())


def _reply(asked: dict, answers: dict, read_back: dict) -> str:
    """What the citizen says to what the page is asking now. A long number heard wrong is
    asked again a part at a time (the panel says which part): she says that group of her
    answer, then "selesai" after the last."""
    answer = answers[asked["isian"]]
    parts = [p.strip() for p in answer.split("|")]
    part = parts[asked["bagian"] - 1] if 0 < asked["bagian"] <= len(parts) else None
    if asked["konfirmasi"]:
        status = asked["status"]
        if "Ingin mengisinya?" in status or "Ada lagi" in status:
            return "tidak"
        if part is not None:
            return "ya" if f"sebutkan: {_digits_spaced(part)}." in status else "tidak"
        expected = read_back.get(asked["isian"])
        return "ya" if expected is None or expected in status else "tidak"
    if asked["bagian"]:
        return _one_by_one(part) if part is not None else "selesai"
    return _one_by_one(" ".join(parts)) if "|" in answer else answer


def _one_by_one(digits: str) -> str:
    return ", ".join(digits.split())


def _converse(driver, microphone, answers: dict, until: str, said: list,
              read_back: dict = READ_BACK, limit: int = 80):
    """Answer whatever the page asks, by voice, until the address contains `until`."""
    trail = []
    refused: dict = {}  # (page, field) → the read-backs she said "tidak" to
    for _turn in range(limit):
        deadline = time.monotonic() + 60
        asked = None
        while time.monotonic() < deadline and until not in driver.current_url:
            state = panel_state(driver)
            if not trail or trail[-1] != state:
                trail.append(state)
            asked = driver.execute_script(ASKED)
            if asked and (asked["isian"] or asked["konfirmasi"]):
                break
            time.sleep(0.05)
        if until in driver.current_url:
            return
        assert asked, "the page asked nothing for a minute; the panel went:\n  " + "\n  ".join(
            json.dumps(s, ensure_ascii=False)[:240] for s in trail[-10:])
        text = _reply(asked, answers, read_back)
        if asked["konfirmasi"] and text == "tidak" and asked["isian"] in read_back:
            wrong = refused.setdefault((asked["path"], asked["isian"]), [])
            wrong.append(asked["status"])
            # A long number may be taken again in parts; anything else three times is enough.
            allowed = 12 if asked["isian"] in LONG_NUMBERS else 3
            assert len(wrong) < allowed, (f"{asked['isian']!r} misheard {allowed} times "
                                          f"(said {answers[asked['isian']]!r}): {wrong}")
        again = 0 if text in ("ya", "tidak") else said.count((asked["path"], asked["isian"], text))
        say_into_microphone(microphone, text, *REPEAT_WAYS[again % len(REPEAT_WAYS)])
        if not driver.execute_script(SKIP_SPEECH):
            continue  # it began listening before the answer was ready: it asks again
        said.append((asked["path"], asked["isian"], text))
        WebDriverWait(driver, 60, poll_frequency=0.05).until(lambda d: until in d.current_url or (
            len(json.loads(d.execute_script("return sessionStorage.getItem('suara-terkirim')")
                           or "[]")) > asked["sent"]))
        # Nothing stays in the microphone: a question asked again before the next answer is
        # ready hears silence, not the last answer.
        write_wav(microphone, silence(1.0))
    raise AssertionError(f"no end after {limit} answers: {said[-10:]}")


def test_a_complete_request_and_status_check_by_voice(voice_driver, microphone):
    """The blind grandmother's path: accept voice mode, choose from the spoken menu, answer
    every question by speaking, confirm each read-back with "ya" (or correct it), submit, hear
    the registration number, then check the status by voice from the same phone. The
    recogniser and the speech engine are the real ones; espeak-ng speaks her part into
    Chromium's fake microphone."""
    missing = _speech_stack_missing()
    if missing:
        pytest.skip(missing)
    from pwa.web.db import get_db
    from pwa.store import permohonan as request_store

    driver = voice_driver
    resize(driver, 390)
    write_wav(microphone, silence(1.0))
    driver.get(driver.base_url + "/healthz")
    driver.delete_all_cookies()
    driver.execute_script("sessionStorage.clear(); localStorage.clear();")
    driver.get(driver.base_url + "/")
    driver.find_element(By.CSS_SELECTOR, "[data-suara-tawaran] button[value=aktif]").click()

    said: list = []
    _converse(driver, microphone, ANSWERS, "/ajukan/selesai/", said)
    number = "".join(driver.find_element(By.CSS_SELECTOR, ".reg-number").text.split())
    wait_for(driver, lambda s: s["keadaan"] == "siap", "the done page read out", timeout=120)
    spoken = " ".join(u["teks"] for u in driver.execute_script("return window.__suaraUji.ucap"))
    assert " ".join(number[:4]) in spoken, "the registration number was not read digit by digit"
    with site().app.app_context():
        p = request_store.by_nomor(get_db(), number)
    assert p is not None, f"no request {number} on the server"
    assert (p["layanan_slug"], p["mode"], p["kecamatan"], p["kategori"], p["telepon"]) == (
        "konsultasi", "langsung", "Bebandem", ["lansia"], "081234567890")
    assert p["nama"], "no name kept"  # whatever was heard, read back and confirmed

    # Cek status by voice. No question is pending on the done page, so the shortcut opens the
    # microphone for a command. This phone sent the request, so /status reads it as menu item
    # one: she says "satu" instead of twelve digits (those are tested with a scripted
    # recogniser: test_a_long_number_*).
    say_into_microphone(microphone, "cek status")
    press_shortcut(driver)
    WebDriverWait(driver, 60).until(lambda d: d.current_url.endswith("/status"))
    write_wav(microphone, silence(1.0))
    _converse(driver, microphone, ANSWERS, "/permohonan/", said)
    # The status page's number carries its label as hidden text, for screen readers.
    shown = driver.find_element(By.CSS_SELECTOR, ".reg-number").text
    assert re.sub(r"\D", "", shown) == number


def test_typing_in_the_form_takes_over_and_the_voice_offers_the_typed_answer_back(
        voice_driver, microphone):
    """Correcting by typing: the voice steps aside, then reads back what was typed."""
    driver = voice_driver
    write_wav(microphone, silence(1.0))
    resize(driver, 1280)
    open_in_voice_mode(driver, "/ajukan/data-diri",
                       {"draf_id": site().demo.empty_drafts["langsung"]},
                       recogniser={"tahan": True, "jawaban": [], "diam": True})
    wait_for(driver, lambda s: s["keadaan"] == "dengar", "listening for the name")
    field = driver.find_element(By.ID, "nama")
    field.click()
    s = wait_for(driver, lambda s: s["keadaan"] == "siap", "the voice stepping aside")
    assert "mengetik" in s["status"], s
    field.send_keys("Made Sari")
    driver.find_element(By.CSS_SELECTOR, "[data-suara-mic]").click()
    s = wait_for(driver, lambda s: s["konfirmasi"] and "Made Sari" in s["status"],
                 "the typed name offered back")
    driver.find_element(By.CSS_SELECTOR, "[data-suara-jawab='ya']").click()
    wait_for(driver, lambda s: "Nomor HP" in s["mentari"], "the next question")
    assert field.get_attribute("value") == "Made Sari"


def test_bantuan_ulangi_kembali_and_batal_work_on_a_step(voice_driver, microphone):
    driver = voice_driver
    write_wav(microphone, silence(1.0))
    resize(driver, 1280)
    plan = {"diam": True, "jawaban": [scripted_intent("bantuan", "bantuan"), scripted_intent("ulangi", "ulangi"),
                                      scripted_intent("kembali", "kembali"), scripted_intent("batal", "batal"),
                                      scripted_intent("ya", "ya")]}
    open_in_voice_mode(driver, "/ajukan/data-diri",
                       {"draf_id": site().demo.empty_drafts["langsung"]}, recogniser=plan)

    def said():
        return [u["teks"] for u in driver.execute_script("return window.__suaraUji.ucap")]

    # Count every time MENTARI starts speaking (a repeated sentence comes from the audio cache,
    # so it is not sent to /suara/ucap again).
    wait_for(driver, lambda s: s["keadaan"] == "dengar", "listening")
    driver.execute_script("""
        const p = document.querySelector('[data-suara-panel]');
        window.__bicara = [];
        new MutationObserver(() => { if (p.dataset.keadaan === 'bicara')
            window.__bicara.push(p.querySelector('[data-suara-ucapan]').textContent); })
          .observe(p, {attributes: true, attributeFilter: ['data-keadaan'], subtree: true,
                       childList: true, characterData: true});""")

    def spoke():
        return driver.execute_script("return window.__bicara.slice()")

    speak_next(driver)  # "bantuan": the help, then the question
    WebDriverWait(driver, 10).until(lambda d: any("Anda bisa mengatakan" in t for t in said()))
    wait_for(driver, lambda s: s["keadaan"] == "dengar", "listening after the help")
    assert spoke()[-1].startswith("Nama lengkap"), spoke()
    before = len([t for t in spoke() if t.startswith("Nama lengkap")])
    speak_next(driver)  # "ulangi": the question again
    WebDriverWait(driver, 10).until(
        lambda d: len([t for t in spoke() if t.startswith("Nama lengkap")]) > before)
    speak_next(driver)  # "kembali": the previous page
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/ajukan/cara"))
    speak_next(driver)  # "batal", then "ya": home
    speak_next(driver)
    WebDriverWait(driver, 10).until(lambda d: d.current_url == d.base_url + "/")


# "selesai" (done) after the last part: no command, the number dialogue reads it itself.
_SELESAI = {"body": {"text": "selesai", "intent": None, "slots": {}, "confidence": 0.0,
                     "ms": 600, "yakin": False}}


def _digits(digits: str) -> dict:
    return {"body": {"text": " ".join(digits), "intent": "angka", "slots": {"angka": digits},
                     "confidence": 1.0, "ms": 600, "yakin": True}}


def test_this_phones_requests_are_a_spoken_menu_and_satu_opens_the_newest(
        voice_driver, microphone):
    """Cek status on a phone that sent requests: no twelve digits to recite. The requests are
    read as a numbered menu, newest first, then "another number"; "satu" opens the newest."""
    driver = voice_driver
    write_wav(microphone, silence(1.0))
    resize(driver, 1280)
    owned = site().demo.owned
    plan = {"diam": True, "jawaban": [
        {"body": {"text": "satu", "intent": "pilih_menu", "slots": {"nomor": 1},
                  "confidence": 0.95, "ms": 600, "yakin": True}}]}
    open_in_voice_mode(driver, "/status", {}, recogniser=plan)
    wait_for(driver, lambda s: s["keadaan"] == "dengar", "listening after the menu")
    spoken = " ".join(u["teks"] for u in driver.execute_script("return window.__suaraUji.ucap"))
    speak_next(driver)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith(f"/permohonan/{owned[-1]}"))
    with site().app.app_context():
        from pwa.web.db import get_db
        from pwa.store import permohonan as request_store
        newest = request_store.get(get_db(), owned[-1])
    assert f"1: {newest['layanan_nama']}" in spoken, spoken[:400]
    assert f"{len(owned) + 1}: Cek permohonan lain dengan nomor registrasi" in spoken, spoken[-400:]


def test_a_long_number_given_in_parts_must_still_have_every_digit(voice_driver, microphone):
    """The registration number heard wrong, then given four digits at a time: a part short
    is caught when she says "selesai", not sent as a shorter number."""
    driver = voice_driver
    write_wav(microphone, silence(1.0))
    resize(driver, 1280)
    said_no = scripted_intent("tidak", "tidak")
    plan = {"diam": True, "jawaban": [
        _digits("482173056299"), said_no,                   # the whole number, heard wrong
        _digits("4821"), scripted_intent("ya", "ya"),               # part one, confirmed
        _digits("7305"), scripted_intent("ya", "ya"),
        _digits("629"), scripted_intent("ya", "ya"),                # part three: a digit lost
        _SELESAI]}
    open_in_voice_mode(driver, "/status?lain=1", {}, recogniser=plan)
    for _ in plan["jawaban"]:
        speak_next(driver)
    WebDriverWait(driver, 10).until(lambda d: any(
        "11 angka, padahal perlu 12" in u["teks"]
        for u in d.execute_script("return window.__suaraUji.ucap")))
    assert driver.find_element(By.ID, "nomor").get_attribute("value") == ""
    # …and then the whole number is asked for again.
    wait_for(driver, lambda s: s["keadaan"] == "dengar", "listening for the number again")


def test_a_long_number_heard_with_a_digit_lost_is_then_taken_in_parts(voice_driver, microphone):
    """The whole registration number heard one digit short. Asking for the whole number
    again would hear the same thing again (a voice that drops a digit drops it every time),
    so she is told the count and asked four digits at a time."""
    driver = voice_driver
    write_wav(microphone, silence(1.0))
    resize(driver, 1280)
    said_yes = scripted_intent("ya", "ya")
    plan = {"diam": True, "jawaban": [
        _digits("48217305629"),                             # the whole number, a digit lost
        _digits("4821"), said_yes, _digits("7305"), said_yes, _digits("6299"), said_yes,
        _SELESAI,
        said_yes]}                                          # the whole number read back
    open_in_voice_mode(driver, "/status?lain=1", {}, recogniser=plan)
    for _ in plan["jawaban"]:
        speak_next(driver)
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "nomor").get_attribute("value") == "482173056299")
    spoken = [u["teks"] for u in driver.execute_script("return window.__suaraUji.ucap")]
    told = next(i for i, t in enumerate(spoken) if "11 angka, padahal perlu 12" in t)
    assert any("4 8 2 1" in t for t in spoken[told:]), "the first part was not read back"


def _buttons_shown(box) -> list[str]:
    return [b.text for b in box.find_elements(By.TAG_NAME, "button") if b.is_displayed()]


def _record(driver, box, ready: str, seconds: float, label: str) -> dict:
    """Turn the device on, record for `seconds` and stop, as a keyboard user would: each
    state shows only its own button, and axe checks the recording state. Returns the file
    the recorder put into the form's field."""
    status = box.find_element(By.CSS_SELECTOR, "[data-status-rekam]")
    box.find_element(By.CSS_SELECTOR, "[data-nyalakan]").send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: ready in status.text)
    assert driver.switch_to.active_element.text == "Mulai merekam"
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: "Merekam" in status.text)
    assert driver.switch_to.active_element.text == "Berhenti merekam"
    assert _buttons_shown(box) == ["Berhenti merekam"]
    audit(driver, f"{label}, recording")
    time.sleep(seconds)  # what the fake device plays is recorded
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "Rekaman selesai" in status.text)
    return driver.execute_script(
        "const f = document.getElementById(arguments[0].dataset.input).files;"
        "return f.length ? {name: f[0].name, type: f[0].type, size: f[0].size} : null",
        box) or {"type": "", "size": 0}


def test_staff_record_a_prompt_in_the_browser_and_citizens_then_hear_it(voice_driver,
                                                                        microphone):
    """The admin's prompt page records with the microphone into its own file field, so a
    Balinese-speaking colleague records each sentence where she reads it; the ordinary post
    then checks, trims and levels it. Every state of the recorder passes axe."""
    from speech import audio, rekaman

    from pwa import suara

    from .harness.site import login_as
    driver = voice_driver
    key = "bicara_sekarang"
    folder = suara.recordings_folder(site().app)
    # The live server's own folder: speech/ is configured by the last app a process built, and
    # under pytest-xdist that may be another test's app.
    kept = rekaman.path(folder, "id", key)
    assert not kept.is_file()
    say_into_microphone(microphone, "Silakan bicara sekarang.", speed=1.0)
    try:
        login_as(driver, "admin")
        resize(driver, 1280)
        driver.get(f"{driver.base_url}/staf/admin/suara/id/{key}")
        box = driver.find_element(By.CSS_SELECTOR, "[data-rekam]")
        audit(driver, "prompt recorder, microphone off")
        chosen = _record(driver, box, "Mikrofon menyala", 3.5, "prompt recorder")
        assert chosen["type"].startswith("audio/") and chosen["size"] > 1000, chosen
        assert driver.switch_to.active_element.tag_name == "audio", "focus was lost"
        assert _buttons_shown(box) == ["Nyalakan mikrofon"]  # to record it again
        for width in (1280, 320):
            resize(driver, width)
            audit(driver, f"prompt recorder, recorded, at {width}px")
            if width == 320:
                assert overflow_report(driver) is None
        resize(driver, 1280)
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: key not in d.current_url)
        assert kept.is_file(), driver.find_element(By.TAG_NAME, "main").text[:300]
        # What was said is kept, trimmed of the silence around it: about the sentence's length.
        seconds = audio.decode(kept.read_bytes(), 16000, 60, 10 ** 7).size / 16000
        assert 0.8 < seconds < 3.5, seconds
    finally:
        rekaman.remove(folder, "id", key)
        write_wav(microphone, silence(1.0))


def test_the_same_recorder_takes_a_sign_clip_from_the_camera(voice_driver):
    """The sign-language admin page uses the same recorder with the camera (Chromium's fake
    camera here): the clip lands in the video field, focus on the player."""
    from .harness.site import login_as
    driver = voice_driver
    login_as(driver, "admin")
    resize(driver, 1280)
    driver.get(f"{driver.base_url}/staf/admin/isyarat/tambah")
    box = driver.find_element(By.CSS_SELECTOR, "[data-rekam]")
    chosen = _record(driver, box, "Kamera menyala", 2, "sign clip recorder")
    assert chosen["type"].startswith("video/") and chosen["size"] > 1000, chosen
    assert driver.switch_to.active_element.tag_name == "video", "focus was lost"
    assert _buttons_shown(box) == ["Nyalakan kamera"]
    audit(driver, "sign clip recorder, recorded")


def test_a_yes_the_recogniser_is_not_sure_of_is_asked_again_not_taken(voice_driver, microphone):
    """The number read back, and an answer heard as "ya" but not for sure (Whisper's own
    guess): taking it would send a number she may not have confirmed."""
    driver = voice_driver
    write_wav(microphone, silence(1.0))
    resize(driver, 1280)
    unsure_yes = {"body": {"text": "Ya.", "intent": "ya", "slots": {}, "confidence": 0.8,
                           "ms": 600, "yakin": False}}
    plan = {"diam": True, "jawaban": [_digits("482173056299"), unsure_yes, scripted_intent("tidak", "tidak")]}
    open_in_voice_mode(driver, "/status?lain=1", {}, recogniser=plan)

    def ucap():
        return [u["teks"] for u in driver.execute_script("return window.__suaraUji.ucap")]

    speak_next(driver)  # the number: read back, "Benar?"
    speak_next(driver)  # "ya", not sure: "Maaf, saya belum mengerti …", the read-back again
    WebDriverWait(driver, 10).until(lambda d: any("belum mengerti" in t for t in ucap()))
    wait_for(driver, lambda s: s["keadaan"] == "dengar" and s["konfirmasi"], "asked again")
    assert driver.find_element(By.ID, "nomor").get_attribute("value") == ""
    speak_next(driver)  # "tidak": the number is asked for again, nothing sent
    wait_for(driver, lambda s: s["keadaan"] == "dengar" and not s["konfirmasi"],
             "the number asked for again")
    assert driver.current_url.endswith("/status?lain=1")
    assert driver.find_element(By.ID, "nomor").get_attribute("value") == ""
