"""How the /suara endpoints answer: sounds, refusals the page can show, and the language and
rate a request asks for."""
from pathlib import Path

from flask import jsonify, request, send_file, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from speech import tts

from . import teks
from .folders import LANGS

RATES = {"0.75": 0.75, "1": 1.0, "1.0": 1.0, "1.25": 1.25}
MAX_TEXT = 2000          # characters per /suara/ucap request (voice-audio.js sends ≤ 1900)
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
