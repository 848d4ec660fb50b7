"""The spoken development set: each line of utterances.tsv spoken by espeak-ng with a
different voice, speed and pitch, some with background noise, sent as the Ogg/Opus a phone
would upload, then recognised. Used by bench/voice_accuracy.py and
tests/speech/test_voice_accuracy.py."""
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from speech import audio, espeak, intents, stt

HERE = Path(__file__).resolve().parent
VOICES = ("id", "id+f3", "id+m3", "id+f2")
RATES = (0.85, 1.0, 1.15)
PITCHES = (40, 50, 60)


@dataclass
class Utterance:
    text: str
    lang: str
    context: str
    intent: str | None
    slots: dict


def utterances() -> list[Utterance]:
    rows = []
    for line in (HERE / "utterances.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, lang, context, intent, slots = line.split("\t")
            rows.append(Utterance(text, lang, context, None if intent == "-" else intent,
                                  json.loads(slots)))
    return rows


def recording(n: int, text: str) -> bytes:
    """The n-th utterance's audio: voices, speeds and pitches vary; every third has noise at
    about 20 dB below the speech, as in a quiet room with a fan or a road outside."""
    samples, rate = espeak.synthesise(text, voice=VOICES[n % len(VOICES)],
                                      rate=RATES[n % len(RATES)], pitch=PITCHES[n % 3],
                                      seed=n)
    if n % 3 == 2 and samples.size:
        speech = samples.astype(np.float32)
        noise = np.random.default_rng(n).normal(0, 1, speech.size).astype(np.float32)
        noise *= np.sqrt(np.mean(speech ** 2) / 100)  # 20 dB SNR
        samples = np.clip(speech + noise, -32768, 32767).astype(np.int16)
    silence = np.zeros(int(rate * 0.3), dtype=np.int16)  # a phone starts and stops a bit early
    return audio.to_ogg_opus(np.concatenate([silence, samples, silence]), rate)


# What the office's recorders save: phones (M4A, AAC in MP4), laptops (WAV, WebM), others.
AUDIO_SUFFIXES = (".wav", ".m4a", ".mp3", ".ogg", ".opus", ".webm", ".aac")


def script() -> str:
    """The set as a numbered script for people to read aloud, one line per utterance."""
    return "\n".join(f"{n:03d}  {u.text}" + ("   (basa Bali)" if u.lang == "ban" else "")
                     for n, u in enumerate(utterances(), start=1))


def recorded(folder: Path) -> list[tuple[int, bytes]]:
    """Real voices: (index, audio) for each file named by its line of script() ("007.m4a",
    "007-bu-sari.wav"), in `folder` or in a folder per speaker below it. Other files are
    left alone."""
    found, count = [], len(utterances())
    for path in sorted(folder.rglob("*")):
        line = re.match(r"(\d{1,3})(?!\d)", path.stem)
        if (path.is_file() and path.suffix.lower() in AUDIO_SUFFIXES and line
                and 1 <= int(line[1]) <= count):
            found.append((int(line[1]) - 1, path.read_bytes()))
    return found


def run(recordings: Path | None = None) -> dict:
    """Recognise the set (espeak-ng's voices, or people's recordings in `recordings`) and
    count what a citizen would meet: right, asked back, acted on wrongly, false accepts."""
    rows = utterances()
    spoken = (recorded(recordings) if recordings
              else ((n, recording(n, u.text)) for n, u in enumerate(rows)))
    right = wrong = false_accepts = asked = wrong_actions = out_of_domain = 0
    ood_asked = 0
    misses = []
    import ctranslate2
    for n, data in spoken:
        u = rows[n]
        # Whisper's fallback samples at temperature 0.4: the same seed, the same figures.
        ctranslate2.set_random_seed(n)
        result = stt.recognise(data, u.lang, u.context)
        sure = result.intent is not None and result.confidence >= intents.SURE
        if u.intent is None:
            out_of_domain += 1
            false_accepts += sure
            # Asked about ("apakah maksud Anda …?"): a question the citizen answers "tidak".
            ood_asked += result.intent is not None and not sure
            if sure:
                misses.append(f"FALSE ACCEPT {u.text!r} heard {result.text!r} → {result.intent}")
            continue
        if result.intent == u.intent and result.slots == u.slots:
            right += 1
            asked += not sure
        else:
            wrong += 1
            # A miss heard for sure acts on the wrong thing; the others ask or do nothing.
            wrong_actions += sure
            misses.append(f"{'WRONG ACTION ' if sure else ''}{u.text!r} ({u.context}) "
                          f"heard {result.text!r} → {result.intent} {result.slots}")
    total = right + wrong
    return {"in_domain": total, "correct": right, "accuracy": right / total if total else 0.0,
            "asked_to_confirm": asked, "wrong_actions": wrong_actions,
            "out_of_domain": out_of_domain, "false_accepts": false_accepts,
            "out_of_domain_asked": ood_asked, "misses": misses}
