"""Voice mode in a real browser (a11y_tests/test_voice_ui.py, bench/voice_ui.py): a fake
microphone fed from a WAV file that espeak-ng speaks into, a stand-in recogniser the tests
script, and the Chromium that records from the file and plays sound without a tap.

Chromium reads the fake-microphone file again each time the page opens the microphone, so a
test writes the next answer's WAV before the page starts listening for it. `microphone` and
`voice_driver` are module-scoped fixtures: import them into the test module.
"""
import json
import os
import shutil
import tempfile
import wave

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from .browser import launch, require_browser
from .routes import citizen_session

RATE = 22050  # espeak-ng's sample rate; the silence written alongside must match it

# A stand-in for /suara/kenali, active only when the test puts a script of answers in
# sessionStorage ("suara-uji"): {"jawaban": [{"status", "body", "headers"}], "tahan": bool}.
# With "tahan" the request waits until window.__suaraUji.lepas() is called. Whatever is sent
# to /suara/ucap, or fetched from /suara/prompt/ (text and rate), is noted in
# window.__suaraUji.ucap; the request goes on to the server unless the plan says "diam", then
# a 50 ms silence comes back at once (for tests about what is read, not how it sounds).
RECOGNISER_STAND_IN = """
(() => {
  const real = window.fetch.bind(window);
  const ctl = window.__suaraUji = { terkirim: 0, lepas: null, ucap: [] };
  const silence = () => {
    const n = 800, b = new DataView(new ArrayBuffer(44 + 2 * n));
    const put = (o, s) => [...s].forEach((c, i) => b.setUint8(o + i, c.charCodeAt(0)));
    put(0, 'RIFF'); b.setUint32(4, 36 + 2 * n, true); put(8, 'WAVEfmt ');
    b.setUint32(16, 16, true); b.setUint16(20, 1, true); b.setUint16(22, 1, true);
    b.setUint32(24, 16000, true); b.setUint32(28, 32000, true); b.setUint16(32, 2, true);
    b.setUint16(34, 16, true); put(36, 'data'); b.setUint32(40, 2 * n, true);
    return new Response(b.buffer, { headers: { 'Content-Type': 'audio/wav' } });
  };
  window.fetch = (url, opts) => {
    const plan = JSON.parse(sessionStorage.getItem('suara-uji') || 'null');
    if (String(url).endsWith('/suara/kenali')) {  // where each utterance was sent from
      const sent = JSON.parse(sessionStorage.getItem('suara-terkirim') || '[]');
      sessionStorage.setItem('suara-terkirim', JSON.stringify(sent.concat(location.pathname)));
    }
    if (String(url).endsWith('/suara/ucap')) {
      ctl.ucap.push({ teks: opts.body.get('teks'), laju: opts.body.get('laju') });
      if (plan && plan.diam) return Promise.resolve(silence());
    }
    if (String(url).includes('/suara/prompt/')) {  // a fixed prompt: its text from the page
      const u = new URL(url, location.href);
      const prompts = JSON.parse(document.getElementById('suara-data').textContent).prompts;
      const said = Object.keys(prompts).find((t) =>
        new URL(prompts[t], location.href).pathname === u.pathname);
      ctl.ucap.push({ teks: said, laju: u.searchParams.get('laju') });
      if (plan && plan.diam) return Promise.resolve(silence());
    }
    if (!plan || !String(url).endsWith('/suara/kenali')) return real(url, opts);
    ctl.terkirim++;
    const next = () => {
      const plan = JSON.parse(sessionStorage.getItem('suara-uji'));
      const r = plan.jawaban.shift() || { status: 200, body: { text: '' } };
      sessionStorage.setItem('suara-uji', JSON.stringify(plan));
      return new Response(JSON.stringify(r.body), { status: r.status || 200,
        headers: Object.assign({ 'Content-Type': 'application/json' }, r.headers || {}) });
    };
    if (plan.tahan) return new Promise((resolve) => { ctl.lepas = () => resolve(next()); });
    return Promise.resolve(next());
  };
})();
"""


# --- microphone input -------------------------------------------------------------------------

def silence(seconds: float) -> bytes:
    return b"\x00\x00" * int(RATE * seconds)


def write_wav(path: str, frames: bytes) -> None:
    """Write atomically: Chromium may open the file at any moment."""
    part = path + ".part"
    with wave.open(part, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)
    os.replace(part, path)


def spoken(text: str, speed: float = 0.85, voice: str = "id+m3") -> bytes:
    """espeak-ng (the library the app itself ships) saying `text` in Indonesian, as 16-bit mono
    frames at RATE: by default its male variant a little slower than usual, which Whisper base
    hears best of espeak's voices (measured on the answers below)."""
    from speech import espeak
    samples, rate = espeak.synthesise(text, voice=voice, rate=speed)
    assert rate == RATE
    return samples.tobytes()


