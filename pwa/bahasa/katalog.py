"""The gettext catalogues in i18n/, one command per step: `python -m pwa.bahasa.katalog COMMAND`.

  extract   read every string marked for translation in pwa/ (Python and templates) into
            i18n/messages.pot
  update    bring id/ and ban/ messages.po up to date with the .pot (new strings appear
            untranslated in ban; id repeats its source text, which is Indonesian)
  merge     copy the translations of other .po files (a translator's share) into ban/
  compile   .po → .mo (build products, not in git; `make run` and `make test` do this)
  check     report what keeps the catalogues from being complete (what tests/test_i18n.py
            asserts): a stale .pot, untranslated or fuzzy entries, placeholders that differ,
            Balinese entries that merely repeat the Indonesian

Babel does the extracting, merging and compiling, so the results match `pybabel`; the
Balinese catalogue is read and written with locales.BalineseLocale, because CLDR has no "ban"
and Babel would otherwise give it English plural rules.
"""
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .locales import AUTONYMS, BALINESE, CODES, INDONESIAN, locale_for

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "i18n"
POT = I18N / "messages.pot"
# Terms a Balinese page keeps in Indonesian (names, offices, legal terms): see ban/GLOSSARY.md.
IDENTICAL = I18N / BALINESE / "identical.txt"

# Flask-Babel's lazy variants, beside gettext/ngettext/_ that Babel knows already.
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None,
            "lazy_ngettext": (1, 2), "lazy_pgettext": ((1, "c"), 2)}
# "# i18n: ..." just above a marked string reaches the translator as a comment.
COMMENT_TAGS = ("i18n:",)
# CLDR gives Indonesian one plural category ("other"), so one form; Babel's own table lacks
# Indonesian and would default to English's two. Balinese follows Indonesian.
PLURAL_FORMS = "nplurals=1; plural=0;"
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")


def po_path(code: str) -> Path:
    return I18N / code / "LC_MESSAGES" / "messages.po"


def _read(path: Path, code: str | None = None) -> Catalog:
    with path.open("rb") as f:
        catalog = read_po(f, locale=locale_for(code) if code else None)
    if code:
        # Babel drops a locale CLDR lacks (ban) and its plural table would give English's two
        # forms: keep our locale and Indonesian's single form, in the header and the entries.
        catalog._locale = locale_for(code)
        catalog._num_plurals, catalog._plural_expr = 1, "0"
        for message in catalog:
            if message.pluralizable and isinstance(message.string, tuple):
                message.string = message.string[:1]
    return catalog


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalog, ignore_obsolete=True, width=100)


def extracted() -> Catalog:
    """Every marked string of pwa/, as `pybabel extract -F babel.cfg` would find it now."""
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    catalog = Catalog(project="MENTARI", copyright_holder="Kantor Kementerian Agama Kabupaten "
                      "Karangasem", msgid_bugs_address="", charset="utf-8")
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=KEYWORDS,
                             comment_tags=COMMENT_TAGS, strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                    context=context)
    return catalog


def extract() -> Catalog:
    catalog = extracted()
    _write(POT, catalog)
    return catalog


def update() -> dict[str, int]:
    """Merge the .pot into each language's .po; returns how many entries each still lacks."""
    missing = {}
    for code in CODES:
        # Fresh per language: Catalog.update() adopts the template's Message objects.
        with POT.open("rb") as f:
            template = read_po(f)
        path = po_path(code)
        if path.exists():
            catalog = _read(path, code)
        else:
            catalog = Catalog(locale=locale_for(code), project="MENTARI", charset="utf-8")
            catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS)]
            catalog.header_comment = (f"# {AUTONYMS[code]}: the words of MENTARI.\n"
                                      "# Kept with `python -m pwa.bahasa.katalog update`; "
                                      "see docs/bahasa.md.")
        catalog.update(template, update_header_comment=False)
        catalog.fuzzy = False  # the header is ours, not a guess
        if code == INDONESIAN:
            # Indonesian is the source language: its entries say exactly what the code says.
            for message in catalog:
                if message.id:
                    message.string = (tuple(message.id[1:2] * catalog.num_plurals)
                                      if message.pluralizable else message.id)
                    message.flags.discard("fuzzy")
        _write(path, catalog)
        missing[code] = sum(1 for m in catalog if m.id and (m.fuzzy or not _translated(m)))
    return missing


