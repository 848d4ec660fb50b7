"""GET /suara/prompt/<key>.ogg: a fixed prompt, rendered once per language and rate."""
from flask import abort, request

from speech import tts

from . import teks
from .respond import audio_response, lang_of, rate_of
from .blueprint import bp


@bp.get("/suara/prompt/<key>.ogg")
def prompt(key):
    lang = lang_of(request.args.get("lang"))
    text = teks.prompt_text(key, lang)
    if text is None:
        abort(404)
    path = tts.prompt_path(key, text, lang, rate_of(request.args.get("laju")))
    # A URL with the words' version never changes its sound; one without may.
    versioned = request.args.get("v") == tts.prompt_version(key, text, lang)
    return audio_response(path, 365 * 24 * 3600 if versioned else 3600, immutable=versioned)
