"""POST /suara/kenali: what a citizen said, as text and the intent it asks for."""
from flask import current_app, jsonify, request
from flask_babel import force_locale

from speech import intents, stt
from speech.audio import MAX_BYTES
from speech.errors import AudioTooLong, AudioUndecodable, Busy, EngineMissing

from ..bahasa.locales import locale_for
from ..web import batas
from .blueprint import bp
from .respond import failure, lang_of


@bp.post("/suara/kenali")
@batas.per_client("suara", lambda config: config["SPEECH_RATE_LIMIT"])
def kenali():
    upload = request.files.get("audio")
    lang = lang_of(request.form.get("lang"))
    context = request.form.get("konteks")
    context = context if context in intents.CONTEXTS else None
    with force_locale(locale_for(lang)):
        if upload is None:
            return failure("bukan_suara", 415)
        data = upload.stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return failure("terlalu_panjang", 413)
        try:
            result = stt.recognise(data, lang, context)
        except AudioTooLong:
            return failure("terlalu_panjang", 413)
        except AudioUndecodable:
            return failure("bukan_suara", 415)
        except Busy:
            return failure("sibuk", 503, retry=True)
        except EngineMissing:
            current_app.logger.error("speech recognition is not installed")
            return failure("tidak_tersedia", 503, retry=True)
    return jsonify(text=result.text, intent=result.intent, slots=result.slots,
                   confidence=result.confidence,
                   yakin=result.intent is not None and result.confidence >= intents.SURE,
                   ms=result.ms)
