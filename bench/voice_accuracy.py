"""Intent accuracy and false accepts on the spoken development set (tests/voice/), issue 5 §3:
target at least 95% of in-domain utterances recognised, no out-of-domain utterance acted on.

    .venv/bin/python bench/voice_accuracy.py                   # espeak-ng's voices
    .venv/bin/python bench/voice_accuracy.py --script > baca.txt
    .venv/bin/python bench/voice_accuracy.py --recordings DIR  # people's voices

With --recordings, DIR holds people reading the script: one file per line, named by the
line's number (007.m4a, or 007-bu-sari.wav), straight from a phone's recorder, in DIR or in a
folder per speaker below it. Lines not recorded are left out of the figures.
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speech import stt  # noqa: E402
from tests.voice import devset  # noqa: E402


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--script", action="store_true", help="print the lines to read aloud")
    options.add_argument("--recordings", type=Path, help="a folder of people's recordings")
    args = options.parse_args()
    if args.script:
        print(devset.script())
        return
    if args.recordings and not args.recordings.is_dir():
        sys.exit(f"{args.recordings} is not a folder")
    stt.configure(Path(tempfile.mkdtemp(prefix="mentari-accuracy-")) / "whisper-base")
    started = time.perf_counter()
    figures = devset.run(args.recordings)
    if args.recordings and not figures["in_domain"] + figures["out_of_domain"]:
        sys.exit(f"no recordings named by a script line (001.m4a …) in {args.recordings}")
    for miss in figures["misses"]:
        print("  ", miss)
    print(f"in-domain: {figures['correct']}/{figures['in_domain']} right "
          f"({figures['accuracy']:.1%}; {figures['asked_to_confirm']} of them asked "
          f"'apakah maksud Anda …?' first; {figures['wrong_actions']} misses acted on the wrong "
          f"thing); out-of-domain: {figures['false_accepts']} false "
          f"accepts of {figures['out_of_domain']}, {figures['out_of_domain_asked']} asked about; "
          f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
