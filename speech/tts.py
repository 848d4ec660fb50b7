"""Text to speech: a human recording of a fixed prompt when the office has one, else espeak-ng
(the offline voice shipped with the espeakng-loader wheel). Output is Ogg/Opus, cached on disk
by a hash of engine, voice, rate and text, with a size bound (oldest files go first).

Balinese: no engine speaks it. A Balinese prompt without a recording is read by the
Indonesian voice, whose sounds are close enough to be understood; recordings fix that.
(Piper voices are not installed here: the recommended id_ID-news_tts-medium cannot be fetched
on this machine, see the README.)
"""
import hashlib
import os
import tempfile
import threading
from pathlib import Path

from . import audio, espeak
from .normalise import normalise

ESPEAK_VOICES = {"id": "id", "ban": "id"}
RATES = (0.75, 1.0, 1.25)

_config = {"cache": Path(tempfile.gettempdir()) / "mentari-suara", "max_bytes": 50 * 2 ** 20,
           "recorded": [Path(__file__).resolve().parent / "recorded"]}
_prune_lock = threading.Lock()


def configure(cache_dir, max_bytes: int | None = None, recorded_dirs=()) -> None:
    """Where synthesised audio is kept (and how much of it), and where recordings live
    (searched before the built-in speech/recorded/)."""
    _config["cache"] = Path(cache_dir)
    if max_bytes:
        _config["max_bytes"] = max_bytes
    _config["recorded"] = [Path(d) for d in recorded_dirs] + [
        Path(__file__).resolve().parent / "recorded"]


def engine_for(lang: str) -> tuple[str, str]:
    """(engine, voice) this language's synthesis uses."""
    return "espeak-ng", ESPEAK_VOICES.get(lang, "id")


def recorded(key: str, lang: str) -> Path | None:
    """A human recording of this fixed prompt in this language, if the office made one."""
    for folder in _config["recorded"]:
        path = folder / lang / f"{key}.ogg"
        if path.is_file():
            return path
    return None


def speak(text: str, lang: str = "id", rate: float = 1.0) -> Path:
    """An Ogg/Opus file saying `text` (normalised first), from the cache when it is there."""
    rate = min(RATES, key=lambda r: abs(r - rate))
    engine, voice = engine_for(lang)
    spoken = normalise(text)
    key = hashlib.sha256(f"{engine}|{voice}|{rate}|{spoken}".encode()).hexdigest()
    path = _config["cache"] / key[:2] / f"{key}.ogg"
    if path.is_file():
        return path
    samples, sample_rate = espeak.synthesise(spoken, voice=voice, rate=rate)
    data = audio.to_ogg_opus(samples, sample_rate)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(temporary, path)  # atomic: a reader never sees half a file
    _prune()
    return path


def prompt_path(key: str, text: str, lang: str = "id", rate: float = 1.0) -> Path:
    """A fixed prompt: the recording if there is one, else synthesis of its (translated) text."""
    return recorded(key, lang) or speak(text, lang, rate)


def _prune() -> None:
    """Keep the cache under its size bound, dropping the least recently written files."""
    with _prune_lock:
        files = [(p.stat().st_mtime, p.stat().st_size, p)
                 for p in _config["cache"].glob("*/*.ogg")]
        total = sum(size for _t, size, _p in files)
        for _mtime, size, path in sorted(files):
            if total <= _config["max_bytes"]:
                break
            path.unlink(missing_ok=True)
            total -= size
