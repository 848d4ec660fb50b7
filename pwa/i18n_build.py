"""Build the gettext catalogues: `python -m pwa.i18n_build compile`.

Compiled .mo files are build products (not in git), made by `make run` and `make test` from the
.po files in i18n/. Babel's own compiler is used so the result matches `pybabel compile`.
"""
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

I18N = Path(__file__).resolve().parent.parent / "i18n"


def compile_all() -> list[Path]:
    built = []
    for po_path in sorted(I18N.glob("*/LC_MESSAGES/messages.po")):
        with po_path.open("rb") as f:
            catalog = read_po(f, locale=None)
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as f:
            write_mo(f, catalog)
        built.append(mo_path)
    return built


def main(argv: list[str]) -> int:
    if argv[1:] != ["compile"]:
        print("usage: python -m pwa.i18n_build compile", file=sys.stderr)
        return 2
    built = compile_all()
    print(f"compiled {len(built)} catalogue(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
