"""POST /suara/ucap: the page's own words, read aloud (Ogg/Opus)."""
from flask import request

from speech import tts

from ..web import batas
from .blueprint import bp
from .respond import MAX_TEXT, audio_response, failure, lang_of, rate_of


@bp.post("/suara/ucap")
@batas.per_client("suara", lambda config: config["SPEECH_RATE_LIMIT"])
def ucap():
    text = " ".join((request.form.get("teks") or "").split())
    if not text or len(text) > MAX_TEXT:
        return failure("teks", 422)
    lang = lang_of(request.form.get("lang"))
    return audio_response(tts.speak(text, lang, rate_of(request.form.get("laju"))), 3600)
