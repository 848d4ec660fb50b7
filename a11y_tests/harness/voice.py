"""Voice mode in a real browser (a11y_tests/test_voice_ui.py, bench/voice_ui.py): a fake
microphone fed from a WAV file that espeak-ng speaks into, a stand-in recogniser the tests
script, and the Chromium that records from the file and plays sound without a tap.

Chromium reads the fake-microphone file again each time the page opens the microphone, so a
test writes the next answer's WAV before the page starts listening for it. `microphone` and
`voice_driver` are module-scoped fixtures: import them into the test module.
"""
import os
import shutil
import tempfile
import wave

import pytest

from .browser import launch, require_browser

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
