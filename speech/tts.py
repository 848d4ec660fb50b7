"""Text to speech: a human recording of a fixed prompt when the office has one, else a Piper
voice when one is installed for the language (speech/piper.py), else espeak-ng (the offline
voice shipped with the espeakng-loader wheel). Output is Ogg/Opus, cached on disk by a hash of
engine, voice, rate and text, with a size bound (oldest files go first).

Balinese: no engine speaks it. A Balinese prompt without a recording is read by the
Indonesian voice, whose sounds are close enough to be understood; recordings fix that.
"""
import hashlib
import os
import tempfile
import threading
from pathlib import Path

import numpy as np

from . import audio, espeak, piper, rekaman, remote
from .errors import Busy
from .normalise import normalise

ESPEAK_VOICES = {"id": "id", "ban": "id"}
RATES = (0.75, 1.0, 1.25)

_config = {"cache": Path(tempfile.gettempdir()) / "mentari-suara", "max_bytes": 50 * 2 ** 20,
           "recorded": [Path(__file__).resolve().parent / "recorded"], "piper": None,
           "uri": None, "timeout": 10.0}
_prune_lock = threading.Lock()


def configure(cache_dir, max_bytes: int | None = None, recorded_dirs=(),
              piper_dir=None, uri: str | None = None, timeout: float = 10.0) -> None:
    """Where synthesised audio is kept (and how much of it), where recordings live (searched
    before the built-in speech/recorded/), where installed Piper voices are, and the Wyoming
    speech server that synthesises instead (MENTARI_TTS_URI: a wyoming-piper)."""
    _config["cache"] = Path(cache_dir)
    _config["uri"] = remote.check_uri(uri) if uri else None
    _config["timeout"] = timeout
    _config["piper"] = Path(piper_dir) if piper_dir else None
    if max_bytes:
        _config["max_bytes"] = max_bytes
    _config["recorded"] = [Path(d) for d in recorded_dirs] + [
        Path(__file__).resolve().parent / "recorded"]


def piper_voice(lang: str) -> Path | None:
    """The installed Piper voice for this language (Balinese borrows the Indonesian one)."""
    folder = _config["piper"]
    if folder is None or not piper.available():
        return None
    return piper.installed(folder, lang) or (piper.installed(folder, "id") if lang == "ban"
                                             else None)


def engine_for(lang: str, local: bool = False) -> tuple[str, str]:
    """(engine, voice) this language's synthesis uses (`local`: on this machine)."""
    if _config["uri"] and not local:
        return "wyoming", _config["uri"]
    model = piper_voice(lang)
    if model is not None:
        return "piper", model.stem
    return "espeak-ng", ESPEAK_VOICES.get(lang, "id")


def synthesise(text: str, lang: str = "id", rate: float = 1.0, local: bool = False):
    """(int16 samples, sample rate), without the cache: the engine the language uses. The
    speech server's voice has one speed: other rates are stretched here at the same pitch."""
    if _config["uri"] and not local:
        samples, sample_rate = remote.synthesise(_config["uri"], text, language=lang,
                                                 timeout=_config["timeout"])
        if rate != 1.0:
            samples = audio.change_tempo(samples, sample_rate, rate)
        return samples, sample_rate
    model = piper_voice(lang)
    if model is not None:
        return piper.synthesise(model, text, rate)
    return espeak.synthesise(text, voice=ESPEAK_VOICES.get(lang, "id"), rate=rate)


def recorded(key: str, lang: str) -> Path | None:
    """A human recording of this fixed prompt in this language, if the office made one."""
    for folder in _config["recorded"]:
        path = rekaman.path(folder, lang, key)
        if path.is_file():
            return path
    return None


def speak(text: str, lang: str = "id", rate: float = 1.0) -> Path:
    """An Ogg/Opus file saying `text` (normalised first), from the cache when it is there."""
    rate = _nearest(rate)
    spoken = normalise(text)

    def made_by(local: bool) -> Path:
        engine, voice = engine_for(lang, local)

        def synthesised() -> bytes:
            samples, sample_rate = synthesise(spoken, lang, rate, local)
            return audio.to_ogg_opus(samples, sample_rate)
        return _cached(f"{engine}|{voice}|{rate}|{spoken}", synthesised)
    try:
        return made_by(local=False)
    except Busy:
        # The speech server is down or slow: this machine's own voice reads it meanwhile.
        return made_by(local=True)


def prompt_path(key: str, text: str, lang: str = "id", rate: float = 1.0) -> Path:
    """A fixed prompt: the recording if there is one (at the listener's speech rate, same
    pitch), else synthesis of its (translated) text."""
    recording = recorded(key, lang)
    if recording is None:
        return speak(text, lang, rate)
    rate = _nearest(rate)
    if rate == 1.0:
        return recording

    def stretched() -> bytes:
        samples = audio.decode(recording.read_bytes(), rekaman.RATE)
        pcm = np.clip(samples * 32767, -32768, 32767).astype(np.int16)
        return audio.to_ogg_opus(audio.change_tempo(pcm, rekaman.RATE, rate), rekaman.RATE)
    return _cached(f"rekaman|{_stamp(recording)}|{rate}", stretched)


def prompt_version(key: str, text: str, lang: str) -> str:
    """Part of a prompt's URL: new words or a new recording get a new URL, so no phone keeps
    playing the old sound from its year-long cache."""
    recording = recorded(key, lang)
    mark = text if recording is None else f"{text}|{_stamp(recording)}"
    return hashlib.sha256(mark.encode()).hexdigest()[:10]


def _stamp(recording: Path) -> str:
    # Replacing a recording writes a new file (os.replace), so its time and size change.
    st = recording.stat()
    return f"{recording}|{st.st_mtime_ns}|{st.st_size}"


def _nearest(rate: float) -> float:
    return min(RATES, key=lambda r: abs(r - rate))


def _cached(identity: str, make) -> Path:
    """The cached file for `identity`, made by `make()` (Ogg bytes) the first time."""
    key = hashlib.sha256(identity.encode()).hexdigest()
    path = _config["cache"] / key[:2] / f"{key}.ogg"
    if path.is_file():
        return path
    data = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(temporary, path)  # atomic: a reader never sees half a file
    _prune()
    return path


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
