"""The languages MENTARI speaks, as Babel `Locale` objects: Bahasa Indonesia and Basa Bali.

CLDR (Babel's locale data) has no Balinese, so `Locale.parse("ban")` raises. Balinese readers
in Bali write dates, numbers and plurals the Indonesian way (1.234,5; "12 Maret 2025"; no plural
inflection), so a Balinese locale here is Indonesian CLDR data under the name "ban": the name
selects the `ban` catalogue, sets `<html lang="ban">` and is what a request records; the data
formats dates and numbers. Only the day names differ: Balinese uses its own (Saptawara).
Pure Babel, no Flask: notices and tests use it outside a request.
"""
from babel import Locale

INDONESIAN = "id"
BALINESE = "ban"
CODES = (INDONESIAN, BALINESE)

# Each language's name in itself (an autonym): how a speaker finds their language in a list,
# whatever the page's language. Never translated.
AUTONYMS = {INDONESIAN: "Bahasa Indonesia", BALINESE: "Basa Bali"}

# Babel counts weekdays from Monday (0). Wide names as written in Balinese calendars (with é in
# Redité); the short forms are the first syllables, as on Balinese wall calendars.
_WIDE = ("Coma", "Anggara", "Buda", "Wraspati", "Sukra", "Saniscara", "Redité")
_SHORT = ("Com", "Ang", "Bud", "Wra", "Suk", "San", "Red")
_NARROW = ("C", "A", "B", "W", "S", "S", "R")
BALINESE_DAYS = {
    context: {
        "wide": dict(enumerate(_WIDE)),
        "abbreviated": dict(enumerate(_SHORT)),
        "short": dict(enumerate(_SHORT)),
        "narrow": dict(enumerate(_NARROW)),
    }
    for context in ("format", "stand-alone")
}


class BalineseLocale(Locale):
    """Balinese words on Indonesian conventions (see the module docstring)."""

    def __init__(self):
        # Locale binds its CLDR data when constructed: bind Indonesian's, then take the name
        # "ban", which is what str(), gettext's catalogue lookup and the lang attribute use.
        super().__init__(INDONESIAN)
        self.language = BALINESE

    @property
    def days(self):
        return BALINESE_DAYS


_LOCALES = {INDONESIAN: Locale(INDONESIAN), BALINESE: BalineseLocale()}


def locale_for(code: str | None) -> Locale:
    """The Locale for a language code MENTARI speaks; anything else gets Indonesian, the
    office's language (an old or unknown code in a stored request must not break a notice)."""
    return _LOCALES.get(code or INDONESIAN, _LOCALES[INDONESIAN])
