"""People's voices for the development set: the office reads the numbered script into a phone,
one file per line, and bench/voice_accuracy.py --recordings measures the recogniser on them
(espeak-ng's voice is the only one this machine has; real voices are the next measurement)."""
import subprocess
import sys
from pathlib import Path

import numpy as np

from speech import audio, espeak, stt
from tests.voice import devset

ROOT = Path(__file__).resolve().parents[2]


def _said(text: str) -> tuple[np.ndarray, int]:
    samples, rate = espeak.synthesise(text, voice="id+m3", rate=0.9)
    pause = np.zeros(rate // 3, dtype=np.int16)
    return np.concatenate([pause, samples, pause]), rate


def test_the_script_numbers_every_line_and_marks_the_balinese_ones():
    lines = devset.script().splitlines()
    assert len(lines) == len(devset.utterances()) >= 100
    assert lines[46].startswith("047  bahasa Indonesia")
    assert lines[18] == "019  wangsul   (basa Bali)"


def test_recordings_named_by_their_line_are_measured_and_nothing_else(tmp_path,
                                                                     tmp_path_factory):
    stt.configure(tmp_path_factory.getbasetemp() / "whisper-base")
    (tmp_path / "bu-sari").mkdir()
    (tmp_path / "pak-made").mkdir()
    (tmp_path / "bu-sari" / "047.wav").write_bytes(audio.wav_bytes(*_said("bahasa Indonesia")))
    (tmp_path / "pak-made" / "057-rohaniwan.ogg").write_bytes(
        audio.to_ogg_opus(*_said("rohaniwan")))
    (tmp_path / "071.wav").write_bytes(audio.wav_bytes(*_said("cuaca hari ini panas sekali")))
    for other in ("catatan.txt", "999.wav", "0470.wav"):  # not a line of the script
        (tmp_path / other).write_bytes(audio.wav_bytes(*_said("ya")))

    figures = devset.run(tmp_path)

    assert (figures["in_domain"], figures["out_of_domain"]) == (2, 1), figures
    # Each file was judged against its own line: "bahasa Indonesia" is line 47 (line 48 is
    # "bahasa Bali"), "rohaniwan" line 57.
    assert figures["correct"] == 2, figures["misses"]
    assert figures["false_accepts"] == 0


def test_the_bench_prints_the_script_and_refuses_a_folder_without_recordings(tmp_path):
    bench = [sys.executable, str(ROOT / "bench" / "voice_accuracy.py")]
    script = subprocess.run(bench + ["--script"], capture_output=True, text=True, check=True)
    assert script.stdout.splitlines()[0] == "001  ya"
    empty = subprocess.run(bench + ["--recordings", str(tmp_path)], capture_output=True,
                           text=True)
    assert empty.returncode != 0 and "no recordings named by a script line" in empty.stderr
