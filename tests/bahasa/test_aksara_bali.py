"""Latin → Aksara Bali: each expected spelling is written out letter by letter (Unicode names)
so a reviewer who reads Balinese script can check it without a font."""
import re
import unicodedata

import pytest

from pwa.bahasa.aksara_bali import transliterate


def spelled(text: str) -> list[str]:
    return [unicodedata.name(c).removeprefix("BALINESE ") for c in text]


@pytest.mark.parametrize("latin, letters", [
    # ka-ra-nga-sem: a final m takes adeg-adeg.
    ("Karangasem", ["LETTER KA", "LETTER RA", "LETTER NGA", "LETTER SA", "VOWEL SIGN PEPET",
                    "LETTER MA", "ADEG ADEG"]),
    # me-n-ta-ri: n without a vowel before t: adeg-adeg, drawn as ta's gantungan.
    ("MENTARI", ["LETTER MA", "VOWEL SIGN PEPET", "LETTER NA", "ADEG ADEG", "LETTER TA",
                 "LETTER RA", "VOWEL SIGN ULU"]),
    # ka-n-tor: a final r is a surang.
    ("Kantor", ["LETTER KA", "LETTER NA", "ADEG ADEG", "LETTER TA", "VOWEL SIGN TALING TEDUNG",
                "SIGN SURANG"]),
    # sa-s-t-ra: three consonants stacked.
    ("sastra", ["LETTER SA", "LETTER SA", "ADEG ADEG", "LETTER TA", "ADEG ADEG", "LETTER RA"]),
    # ngra- at the start of a word is a cluster, not a cecek; the final ng is a cecek.
    ("ngranjing", ["LETTER NGA", "ADEG ADEG", "LETTER RA", "LETTER NA", "ADEG ADEG",
                   "LETTER JA", "VOWEL SIGN ULU", "SIGN CECEK"]),
    # tu-ng-gu: ng before a consonant inside a word is a cecek too.
    ("tunggu", ["LETTER TA", "VOWEL SIGN SUKU", "SIGN CECEK", "LETTER GA", "VOWEL SIGN SUKU"]),
    # pe-r-ta-ma: r before a consonant is a surang.
    ("pertama", ["LETTER PA", "VOWEL SIGN PEPET", "SIGN SURANG", "LETTER TA", "LETTER MA"]),
    # ke-me-n-te-ri-yan: a vowel after i glides through ya.
    ("Kementerian", ["LETTER KA", "VOWEL SIGN PEPET", "LETTER MA", "VOWEL SIGN PEPET",
                     "LETTER NA", "ADEG ADEG", "LETTER TA", "VOWEL SIGN PEPET", "LETTER RA",
                     "VOWEL SIGN ULU", "LETTER YA", "LETTER NA", "ADEG ADEG"]),
    # é is taling, e is pepet; a word-initial vowel is a vowel letter.
    ("Redité", ["LETTER RA", "VOWEL SIGN PEPET", "LETTER DA", "VOWEL SIGN ULU", "LETTER TA",
                "VOWEL SIGN TALING"]),
    ("Ida", ["LETTER IKARA", "LETTER DA"]),
    # sy is sa saga; a final h is a bisah.
    ("masyarakat", ["LETTER MA", "LETTER SA SAGA", "LETTER RA", "LETTER KA", "LETTER TA",
                    "ADEG ADEG"]),
    ("sembah", ["LETTER SA", "VOWEL SIGN PEPET", "LETTER MA", "ADEG ADEG", "LETTER BA",
                "SIGN BISAH"]),
])
def test_words(latin, letters):
    assert spelled(transliterate(latin)) == letters


def test_spaces_digits_and_punctuation():
    text = transliterate("Bali, 2026.")
    assert text.split(" ")[0].endswith("\u1b5e")          # carik after the word
    assert spelled(text.split(" ")[1]) == ["DIGIT TWO", "DIGIT ZERO", "DIGIT TWO", "DIGIT SIX",
                                           "CARIK PAREREN"]


def test_every_character_is_balinese_or_kept_punctuation():
    text = transliterate("Layanan Kemenag Karangasem untuk kelompok rentan: (MENTARI) – Ida dané")
    for ch in text:
        assert ch in " :()–" or "\u1b00" <= ch <= "\u1b7f", repr(ch)


def test_headings_get_their_script_copy_only_when_asked(client):
    plain = client.get("/tampilan").get_data(as_text=True)
    assert 'class="aksara"' not in plain and "css/aksara.css" not in plain
    client.post("/tampilan", data={"aksara": "aktif"})
    page = client.get("/tampilan").get_data(as_text=True)
    h1 = page[page.index("<h1"):page.index("</h1>")]
    assert transliterate("Pengaturan tampilan") in re.sub(r"<[^>]+>", "", h1)   # word spans
    assert 'lang="ban-Bali" aria-hidden="true"' in h1
    assert "css/aksara.css" in page   # the font's stylesheet, only now
    font_css = client.get("/static/css/aksara.css").get_data(as_text=True)
    assert "noto-sans-balinese-balinese-400-normal.woff2" in font_css
    header = page[page.index('class="site-header__name"'):page.index("</a>", page.index(
        'class="site-header__name"'))]
    assert transliterate("MENTARI") in header
