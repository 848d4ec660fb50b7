"""Piper neural voices (piper-tts), used for a language once the office has installed a voice
for it with `mentari speech install-voice`. No voice ships with the app: the recommended
Indonesian one (id_ID-news_tts-medium) lives on a model hub this machine cannot reach, so it is
installed from a file or URL and its sha256, and espeak-ng speaks until then.

Layout: <folder>/<lang>/<name>.onnx and <name>.onnx.json, one voice per language. Installing
writes a new folder beside the old one and swaps it in, so a reader never sees half a voice.
"""
import functools
import hashlib
import json
import os
import shutil
import tempfile
import threading
import urllib.request
from pathlib import Path

import numpy as np

from .errors import EngineMissing

DOWNLOAD_TIMEOUT_S = 60
_lock = threading.Lock()


class VoiceRefused(Exception):
    """The voice could not be installed: unreadable, wrong checksum, not a Piper voice."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fetch(source: str, target: Path) -> None:
    """Copy a local file or download a URL to `target`."""
    if "://" not in source:
        try:
            shutil.copyfile(source, target)
        except OSError as problem:
            raise VoiceRefused(f"cannot read {source}: {problem.strerror}") from problem
        return
    if not source.startswith(("https://", "http://", "file://")):
        raise VoiceRefused(f"unsupported address {source}")
    try:
        # An address the admin typed on the command line; its scheme is checked just above.
        answer = urllib.request.urlopen(source, timeout=DOWNLOAD_TIMEOUT_S)  # nosec B310
        with answer, target.open("wb") as out:
            shutil.copyfileobj(answer, out, 1 << 20)
    except OSError as problem:
        raise VoiceRefused(f"cannot download {source}: {problem}") from problem


def install(source: str, sha256: str, folder: Path, lang: str = "id") -> Path:
    """Install the voice at `source` (the .onnx; its .onnx.json is beside it) for `lang`.
    Returns the installed .onnx path."""
    if not source.endswith(".onnx"):
        raise VoiceRefused("give the voice's .onnx file (its .onnx.json must be beside it)")
    name = source.rstrip("/").rsplit("/", 1)[-1]
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{lang}-", dir=folder))
    try:
        model = work / name
        _fetch(source, model)
        actual = _sha256(model)
        if actual != sha256.lower():
            raise VoiceRefused(f"{name} has sha256 {actual}, expected {sha256.lower()}")
        _fetch(source + ".json", work / (name + ".json"))
        try:
            config = json.loads((work / (name + ".json")).read_text("utf-8"))
            config["audio"]["sample_rate"]
        except (ValueError, KeyError, TypeError) as problem:
            raise VoiceRefused(f"{name}.json is not a Piper voice configuration") from problem
        with _lock:
            place = folder / lang
            old = folder / f".old-{lang}"
            shutil.rmtree(old, ignore_errors=True)
            if place.exists():
                os.replace(place, old)
            os.replace(work, place)
            shutil.rmtree(old, ignore_errors=True)
            _voice.cache_clear()
        return place / name
    finally:
        shutil.rmtree(work, ignore_errors=True)


def installed(folder: Path, lang: str) -> Path | None:
    """The .onnx of the voice installed for `lang`, if there is one."""
    found = sorted((folder / lang).glob("*.onnx")) if (folder / lang).is_dir() else []
    return found[0] if found and found[0].with_suffix(".onnx.json").is_file() else None


def available() -> bool:
    try:
        import piper  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=2)
def _voice(model: Path):
    try:
        from piper import PiperVoice
    except ImportError as missing:
        raise EngineMissing("pip install piper-tts") from missing
    return PiperVoice.load(model)


def synthesise(model: Path, text: str, rate: float = 1.0) -> tuple[np.ndarray, int]:
    """(int16 samples, sample rate) of `text` in the voice at `model`; `rate` > 1 is faster."""
    from piper import SynthesisConfig
    voice = _voice(model)
    chunks = list(voice.synthesize(text, SynthesisConfig(length_scale=1.0 / rate)))
    if not chunks:
        return np.zeros(0, dtype=np.int16), voice.config.sample_rate
    samples = np.concatenate([c.audio_int16_array for c in chunks])
    return samples, chunks[0].sample_rate
