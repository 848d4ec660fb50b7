"""Issue 5 §3: the spoken development set (tests/voice/), recognised end to end (espeak-ng
audio → Ogg/Opus → Whisper → intent), with both figures printed at the end of the run.

TARGET is the issue's: 95% of commands. The recogniser does not reach it yet on espeak-ng's
voice (see the README), so what fails the suite today is a regression: accuracy below the
FLOOR, more commands acted on the wrong thing than measured, or any out-of-domain sentence
acted on. The set's voices are seeded and the set is spoken in a process of its own, so the test
gives the bench's figure whatever other tests ran before it (inside the test process espeak-ng's
state made it differ by a few utterances, and under xdist by the order of the files). The floor
sits below the bench's. Raise it as the recogniser
improves; once it reaches the target, the floor is the target.

Issue 20 grew the set to two parts of 294 and 157 lines; recognising them takes minutes on
two cores, so this test keeps to the tuning part's first 102 lines (the set it always ran) and
the held-out figure is bench/voice_accuracy.py --part test's (docs/voice-accuracy.md).
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from speech import stt

ROOT = Path(__file__).resolve().parents[2]

# One worker runs the whole set once (pytest-xdist: `--dist loadfile` keeps a file together;
# the group says so to `--dist loadgroup` too). Its figure depends on what espeak-ng spoke before.
pytestmark = pytest.mark.xdist_group("voice-accuracy")

TARGET = 0.95
FLOOR = 0.80
# A command acted on the wrong thing costs the citizen more than one asked about. A number heard
# wrong is read back for a "ya" (intents.READ_BACK), so it is counted apart (read_back_wrong):
# those were the 2 or 3 counted here before. 0 in the bench and the test run since; 1 allowed
# for the runs' spread.
MOST_WRONG_ACTIONS = 1


# In a process of its own: espeak-ng keeps state between calls, so in the test process the
# voices sounded different after whatever other tests had spoken, and under pytest-xdist that
# depends on which files the worker ran first. A fresh process speaks as the bench does.
RUN = """
import json, sys
from speech import stt
from tests.voice import devset
stt.configure(sys.argv[1])
print(json.dumps(devset.run(limit=int(sys.argv[2]))))
"""


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    model = stt.install_model(tmp_path_factory.getbasetemp() / "whisper-base")
    done = subprocess.run([sys.executable, "-c", RUN, str(model), str(ORIGINAL_LINES)],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


# The original development lines: the held-out part is the bench's (issue 20), too slow here.
ORIGINAL_LINES = 102


SUMMARY = ("correct", "in_domain", "accuracy", "wrong_actions", "read_back_wrong",
           "false_accepts", "out_of_domain", "out_of_domain_asked")


@pytest.fixture(autouse=True)
def _report_figures(figures, record_property):
    """Hand the figures to the end-of-run summary (tests/conftest.py), also from an xdist worker."""
    record_property("voice_figures", dict({k: figures[k] for k in SUMMARY}, target=TARGET))


def test_no_out_of_domain_sentence_is_acted_on(figures):
    assert figures["out_of_domain"] >= 30
    assert figures["false_accepts"] == 0, [m for m in figures["misses"] if "FALSE" in m]


def test_command_accuracy_does_not_fall_below_what_was_measured(figures):
    assert figures["in_domain"] >= 70
    assert figures["accuracy"] >= min(FLOOR, TARGET), (
        f"{figures['accuracy']:.1%} of commands right (floor {FLOOR:.0%}):\n  "
        + "\n  ".join(figures["misses"]))


def test_few_misses_act_on_the_wrong_thing(figures):
    assert figures["wrong_actions"] <= MOST_WRONG_ACTIONS, [
        m for m in figures["misses"] if m.startswith("WRONG")]
