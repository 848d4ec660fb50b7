"""Whisper's encoding padded to 30 s (today) against unpadded, on the spoken development set
(issue 20, latency): commands right, wrong actions, false accepts and recognition p50/p95 for
each way, measured back to back on the same audio.

    .venv/bin/python bench/voice_unpadded.py --part both               # padded vs shipped
    .venv/bin/python bench/voice_unpadded.py --pads 0.5 2 5 --every 4  # a screen of pads
    .venv/bin/python bench/voice_unpadded.py --save unpadded.json      # transcripts too
    .venv/bin/python bench/voice_unpadded.py --noise                   # commands in loud noise

Each line is spoken once (espeak-ng keeps state between calls, so it is never spoken again
for the other way) and recognised by stt.recognise once per way, one after the other, so the
machine's other work slows both alike; the ratio of their times is printed beside the
figures. A pad is seconds of the padding (zeros) after the speech's own frames, on every
question; "auto" is what ships (stt.UNPADDED_PAD on stt.UNPADDED_CONTEXTS' questions, the
others and the prompt guard's second listen padded); "padded" is 3000 frames everywhere
(MENTARI_STT_UNPADDED=off).
"""
import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speech import stt  # noqa: E402
from tests.voice import devset  # noqa: E402


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))] if values else 0


def run(part: str, ways: list, every: int = 1, limit: int | None = None) -> dict:
    rows = devset.utterances(part)
    devset.seed_sampling()
    heard = {way: [] for way in ways}
    for n, u in enumerate(rows[:limit]):
        if n % every:
            continue
        data = devset.recording(n, u.text, part)
        for way in ways:
            if way in ("padded", "auto"):
                stt._settings.update(unpadded="off" if way == "padded" else "auto", pad=None)
            else:
                stt._settings.update(unpadded="all", pad=float(way))
            heard[way].append((n, stt.recognise(data, u.lang, u.context)))
    stt._settings.update(unpadded="auto", pad=None)
    figures = {}
    for way, results in heard.items():
        f = devset.score(rows, [(n, r.intent, r.slots, r.confidence, r.text)
                                for n, r in results])
        f["ms"] = [r.ms for _n, r in results]
        f["transcripts"] = [{"n": n, "text": r.text, "guessed": r.guessed, "intent": r.intent,
                             "slots": r.slots, "confidence": r.confidence,
                             "verified": r.verified, "ms": r.ms} for n, r in results]
        f["contexts"] = {}
        for context in sorted({u.context for u in rows}):
            c = devset.score(rows, [(n, r.intent, r.slots, r.confidence, r.text)
                                    for n, r in results if rows[n].context == context])
            f["contexts"][context] = {k: c[k] for k in ("correct", "in_domain",
                                                        "wrong_actions", "false_accepts",
                                                        "out_of_domain")}
        figures[way] = f
    return figures


NOISY = [("ulangi", "menu", "ulangi"), ("kembali", "menu", "kembali"),
         ("bantuan", "menu", "bantuan"), ("batal", "menu", "batal"),
         ("nomor empat", "menu", "pilih_menu"), ("ya", "yatidak", "ya"),
         ("tidak", "yatidak", "tidak"), ("jemput bola", "cara", "pilih_cara"),
         ("surat keterangan", "layanan", "pilih_layanan"), ("benar", "yatidak", "ya")]


NOISE_DB = (0, 6, 12, 20)


