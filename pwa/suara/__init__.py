"""Voice mode inside the app: where its files live (instance/suara/), the /suara endpoints the
voice scripts call, the words it says (teks.py), the office's recordings of them (rekaman.py,
/staf/admin/suara), and the `mentari speech` commands (cli.py). speech/ itself knows nothing of
Flask.

- POST /suara/ucap: text → Ogg/Opus (the page's own words, read aloud).
- GET /suara/prompt/<key>.ogg?lang=&laju=&v=: a fixed prompt (teks.py), rendered once,
  cached for a year by URL (v changes with the words or the office's recording) and kept
  offline by the service worker.
- POST /suara/kenali: a recording → JSON {text, intent, slots, confidence, yakin, ms}; too long
  413, not audio 415, recogniser busy or missing 503 with Retry-After (the page then offers
  the keypad). Nothing said is logged or kept: a name or an address may be in it.
"""
import os
from pathlib import Path

from flask import Blueprint, jsonify, request, send_file, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from speech import stt, tts

from . import teks

bp = Blueprint("suara", __name__)

LANGS = ("id", "ban")
RATES = {"0.75": 0.75, "1": 1.0, "1.0": 1.0, "1.25": 1.25}
MAX_TEXT = 2000          # characters per /suara/ucap request (voice.js sends ≤ 1900)
RETRY_AFTER_S = 2
ERRORS = {
    "terlalu_panjang": _l("Ucapan terlalu panjang. Bicaralah singkat, paling lama 20 detik."),
    "bukan_suara": _l("Rekaman ini tidak bisa dibaca sebagai suara. Tekan Bicara untuk "
                      "mencoba lagi, atau ketik jawaban Anda."),
    "sibuk": _l("Pengenal suara sedang sibuk. Ketik jawaban Anda di kotak di bawah ini, atau "
                "tekan Bicara untuk mencoba lagi sebentar lagi."),
    "tidak_tersedia": _l("Pengenal suara belum terpasang di server ini. Ketik jawaban Anda di "
                         "kotak di bawah ini."),
    "teks": _l("Teks yang dibacakan kosong atau terlalu panjang."),
}


def folder(app) -> Path:
    return Path(app.config.get("SPEECH_FOLDER") or os.path.join(app.instance_path, "suara"))


def recordings_folder(app) -> Path:
    """The office's prompt recordings (speech/rekaman.py): MENTARI_REKAMAN_FOLDER, so they can
    live with the office's other media and be backed up with them."""
    return Path(app.config.get("SPEECH_REKAMAN_FOLDER") or folder(app) / "rekaman")


def configure_speech(app) -> None:
    """Point speech/ (one engine per process) at this app's folders."""
    base = folder(app)
    tts.configure(base / "cache", recorded_dirs=[recordings_folder(app)], piper_dir=base / "piper")
    stt.configure(base / "whisper-base", workers=app.config.get("SPEECH_WORKERS", 1))


def init_app(app):
    from . import cli
    configure_speech(app)
    app.cli.add_command(cli.speech_command)
    app.jinja_env.globals.update(suara_teks=teks.texts, suara_prompts=prompt_urls)


def lang_of(value: str | None) -> str:
    return value if value in LANGS else str(get_locale())


def rate_of(value: str | None) -> float:
    return RATES.get(value or "1", 1.0)


def prompt_urls() -> dict[str, str]:
    """For the page: each fixed prompt's text (in the page's language) → its URL without the
    rate, which the script adds."""
    lang = str(get_locale())
    return {text: url_for("suara.prompt", key=key, lang=lang,
                          v=tts.prompt_version(key, text, lang))
            for key, text in teks.prompts().items()}


def audio_response(path: Path, max_age: int, immutable: bool = False):
    # A prompt is a few KB: whole files only. With ranges, Chromium keeps the partial answer
    # to its media element's "Range: bytes=0-" and later hands a 206 to the service worker,
    # which cannot keep it for offline use.
    response = send_file(path, mimetype="audio/ogg", conditional=False, max_age=max_age)
    response.headers["Cache-Control"] = (f"public, max-age={max_age}, immutable" if immutable
                                         else f"private, max-age={max_age}")
    return response.make_conditional(request)


def failure(reason: str, status: int, retry: bool = False):
    response = jsonify(error=str(ERRORS[reason]), reason=reason)
    response.status_code = status
    if retry:
        response.headers["Retry-After"] = str(RETRY_AFTER_S)
    return response


from . import kenali, prompt, rekaman, ucap  # noqa: E402,F401  (their routes)
