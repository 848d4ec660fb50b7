"""Where voice mode's files live (instance/suara/ unless configured), and pointing speech/ at
them."""
import os
from pathlib import Path

from speech import stt, tts

LANGS = ("id", "ban")


def folder(app) -> Path:
    return Path(app.config.get("SPEECH_FOLDER") or os.path.join(app.instance_path, "suara"))


def recordings_folder(app) -> Path:
    """The office's prompt recordings (speech/rekaman.py): MENTARI_REKAMAN_FOLDER, so they can
    live with the office's other media and be backed up with them."""
    return Path(app.config.get("SPEECH_REKAMAN_FOLDER") or folder(app) / "rekaman")


def configure_speech(app) -> None:
    """Point speech/ (one engine per process) at this app's folders."""
    base = folder(app)
    timeout = app.config.get("SPEECH_TIMEOUT", 10.0)
    tts.configure(base / "cache", recorded_dirs=[recordings_folder(app)], piper_dir=base / "piper",
                  uri=app.config.get("SPEECH_TTS_URI") or None, timeout=timeout)
    stt.configure(base / "whisper-base", workers=app.config.get("SPEECH_WORKERS", 1),
                  uri=app.config.get("SPEECH_STT_URI") or None, timeout=timeout,
                  unpadded=app.config.get("SPEECH_STT_UNPADDED", "auto"))
