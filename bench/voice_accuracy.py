"""Intent accuracy and false accepts on the spoken development set (tests/voice/), issue 5 §3:
target at least 95% of in-domain utterances recognised, no out-of-domain utterance acted on.

    .venv/bin/python bench/voice_accuracy.py
"""
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speech import stt  # noqa: E402
from tests.voice import devset  # noqa: E402


def main() -> None:
    stt.configure(Path(tempfile.mkdtemp(prefix="mentari-accuracy-")) / "whisper-base")
    started = time.perf_counter()
    figures = devset.run()
    for miss in figures["misses"]:
        print("  ", miss)
    print(f"in-domain: {figures['correct']}/{figures['in_domain']} right "
          f"({figures['accuracy']:.1%}; {figures['asked_to_confirm']} of them asked "
          f"'apakah maksud Anda …?' first; {figures['wrong_actions']} misses acted on the wrong "
          f"thing); out-of-domain: {figures['false_accepts']} false "
          f"accepts of {figures['out_of_domain']}; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