def noise() -> None:
    """Ten commands in three voices over white noise at 0, 6, 12 and 20 dB SNR (as loud as
    the voice, half as loud, …), heard three ways: padded; auto (what ships: unpadded only
    where the recording's voice stands stt.QUIET_DB above its background); and unpadded on
    every command ("all", auto without that gate). Right, acted on wrongly, heard unpadded."""
    import numpy as np
    from speech import audio, espeak, intents
    said = []
    for i, (text, context, intent) in enumerate(NOISY):
        for voice in ("id", "id+f3", "id+m3"):
            samples, rate = espeak.synthesise(text, voice=voice, rate=0.9)
            speech = samples.astype(np.float32)
            for snr in NOISE_DB:
                hiss = np.random.default_rng(i).normal(0, 1, speech.size) * np.sqrt(
                    np.mean(speech ** 2) / 10 ** (snr / 10))
                noisy = np.clip(speech + hiss, -32768, 32767).astype(np.int16)
                said.append((snr, text, context, intent, audio.wav_bytes(noisy, rate)))
    devset.seed_sampling()
    for mode in ("off", "auto", "all"):
        stt._settings.update(unpadded=mode, pad=None)
        figures = {snr: [0, 0, 0, 0] for snr in NOISE_DB}   # right, wrong, unpadded, all
        for n, (snr, text, context, intent, data) in enumerate(said):
            heard = stt.recognise(data, "id", context)
            counts = figures[snr]
            counts[0] += heard.intent == intent
            counts[2] += stt._unpadded_pad(audio.decode_for_whisper(data), context) is not None
            counts[3] += 1
            if heard.intent != intent and heard.confidence >= intents.SURE:
                counts[1] += 1
                print(f"   [{mode}] WRONG ACTION {text!r} ({snr} dB) heard {heard.text!r} "
                      f"→ {heard.intent}")
        label = {"off": "padded (30 s)", "auto": "auto (ships)", "all": "unpadded, ungated"}
        print(f"[noise] {label[mode]:<18}" + "; ".join(
            f"{snr} dB: right {r}/{total}, wrong {w}, unpadded {u}"
            for snr, (r, w, u, total) in figures.items()))
    stt._settings.update(unpadded="auto", pad=None)


def report(part: str, figures: dict, misses: bool) -> None:
    base = figures.get("padded")
    for way, f in figures.items():
        if misses and way != "padded":
            for miss in f["misses"]:
                print(f"   [{way}]", miss)
        ms = f["ms"]
        ratio = ""
        if base is not None and way != "padded":
            each = sorted(a / max(b, 1) for a, b in zip(ms, base["ms"]))
            ratio = (f"; time ÷ padded: p50 {pct(ms, 50) / max(pct(base['ms'], 50), 1):.2f}, "
                     f"per line median {each[len(each) // 2]:.2f}")
        label = {"padded": "padded (30 s)", "auto": "unpadded, auto"}.get(
            way, f"unpadded +{way} s")
        print(f"[{part}] {label:<16} right {f['correct']}/{f['in_domain']} "
              f"({f['accuracy']:.1%}, {f['asked_to_confirm']} asked), wrong actions "
              f"{f['wrong_actions']}, false accepts {f['false_accepts']}/{f['out_of_domain']}; "
              f"recognition p50 {pct(ms, 50)} ms, p95 {pct(ms, 95)} ms" + ratio)
    for context in base["contexts"] if base else ():
        print(f"   {context:<10}" + "".join(
            f" | {way}: {c['correct']}/{c['in_domain']} right, {c['wrong_actions']} wrong, "
            f"{c['false_accepts']}/{c['out_of_domain']} fa"
            for way, c in ((w, f["contexts"][context]) for w, f in figures.items())))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--part", choices=("tuning", "test", "both"), default="tuning")
    options.add_argument("--pads", nargs="+", default=["auto"],
                         help="seconds of padding after the speech on every question, one "
                              "way each; 'auto' is what ships (MENTARI_STT_UNPADDED=auto)")
    options.add_argument("--every", type=int, default=1, help="only every n-th line")
    options.add_argument("--limit", type=int, help="only the first n lines")
    options.add_argument("--save", type=Path, help="save the figures and transcripts (JSON)")
    options.add_argument("--quiet", action="store_true", help="figures only, no misses")
    options.add_argument("--noise", action="store_true", help="commands in loud noise only")
    args = options.parse_args()
    stt.configure(Path(tempfile.mkdtemp(prefix="mentari-unpadded-")) / "whisper-base")
    stt.model()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    if args.noise:
        noise()
        return
    saved = {}
    for part in ("tuning", "test") if args.part == "both" else (args.part,):
        started = time.perf_counter()
        saved[part] = run(part, ["padded"] + args.pads, args.every, args.limit)
        report(part, saved[part], not args.quiet)
        print(f"[{part}] {time.perf_counter() - started:.0f} s, load average "
              f"{os.getloadavg()[0]:.2f}")
    if args.save:
        args.save.write_text(json.dumps(saved, ensure_ascii=False, indent=0))


if __name__ == "__main__":
    main()