def say_into_microphone(path: str, text: str, speed: float = 0.85,
                        voice: str = "id+m3") -> None:
    # A breath before and silence after, as a person speaks: the page hears the end of speech.
    write_wav(path, silence(0.4) + spoken(text, speed, voice) + silence(2.0))


# A person asked the same thing again does not say it the same way again; espeak does, and
# Whisper then hears the same mistake every time. Each repeat of an answer is said another way:
# another speed and another of espeak's articulations. Measured offline on 25 random
# registration numbers given in parts: with speed alone, 7 of 25 needed 8 or more tries in
# all; with both, 3 of 25 needed 12 or more (Whisper base loops on espeak's "tujuh tujuh").
REPEAT_WAYS = tuple((speed, voice) for voice, speed in (
    ("id+m3", 0.85), ("id", 0.7), ("id+f3", 1.0), ("id+m3", 0.6), ("id", 0.85), ("id+f3", 0.7),
    ("id+m3", 1.0), ("id", 0.6), ("id+f3", 0.85), ("id+m3", 0.7), ("id", 1.0), ("id+f3", 0.6)))


# --- the browser ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def microphone():
    folder = tempfile.mkdtemp(prefix="mentari-mic-")
    path = os.path.join(folder, "mic.wav")
    write_wav(path, silence(1.0))
    yield path
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def voice_driver(live_server, microphone):
    """Chromium that lets pages play sound without a tap and records from `microphone`."""
    require_browser()
    driver, home = launch(
        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        # %noloop: the answer plays once, then the microphone hears silence.
        f"--use-file-for-fake-audio-capture={microphone}%noloop",
        "--autoplay-policy=no-user-gesture-required", prefix="mentari-chromium-voice-",
        script_timeout=None, command_timeout=None)
    browser = driver
    browser.base_url = live_server
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                            {"source": RECOGNISER_STAND_IN})
    # A fresh Chromium sometimes sends its very first page request without a cookie set just
    # before it: set and use one once, so the tests' sessions always arrive.
    browser.get(live_server + "/healthz")
    browser.add_cookie({"name": "pemanasan", "value": "1", "path": "/"})
    browser.get(live_server + "/healthz")
    browser.delete_all_cookies()
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(home, ignore_errors=True)


# The voice panel as a test drives it: its state, waiting for one, a page opened in voice mode
# with a scripted recogniser, and that recogniser's answers.
def panel_state(driver) -> dict:
    return driver.execute_script("""
        const p = document.querySelector('[data-suara-panel]');
        if (!p) return {path: location.pathname, keadaan: null};
        const f = (s) => { const e = p.querySelector(s); return e ? e.textContent : ''; };
        return {path: location.pathname, keadaan: p.dataset.keadaan,
                status: f('[data-suara-status]'), mentari: f('[data-suara-ucapan]'),
                anda: f('[data-suara-didengar]'),
                konfirmasi: !p.querySelector('[data-suara-konfirmasi]').hidden,
                ketik: !p.querySelector('[data-suara-ketik]').hidden};""")


def wait_for(driver, condition, what: str, timeout: float = 30) -> dict:
    seen = []

    def check(d):
        s = panel_state(d)
        if not seen or seen[-1] != s:
            seen.append(s)
        return s if condition(s) else False
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05).until(check)
    except Exception:
        trail = "\n  ".join(json.dumps(s, ensure_ascii=False)[:300] for s in seen[-8:])
        raise AssertionError(f"waited {timeout}s for {what}; the panel went:\n  {trail}")


def open_in_voice_mode(driver, path: str, session: dict, display: str = "",
                       recogniser: dict | None = None, welcome: bool = False) -> None:
    cookie = ".".join(filter(None, ["suara-aktif", display]))
    citizen_session(driver, session, {"tampilan": cookie})
    driver.execute_script(
        "sessionStorage.clear();"
        "if (arguments[0]) sessionStorage.setItem('suara-uji', arguments[0]);"
        "if (!arguments[1]) sessionStorage.setItem('mentari-suara-sambutan', '1');",
        json.dumps(recogniser) if recogniser else "", welcome)
    driver.get(driver.base_url + path)


def answers_sent(driver) -> int:
    """Utterances the page has sent to the recogniser so far, across page loads."""
    return len(json.loads(driver.execute_script(
        "return sessionStorage.getItem('suara-terkirim') || '[]'")))


def speak_next(driver) -> None:
    """The microphone is open: "Selesai bicara" sends the scripted recogniser's next answer."""
    wait_for(driver, lambda s: s["keadaan"] == "dengar", "listening")
    before = answers_sent(driver)
    driver.find_element(By.CSS_SELECTOR, "[data-suara-mic]").click()
    # The recorder stops asynchronously, so the panel still says "dengar" for a moment: wait
    # until the answer has gone, or the next call would click into the same recording.
    WebDriverWait(driver, 10).until(lambda d: answers_sent(d) > before)


def scripted_intent(name: str, text: str) -> dict:
    return {"body": {"text": text, "intent": name, "slots": {}, "confidence": 0.95, "ms": 600,
                     "yakin": True}}