def merge(paths: list[Path], code: str = BALINESE) -> tuple[int, list[str]]:
    """Copy the translations in other .po files (a translator's share of the work) into this
    language's catalogue. Empty translations never overwrite; returns (how many were taken,
    the msgids the catalogue does not have)."""
    target_path = po_path(code)
    catalog = _read(target_path, code)
    taken, unknown = 0, []
    for path in paths:
        with path.open("rb") as f:
            share = read_po(f)
        for message in share:
            if not message.id or not _translated(message):
                continue
            mine = catalog.get(message.id, context=message.context)
            if mine is None:
                unknown.append(message.id if isinstance(message.id, str) else message.id[0])
                continue
            first = message.string[0] if isinstance(message.string, tuple) else message.string
            mine.string = (first,) * catalog.num_plurals if mine.pluralizable else first
            mine.flags.discard("fuzzy")
            taken += 1
    _write(target_path, catalog)
    return taken, unknown


def compile_all() -> list[Path]:
    built = []
    for po in sorted(I18N.glob("*/LC_MESSAGES/messages.po")):
        catalog = _read(po, po.parent.parent.name)
        mo_path = po.with_suffix(".mo")
        with mo_path.open("wb") as f:
            write_mo(f, catalog)
        built.append(mo_path)
    return built


# --- completeness ---------------------------------------------------------------------------

def _key(message) -> tuple:
    return (message.context, message.id)


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(s.strip() for s in strings)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def identical_allowed() -> set[str]:
    if not IDENTICAL.exists():
        return set()
    lines = IDENTICAL.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line.strip() and not line.startswith("#")}


def stale_template() -> list[str]:
    """Strings the code has and the .pot lacks, and strings the .pot has that the code lost."""
    now = {_key(m) for m in extracted() if m.id}
    with POT.open("rb") as f:
        saved = {_key(m) for m in read_po(f) if m.id}
    return ([f"not in messages.pot (run extract): {k[1]!r}" for k in sorted(now - saved, key=str)]
            + [f"in messages.pot but no longer in the code: {k[1]!r}"
               for k in sorted(saved - now, key=str)])


def catalogue_problems(code: str, template: Catalog | None = None,
                       catalog: Catalog | None = None, allowed: set[str] | None = None
                       ) -> list[str]:
    """What keeps one language's catalogue from being complete and correct."""
    if template is None:
        with POT.open("rb") as f:
            template = read_po(f)
    if catalog is None:
        path = po_path(code)
        if not path.exists():
            return [f"{code}: {path.relative_to(ROOT)} missing (run update)"]
        catalog = _read(path, code)
    allowed = identical_allowed() if allowed is None else allowed
    problems = []
    if catalog.plural_forms != PLURAL_FORMS:
        problems.append(f"{code}: plural rule {catalog.plural_forms!r} is not Indonesian's")
    for message in template:
        if not message.id:
            continue
        mine = catalog.get(message.id, context=message.context)
        source = message.id if isinstance(message.id, str) else message.id[0]
        where = f"{code}: {source!r}"
        if mine is None:
            problems.append(f"{where} missing (run update)")
            continue
        if mine.fuzzy:
            problems.append(f"{where} is fuzzy (check it, then remove the fuzzy flag)")
        if not _translated(mine):
            problems.append(f"{where} is untranslated")
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = mine.string if isinstance(mine.string, tuple) else (mine.string,)
        for text in strings:
            if all(placeholders(text) != placeholders(i) for i in ids):
                problems.append(f"{where}: placeholders {placeholders(text)} in {text!r}, "
                                f"expected {placeholders(ids[-1])}")
        if code == BALINESE and strings[0] == source and source not in allowed:
            problems.append(f"{where}: Balinese repeats the Indonesian (translate it, or list "
                            f"it in {IDENTICAL.relative_to(ROOT)} if it is a name or term)")
    return problems


def problems() -> list[str]:
    found = stale_template()
    with POT.open("rb") as f:
        template = read_po(f)
    for code in CODES:
        found += catalogue_problems(code, template)
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) == 2 or (len(argv) > 2 and argv[1] == "merge") else None
    if command == "extract":
        catalog = extract()
        print(f"{len(catalog)} strings in {POT.relative_to(ROOT)}")
    elif command == "update":
        for code, count in update().items():
            print(f"{code}: {count} entr{'y' if count == 1 else 'ies'} to translate")
    elif command == "merge" and len(argv) > 2:
        taken, unknown = merge([Path(a) for a in argv[2:]])
        for msgid in unknown:
            print(f"not in the catalogue (stale?): {msgid!r}")
        print(f"{taken} translation(s) merged into {po_path(BALINESE).relative_to(ROOT)}")
    elif command == "compile":
        print(f"compiled {len(compile_all())} catalogue(s)")
    elif command == "check":
        found = problems()
        for line in found:
            print(line)
        print(f"{len(found)} problem(s)" if found else "catalogues complete")
        return 1 if found else 0
    else:
        print("usage: python -m pwa.bahasa.katalog extract|update|compile|check|merge FILE.po...",
              file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
