"""An approach to meaning measured and not shipped (issue 20): score the phrases a question
knows by Whisper's own likelihood of them, instead of reading Whisper's free transcript.

For each line of the spoken development set, the question's known phrases (the K shortest of
each meaning: template sentences and the YAML's `meaning:` words) are written as Whisper
writes ("Kembali.") and scored teacher-forced on the line's encoding (CTranslate2's
`Whisper.align`, whose `text_token_probs` are each token's probability given the audio and
the tokens before it), with or without the question's prompt before them. Printed:

- the best-scoring meaning alone, as a recogniser: commands right;
- the shipped recogniser, then the best-scoring meaning asked about ("apakah maksud Anda
  …?") where it found nothing, at thresholds on the phrase's mean log-probability and its
  margin over the next meaning: commands gained, wrong meanings asked, out-of-domain
  sentences asked about;
- the time scoring takes per line.

    .venv/bin/python bench/voice_rescoring.py                  # tuning part, K = 3
    .venv/bin/python bench/voice_rescoring.py --prompted --limit 60

Measured on the tuning part (docs/voice-accuracy.md), three runs: alone 42-56 of 162
commands right, against 126-132 for the shipped recogniser; as a second chance it gained 0-4
commands while asking about 2-53 out-of-domain sentences and 0-13 wrong meanings; scoring
p50 0.57 s a line (p95 0.87 s; with the prompt about 1.5 s). Whisper base gives the words it
did not write no better likelihood than any other phrase.
"""
import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speech import audio, intents, stt  # noqa: E402
from speech.intents import meaning  # noqa: E402
from tests.voice import devset  # noqa: E402

COMMAND_CONTEXTS = ("yatidak", "ringkasan", "menu", "layanan", "cara", "bahasa")
BATCH = 12   # align's cost grows faster than its batch (each row repeats the encoding)


def phrases(allowed: tuple, k: int) -> list[tuple[str, tuple]]:
    """The k shortest phrases of each meaning the question allows: (text, (intent, slots))."""
    known = defaultdict(set)
    for cue in meaning.cues():
        if cue.intent in allowed:
            known[(cue.intent, cue.slots)].add(" ".join(cue.words))
    for code in ("id", "ban"):
        for intent in allowed:
            for sentence, slots, _words in intents._samples(code, intent):
                known[(intent, slots)].add(sentence)
    return [(text, key) for key, texts in known.items()
            for text in sorted(texts, key=lambda t: (len(t), t))[:k]]


def as_written(text: str) -> str:
    """As Whisper writes a short answer: capitalised, with a full stop."""
    text = text.strip()
    return " " + text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def encoded(whisper, samples):
    """The speech's encoding as the shipped unpadded path makes it, and its frame count."""
    features, frames = stt.speech_features(samples, stt.UNPADDED_PAD)
    return whisper.encode(features), frames


def scores(whisper, tokenizer, encoding, frames, texts, start) -> list[list[float]]:
    """Each text's token log-probabilities given the audio (teacher-forced)."""
    import ctranslate2
    import numpy as np
    memory = np.array(encoding)
    out = []
    for i in range(0, len(texts), BATCH):
        batch = [tokenizer.encode(as_written(t)) for t in texts[i:i + BATCH]]
        repeated = ctranslate2.StorageView.from_array(
            np.ascontiguousarray(np.repeat(memory, len(batch), axis=0)))
        for result in whisper.model.align(repeated, start, batch, frames):
            out.append([float(np.log(max(p, 1e-9))) for p in result.text_token_probs])
    return out


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--part", choices=("tuning", "test"), default="tuning")
    options.add_argument("--k", type=int, default=3, help="phrases per meaning")
    options.add_argument("--prompted", action="store_true",
                         help="the question's prompt before each phrase, as when decoding")
    options.add_argument("--limit", type=int, help="only the first n lines")
    args = options.parse_args()
    from faster_whisper.tokenizer import Tokenizer
    stt.configure(Path(tempfile.mkdtemp(prefix="mentari-rescoring-")) / "whisper-base")
    whisper = stt.model()
    tokenizer = Tokenizer(whisper.hf_tokenizer, True, task="transcribe", language="id")
    rows, lines, spent = devset.utterances(args.part), [], []
    devset.seed_sampling()
    for n, u in enumerate(rows[:args.limit]):
        if u.context not in COMMAND_CONTEXTS:
            continue
        data = devset.recording(n, u.text, args.part)
        shipped = stt.recognise(data, u.lang, u.context)
        started = time.perf_counter()
        encoding, frames = encoded(whisper, audio.decode_for_whisper(data))
        prompt = stt._prompt(u.context, u.lang) if args.prompted else None
        start = whisper.get_prompt(tokenizer, tokenizer.encode(" " + prompt) if prompt else [],
                                   without_timestamps=True)
        known = phrases(intents.CONTEXTS[u.context], args.k)
        scored = scores(whisper, tokenizer, encoding, frames, [t for t, _k in known], start)
        spent.append(time.perf_counter() - started)
        best = defaultdict(lambda: -1e9)
        for (_text, key), logprobs in zip(known, scored):
            best[key] = max(best[key], sum(logprobs) / len(logprobs))
        ranked = sorted(best.items(), key=lambda item: -item[1])
        (intent, slots), top = ranked[0]
        lines.append(dict(truth=u.intent, right=(intent, dict(slots)) == (u.intent, u.slots),
                          score=top, margin=top - ranked[1][1],
                          shipped_right=(shipped.intent, shipped.slots) == (u.intent, u.slots),
                          shipped_found=shipped.intent is not None))
    commands = [line for line in lines if line["truth"]]
    print(f"[{args.part}] {len(lines)} lines of command questions; K = {args.k}"
          + (", prompted" if args.prompted else ""))
    print(f"  shipped recogniser: {sum(x['shipped_right'] for x in commands)}/{len(commands)} "
          f"commands right; best-scoring meaning alone: "
          f"{sum(x['right'] for x in commands)}/{len(commands)}")
    for floor in (-1.5, -2.0, -2.5, -3.0, -4.0):
        for margin in (0.0, 0.5, 1.0):
            asked = [x for x in lines if not x["shipped_found"] and x["score"] >= floor
                     and x["margin"] >= margin]
            print(f"  then asked where it found nothing, mean ≥ {floor}, margin ≥ {margin}: "
                  f"+{sum(1 for x in asked if x['truth'] and x['right'])} right, "
                  f"{sum(1 for x in asked if x['truth'] and not x['right'])} wrong meanings "
                  f"asked, {sum(1 for x in asked if not x['truth'])} out-of-domain asked")
    spent.sort()
    print(f"  scoring per line: p50 {spent[len(spent) // 2] * 1000:.0f} ms, "
          f"p95 {spent[int(len(spent) * 0.95)] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
