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


# --- the shape of the tests (docs/architecture.md, "Where tests go") ---------------------------

import ast  # noqa: E402
import re  # noqa: E402

TEST_TREES = ("tests", "a11y_tests")
# What bench/ may import from the test trees: the harness, and the spoken development set's
# data (tests/voice/devset.py, not a test module).
BENCH_MAY_IMPORT = ("a11y_tests.harness", "tests.voice.devset")


def _python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py")
                  if "__pycache__" not in p.parts)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in the file, at any depth, relative ones resolved; for
    `from package import name` both the package and package.name (name may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf8"), str(path))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def _is_test_module(module: str) -> bool:
    return module.split(".")[0] in TEST_TREES + ("test_",) and \
        module.rsplit(".", 1)[-1].startswith("test_")


def test_no_test_module_imports_another_test_module():
    """Shared helpers live in a11y_tests/harness/ or tests/flows.py, factories.py, pages.py:
    importing a test module runs its module-level set-up twice and ties two tests' files."""
    wrong = [f"{path.relative_to(ROOT)}:{line} imports {module}"
             for path in _python_files(*TEST_TREES)
             for line, module in _imported_modules(path)
             if (_is_test_module(module) or re.fullmatch(r"test_\w+", module))
             and module != _module_name(path)]
    assert not wrong, ("A test module imports another test module; move what they share into "
                       "a11y_tests/harness/ or a tests/ helper:\n" + "\n".join(wrong))


def test_bench_imports_only_the_harness():
    wrong = [f"{path.relative_to(ROOT)}:{line} imports {module}"
             for path in _python_files("bench")
             for line, module in _imported_modules(path)
             if module.split(".")[0] in TEST_TREES
             and module not in ("tests", "a11y_tests")
             and not any(module == allowed or module.startswith(allowed + ".")
                         or allowed.startswith(module + ".") for allowed in BENCH_MAY_IMPORT)]
    assert not wrong, ("bench/ imports from the tests; use a11y_tests/harness/ (move what it "
                       "needs there):\n" + "\n".join(wrong))


# Signs of starting a browser: Selenium's Chrome driver or its options, Chromium's binary or
# its flags. Written in pieces so this file does not match itself.
LAUNCH = re.compile("|".join((r"webdriver\s*\.\s*" + "Chrome" + r"\s*\(",
                              "Chrome" + r"Options\s*\(", "--no-" + "sandbox",
                              "/usr/bin/" + "chromium", r"\bChromium" + r"Driver\b")))
LAUNCHER = ROOT / "a11y_tests" / "harness" / "browser.py"


def test_chromium_is_launched_only_by_the_harness():
    """One launcher (a11y_tests/harness/browser.py: `chromium()`, `launch()`): its arguments,
    profile folder, timeouts and environment are the same for every test and benchmark."""
    wrong = []
    for path in _python_files("pwa", "speech", "tests", "a11y_tests", "bench", "scripts"):
        if path == LAUNCHER:
            continue
        for number, line in enumerate(path.read_text(encoding="utf8").splitlines(), 1):
            if LAUNCH.search(line):
                wrong.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not wrong, ("Chromium started outside a11y_tests/harness/browser.py; use its "
                       "chromium() or launch():\n" + "\n".join(wrong))
