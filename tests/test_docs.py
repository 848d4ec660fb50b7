"""The front door and docs/ stay true to the code: every setting the code reads is documented
(and nothing it no longer reads), the README's commands are the Makefile's, the README stays
short, every link and named file exists, and every URL of the app leads to its module in
docs/architecture.md.

A newcomer trusts these pages before the code; a page that names a setting, a command or a
file that is not there sends them the wrong way. Each test fails with what to fix.
"""
import ast
import re
from pathlib import Path

from pwa import create_app


def _root() -> Path:
    here = Path(__file__).resolve().parent
    while not (here / "pyproject.toml").is_file():
        here = here.parent
    return here


ROOT = _root()
README = ROOT / "README.md"
DOCS = ROOT / "docs"
README_MOST_LINES = 150
SETTING = re.compile(r"MENTARI_[A-Z0-9_]*[A-Z0-9]")


def _pages() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md")), ROOT / "media" / "isyarat" / "README.md",
            *sorted((ROOT / "i18n").rglob("*.md"))]


def _settings_read_by_code() -> dict[str, list[str]]:
    """MENTARI_* names the code reads: every string literal in pwa/ and speech/ that is exactly
    a setting's name (os.environ.get("MENTARI_X"), environ["MENTARI_X"], getenv(...)). A name
    only mentioned in a comment or a message is not read."""
    found: dict[str, list[str]] = {}
    for package in ("pwa", "speech"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
                if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                        and SETTING.fullmatch(node.value)):
                    found.setdefault(node.value, []).append(
                        f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _section(text: str, heading: str) -> str:
    """The body of a `## heading` section, up to the next heading of the same level."""
    match = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"no '## {heading}' section"
    return match.group(1)


def _table_rows(section: str) -> list[list[str]]:
    rows = []
    for line in section.splitlines():
        if line.startswith("|") and not re.fullmatch(r"\|[\s|:-]+\|", line.strip()):
            rows.append([c.strip() for c in line.strip().strip("|").split(" | ")])
    return rows[1:]  # the header


def _documented_settings() -> dict[str, list[str]]:
    text = (DOCS / "operations.md").read_text("utf-8")
    documented = {}
    for cells in _table_rows(_section(text, "Configuration")):
        for name in SETTING.findall(cells[0]):
            documented[name] = cells
    return documented


def test_every_setting_the_code_reads_is_in_the_configuration_table():
    read = _settings_read_by_code()
    assert "MENTARI_SECRET_KEY" in read, "the scan of pwa/ and speech/ found no settings"
    missing = {name: where for name, where in read.items() if name not in _documented_settings()}
    assert not missing, ("settings the code reads but docs/operations.md's configuration table "
                         f"does not list (add a row: variable, default, meaning): {missing}")


def test_the_configuration_table_lists_only_settings_the_code_reads():
    stale = sorted(set(_documented_settings()) - set(_settings_read_by_code()))
    assert not stale, f"docs/operations.md documents settings no code reads: {stale}"


def test_each_documented_setting_says_its_default_and_meaning():
    for name, cells in _documented_settings().items():
        assert len(cells) == 3 and cells[1] and cells[2], f"{name}: {cells}"


def _makefile_targets() -> set[str]:
    targets = set()
    for line in (ROOT / "Makefile").read_text("utf-8").splitlines():
        rule = re.match(r"^([A-Za-z0-9_.-]+(?:\s+[A-Za-z0-9_.-]+)*)\s*:(?![=:])", line)
        if rule and not line.startswith(".PHONY"):
            targets.update(rule.group(1).split())
    return targets


def _code(text: str) -> list[str]:
    """Fenced blocks and inline code spans: where a page shows a command."""
    fenced = re.findall(r"^```[^\n]*\n(.*?)^```", text, re.M | re.S)
    prose = re.sub(r"^```[^\n]*\n.*?^```", "", text, flags=re.M | re.S)
    return fenced + re.findall(r"`([^`\n]+)`", prose)


def _make_commands(text: str) -> list[str]:
    commands = []
    for snippet in _code(text):
        for match in re.finditer(r"(?:^|[\s;&|(])make((?:\s+[A-Za-z][\w.-]*)+)", snippet, re.M):
            commands.append(" ".join(["make", *match.group(1).split()[:1]]))
    return commands


def test_the_readme_starts_with_make_run_and_make_test():
    first_block = re.search(r"^```[^\n]*\n(.*?)^```", README.read_text("utf-8"), re.M | re.S)
    assert first_block, "README.md shows no command"
    lines = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert [line for line in lines if line][:2] == ["make run", "make test"], first_block.group(1)


def test_every_make_command_the_pages_show_is_a_makefile_target():
    targets = _makefile_targets()
    assert {"run", "test"} <= targets, targets
    for page in _pages():
        for command in _make_commands(page.read_text("utf-8")):
            target = command.split()[1]
            assert target in targets, (f"{page.relative_to(ROOT)} shows `{command}`, but the "
                                       f"Makefile has no target {target!r} ({sorted(targets)})")


def test_the_readme_is_short():
    lines = README.read_text("utf-8").count("\n")
    assert lines <= README_MOST_LINES, (
        f"README.md has {lines} lines (at most {README_MOST_LINES}): move detail into docs/")


def _links(text: str) -> list[str]:
    prose = re.sub(r"^```[^\n]*\n.*?^```", "", text, flags=re.M | re.S)
    return re.findall(r"\]\(([^)\s]+)\)", prose)


def test_every_relative_link_points_to_a_file_that_exists():
    broken = []
    for page in _pages():
        for target in _links(page.read_text("utf-8")):
            if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
                continue  # another site, mail, or a heading on the same page
            path = (page.parent / target.split("#")[0]).resolve()
            if not path.exists():
                broken.append(f"{page.relative_to(ROOT)} → {target}")
    assert not broken, broken


# Files named in code spans (`pwa/suara/teks.py`) are checked too: a page that names a module
# which has moved sends the reader to nothing. Paths with placeholders (<lang>) and what the
# app makes at run time (instance/, media/isyarat/contoh/) are not files of the checkout.
_NAMED_PATH = re.compile(r"(?:pwa|speech|tests|a11y_tests|bench|scripts|i18n|docs)/[\w./-]*")


def test_every_file_the_pages_name_exists():
    missing = []
    for page in _pages():
        for snippet in _code(page.read_text("utf-8")):
            for found in _NAMED_PATH.finditer(snippet):
                start = found.start()
                if start and (snippet[start - 1].isalnum() or snippet[start - 1] in "/_.-"):
                    continue  # the tail of a longer path, e.g. static/js in pwa/static/js
                name = found.group(0).rstrip(".:,")
                if "<" in snippet[found.end():found.end() + 1] or not name.strip("/"):
                    continue
                if not (ROOT / name).exists():
                    missing.append(f"{page.relative_to(ROOT)}: {name}")
    assert not missing, missing


def test_every_url_of_the_app_leads_to_its_module_in_the_architecture_page(tmp_path):
    """docs/architecture.md: find the URL, open the module. Each route's row must name the module
    that holds its view."""
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "docs.db"),
                      "SECRET_KEY": "test"})
    rows = _table_rows((DOCS / "architecture.md").read_text("utf-8"))
    unmapped = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        module = Path(__import__(view.__module__, fromlist=["_"]).__file__)
        path = module.resolve().relative_to(ROOT).as_posix()
        if not any(f"`{rule.rule}`" in cells[0] and path in cells[-1] for cells in rows
                   if len(cells) >= 2):
            unmapped.append(f"{rule.rule} → {path}")
    assert not unmapped, ("routes without a row naming their module in docs/architecture.md: "
                          f"{unmapped}")
