"""The office's own recordings of the fixed prompts (rekaman): a person's voice replaces
synthesis for one prompt in one language. Balinese needs them most, since no engine speaks it.

A recording arrives as whatever the recording phone or laptop made (WAV, M4A, MP3, WebM, Ogg):
it is checked by decoding, not by its name, trimmed of the silence before and after the words,
brought to one loudness (so a prompt recorded close to the microphone is not louder than the
next one), and kept as the same Ogg/Opus the phone gets for every other prompt.
"""
import os
import re
import tempfile
from pathlib import Path

import numpy as np

from . import audio
from .errors import AudioTooLong, AudioUndecodable, SpeechError

RATE = 24000                # Opus wideband speech: the same sound as the synthesised prompts
MAX_SECONDS = 30.0
MAX_BYTES = 20 * 1024 * 1024  # thirty seconds of uncompressed stereo WAV fit
WINDOW_S = 0.02
PAD_S = 0.15                # kept before and after the words, so no sound is clipped
SPEECH_BELOW_PEAK = 0.05    # a window this far (−26 dB) below the loudest one is not speech
QUIETEST = 10 ** (-50 / 20)  # under −50 dBFS is silence, however quiet the whole file is
TARGET_RMS = 10 ** (-20 / 20)
MAX_PEAK = 10 ** (-1 / 20)

_KEY = re.compile(r"[a-z0-9_]+")


class RecordingRefused(SpeechError):
    """reason: "bukan_audio" (nothing here decodes it), "terlalu_panjang", or "sunyi" (no
    speech heard)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def prepare(data: bytes) -> bytes:
    """A recording as the Ogg/Opus the phone plays: trimmed, levelled, mono."""
    try:
        samples = audio.decode(data, RATE, MAX_SECONDS, MAX_BYTES)
    except AudioTooLong:
        raise RecordingRefused("terlalu_panjang") from None
    except AudioUndecodable:
        raise RecordingRefused("bukan_audio") from None
    words = _trimmed(samples)
    if words is None:
        raise RecordingRefused("sunyi")
    return audio.to_ogg_opus(_levelled(words), RATE)


def _trimmed(samples: np.ndarray) -> np.ndarray | None:
    width = int(RATE * WINDOW_S)
    count = samples.size // width
    if count == 0:
        return None
    windows = samples[:count * width].reshape(count, width)
    loudness = np.sqrt(np.mean(windows ** 2, axis=1))
    speech = np.flatnonzero(loudness >= max(loudness.max() * SPEECH_BELOW_PEAK, QUIETEST))
    if speech.size == 0:
        return None
    pad = int(RATE * PAD_S)
    start = max(0, speech[0] * width - pad)
    end = min(samples.size, (speech[-1] + 1) * width + pad)
    return samples[start:end]


def _levelled(samples: np.ndarray) -> np.ndarray:
    rms = float(np.sqrt(np.mean(samples ** 2)))
    gain = TARGET_RMS / rms
    peak = float(np.abs(samples).max()) * gain
    if peak > MAX_PEAK:
        gain *= MAX_PEAK / peak
    return np.clip(samples * gain * 32767, -32768, 32767).astype(np.int16)


def path(folder: Path, lang: str, key: str) -> Path:
    if not _KEY.fullmatch(key) or not _KEY.fullmatch(lang):
        raise ValueError(f"not a prompt key: {key!r} ({lang!r})")
    return Path(folder) / lang / f"{key}.ogg"


def install(folder: Path, lang: str, key: str, data: bytes) -> Path:
    """Keep the prepared recording for this prompt; atomic, so a phone never gets half."""
    target = path(folder, lang, key)
    prepared = prepare(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    with os.fdopen(fd, "wb") as f:
        f.write(prepared)
    os.replace(temporary, target)
    return target


def remove(folder: Path, lang: str, key: str) -> bool:
    """Back to synthesis for this prompt; False if there was no recording."""
    target = path(folder, lang, key)
    if not target.is_file():
        return False
    target.unlink()
    return True
