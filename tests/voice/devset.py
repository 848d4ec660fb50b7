"""The spoken development set: each line of utterances.tsv spoken by espeak-ng with a
different voice, speed and pitch, some with background noise, sent as the Ogg/Opus a phone
would upload, then recognised. Used by bench/voice_accuracy.py and
tests/test_voice_accuracy.py."""
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from speech import audio, espeak, stt

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


def run() -> dict:
    right = wrong = false_accepts = asked = wrong_actions = 0
    misses = []
    import ctranslate2
    for n, u in enumerate(utterances()):
        # Whisper's fallback samples at temperature 0.4: the same seed, the same figures.
        ctranslate2.set_random_seed(n)
        result = stt.recognise(recording(n, u.text), u.lang, u.context)
        sure = result.intent is not None and result.confidence >= 0.82
        if u.intent is None:
            false_accepts += sure
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
    figures = {"in_domain": total, "correct": right, "accuracy": right / total,
               "asked_to_confirm": asked, "wrong_actions": wrong_actions,
               "out_of_domain": len(utterances()) - total,
               "false_accepts": false_accepts, "misses": misses}
    return figures
