"""Intent accuracy and false accepts on the spoken development set (tests/voice/), issues 5
and 20: commands right, commands acted on wrongly, out-of-domain sentences acted on.

    .venv/bin/python bench/voice_accuracy.py                   # tuning part, espeak-ng's voices
    .venv/bin/python bench/voice_accuracy.py --part test       # the held-out part (reported)
    .venv/bin/python bench/voice_accuracy.py --part both --save heard.json
    .venv/bin/python bench/voice_accuracy.py --text heard.json # the matcher on saved transcripts
    .venv/bin/python bench/voice_accuracy.py --text -          # … on the lines as written
    .venv/bin/python bench/voice_accuracy.py --script > baca.txt
    .venv/bin/python bench/voice_accuracy.py --recordings DIR  # people's voices

With --recordings, DIR holds people reading the script: one file per line, named by the
line's number (007.m4a, or 007-bu-sari.wav), straight from a phone's recorder, in DIR or in a
folder per speaker below it. Lines not recorded are left out of the figures.

--text scores the intent matcher alone, from what Whisper wrote in a saved spoken run (or
from the written lines): seconds instead of minutes, so the meaning lists are tuned on the
tuning part's transcripts without listening again. Never tune on the test part's.
"""
import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speech import stt  # noqa: E402
from tests.voice import devset  # noqa: E402


def report(part: str, figures: dict, seconds: float | None = None, misses: bool = True) -> None:
    if misses:
        for miss in figures["misses"]:
            print("  ", miss)
    extra = ""
    if figures.get("ms"):
        ms = figures["ms"]
        extra = (f"; {figures['verified']} heard again without the prompt; recognition p50 "
                 f"{ms[len(ms) // 2]} ms, p95 {ms[min(len(ms) - 1, int(len(ms) * 0.95))]} ms")
    print(f"[{part}] in-domain: {figures['correct']}/{figures['in_domain']} right "
          f"({figures['accuracy']:.1%}; {figures['asked_to_confirm']} of them asked "
          f"'apakah maksud Anda …?' first; {figures['wrong_actions']} misses acted on the wrong "
          f"thing; {figures['read_back_wrong']} numbers heard wrong, read back for a 'ya' "
          f"before use); out-of-domain: {figures['false_accepts']} false "
          f"accepts of {figures['out_of_domain']}, {figures['out_of_domain_asked']} asked about"
          + extra + (f"; {seconds:.0f} s" if seconds is not None else ""))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--script", action="store_true", help="print the lines to read aloud")
    options.add_argument("--recordings", type=Path, help="a folder of people's recordings")
    options.add_argument("--part", choices=("tuning", "test", "both"), default="tuning")
    options.add_argument("--save", type=Path, help="save Whisper's transcripts (JSON)")
    options.add_argument("--text", help="score saved transcripts (JSON), or '-' the lines")
    options.add_argument("--quiet", action="store_true", help="figures only, no misses")
    args = options.parse_args()
    parts = ("tuning", "test") if args.part == "both" else (args.part,)
    if args.script:
        print(devset.script(parts[0]))
        return
    if args.text:
        saved = {} if args.text == "-" else json.loads(Path(args.text).read_text())
        for part in parts:
            report(part + (" text" if args.text == "-" else " transcripts"),
                   devset.score_text(part, saved.get(part)), misses=not args.quiet)
        return
    if args.recordings and not args.recordings.is_dir():
        sys.exit(f"{args.recordings} is not a folder")
    stt.configure(Path(tempfile.mkdtemp(prefix="mentari-accuracy-")) / "whisper-base")
    saved = {}
    for part in parts:
        started = time.perf_counter()
        heard = saved.setdefault(part, [])
        figures = devset.run(args.recordings, part, transcripts=heard)
        if args.recordings and not figures["in_domain"] + figures["out_of_domain"]:
            sys.exit(f"no recordings named by a script line (001.m4a …) in {args.recordings}")
        report(part, figures, time.perf_counter() - started, misses=not args.quiet)
    if args.save:
        args.save.write_text(json.dumps(saved, ensure_ascii=False, indent=0))


if __name__ == "__main__":
    main()
