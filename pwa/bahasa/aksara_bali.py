"""Latin → Aksara Bali (Balinese script), for the app name and page headings (issue 4 §5).

No maintained library does this (PyPI and npm have none; indic-transliteration starts from
Sanskrit romanisations, which lack the pepet vowel and the surang), so this is a small one
that follows the Unicode Balinese block (U+1B00–U+1B7F) and the common school rules
(Pasang Aksara Bali; see also the Unicode proposal L2/05-009 and chapter 17 of The Unicode
Standard, "Balinese"):

- a syllable is a consonant (aksara wianjana, inherent vowel a) plus a vowel sign: ulu (i),
  suku (u), taling (é), taling tedung (o), pepet (e);
- a consonant without a vowel before another consonant is written with adeg-adeg (U+1B44)
  and the next consonant; the font draws that pair as the second letter's gantungan (the
  stacked form below) — this is the "stacked consonant" a font must get right;
- at the end of a syllable ng is a cecek (U+1B02), r a surang (U+1B03), h a bisah (U+1B04);
  any other final consonant takes adeg-adeg;
- a word that starts with a vowel uses the vowel letter (aksara suara); a vowel after i or é
  glides through ya, after u or o through wa (ri-ya-n, tu-wa), as Balinese spelling does;
- digits become Balinese digits; "," the carik, "." the carik pareren.

Latin "e" is read as pepet and "é" as taling, the standard Balinese Latin spelling (Indonesian
words written without é are mostly pepet too). Pure Python, no Flask.
"""
import re
import unicodedata

ADEG_ADEG = "\u1b44"
CECEK, SURANG, BISAH = "\u1b02", "\u1b03", "\u1b04"
REREKAN = "\u1b34"  # the dot that marks a borrowed sound (f, v, z) on a native letter

CONSONANTS = {
    "h": "\u1b33", "n": "\u1b26", "c": "\u1b18", "r": "\u1b2d", "k": "\u1b13", "d": "\u1b24",
    "t": "\u1b22", "s": "\u1b32", "w": "\u1b2f", "l": "\u1b2e", "m": "\u1b2b", "g": "\u1b15",
    "b": "\u1b29", "ng": "\u1b17", "p": "\u1b27", "j": "\u1b1a", "y": "\u1b2c", "ny": "\u1b1c",
    "sy": "\u1b30", "kh": "\u1b14", "q": "\u1b13", "f": "\u1b27" + REREKAN,
    "v": "\u1b2f" + REREKAN, "z": "\u1b1a" + REREKAN,
}
VOWEL_SIGNS = {"a": "", "i": "\u1b36", "u": "\u1b38", "é": "\u1b3e", "o": "\u1b40",
               "e": "\u1b42"}
VOWEL_LETTERS = {"a": "\u1b05", "i": "\u1b07", "u": "\u1b09", "é": "\u1b0f", "o": "\u1b11",
                 "e": "\u1b05\u1b42"}  # no letter for pepet: a with the pepet sign
CODAS = {"ng": CECEK, "r": SURANG, "h": BISAH}
DIGITS = {str(d): chr(0x1B50 + d) for d in range(10)}
PUNCTUATION = {",": "\u1b5e", ".": "\u1b5f"}

_DIGRAPHS = ("ng", "ny", "sy", "kh")
_WORD = re.compile(r"[a-zé]+")


def _normalise(text: str) -> str:
    # é/è/ê are taling; any other accent is dropped; x is ks.
    text = unicodedata.normalize("NFC", text.lower()).replace("è", "é").replace("ê", "é")
    text = "".join(c if c == "é" else unicodedata.normalize("NFD", c)[0] for c in text)
    return text.replace("x", "ks")


def _letters(word: str) -> list[str]:
    """The word as consonant and vowel units, digraphs kept together."""
    units, i = [], 0
    while i < len(word):
        pair = word[i:i + 2]
        if pair in _DIGRAPHS:
            units.append(pair)
            i += 2
        else:
            units.append(word[i])
            i += 1
    return units


def _word(word: str) -> str:
    units = _letters(word)
    out, onset, previous_vowel = [], [], None
    for unit in units:
        if unit in VOWEL_SIGNS:
            if not onset:
                if previous_vowel in ("i", "é"):
                    onset = ["y"]
                elif previous_vowel in ("u", "o"):
                    onset = ["w"]
            if onset:
                first, *rest = onset
                # A syllable-final ng/r/h of the previous syllable keeps its own mark.
                if rest and first in CODAS and previous_vowel is not None:
                    out.append(CODAS[first])
                else:
                    rest = onset
                for consonant in rest[:-1]:
                    out.append(CONSONANTS[consonant] + ADEG_ADEG)
                out.append(CONSONANTS[rest[-1]] + VOWEL_SIGNS[unit])
            else:
                out.append(VOWEL_LETTERS[unit])
            onset, previous_vowel = [], unit
        elif unit in CONSONANTS:
            onset.append(unit)
        # anything else (an apostrophe) is dropped
    if onset:  # the word ends in consonants
        first, *rest = onset
        if not rest and first in CODAS:
            out.append(CODAS[first])
        else:
            out.extend(CONSONANTS[c] + ADEG_ADEG for c in onset)
    return "".join(out)


def transliterate(text: str) -> str:
    """Latin text (Balinese or Indonesian) in Balinese script; spaces are kept."""
    text = _normalise(text)
    out, i = [], 0
    for match in _WORD.finditer(text):
        out.append(_other(text[i:match.start()]))
        out.append(_word(match.group()))
        i = match.end()
    out.append(_other(text[i:]))
    return "".join(out)


def _other(chunk: str) -> str:
    return "".join(DIGITS.get(c) or PUNCTUATION.get(c) or c for c in chunk)
