"""The layers of docs/architecture.md hold: import-linter's contracts (pyproject.toml) pass.

A view that imports another view, SQL outside the store, or Flask in the domain or speech/
fails here, with import-linter's chain of imports saying where."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout
