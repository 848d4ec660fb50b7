"""The languages MENTARI speaks (Bahasa Indonesia, Basa Bali, Aksara Bali): the Locale objects,
the words for the domain's codes (labels.py), the transliteration into Balinese script, and the
gettext catalogues' tooling (katalog.py)."""
