"""Indonesian text made speakable before any engine reads it: numbers as words, money, times,
registration and phone numbers digit by digit, common abbreviations. An engine left to itself
reads "Rp 25.000" or "2024 0000 0021" in ways a listener cannot follow.
"""
import re

from .words import LETTERS, SPOKEN_DIGITS

_UNITS = SPOKEN_DIGITS + ("sepuluh", "sebelas")
_SCALES = ((10 ** 12, "triliun"), (10 ** 9, "miliar"), (10 ** 6, "juta"), (1000, "ribu"))

# Letters spelled as Indonesians say them, for acronyms read letter by letter.
_LETTERS = {letter.upper(): names[0] for letter, names in LETTERS.items() if letter.isalpha()}
_SPELLED = ("KTP", "KK", "SKM", "IKM", "SOP", "KUA", "HP", "PDF", "SMS", "PTSP", "TU", "TPQ")
_WORDS = {"No.": "nomor", "Jl.": "jalan", "Kab.": "kabupaten", "Kec.": "kecamatan",
          "dll.": "dan lain-lain", "dll": "dan lain-lain", "dst.": "dan seterusnya",
          "a.n.": "atas nama", "WITA": "wita", "NIK": "nik", "Kemenag": "kemenag",
          "WhatsApp": "wotsap", "BISINDO": "bisindo"}


def number_words(n: int) -> str:
    """2026 → "dua ribu dua puluh enam"; 1000 → "seribu"; 100 → "seratus"."""
    if n < 0:
        return "minus " + number_words(-n)
    if n < 12:
        return _UNITS[n]
    if n < 20:
        return _UNITS[n - 10] + " belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return _UNITS[tens] + " puluh" + (" " + _UNITS[rest] if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "seratus" if hundreds == 1 else _UNITS[hundreds] + " ratus"
        return head + (" " + number_words(rest) if rest else "")
    for size, name in _SCALES:
        if n >= size:
            big, rest = divmod(n, size)
            head = "seribu" if size == 1000 and big == 1 else number_words(big) + " " + name
            return head + (" " + number_words(rest) if rest else "")
    raise AssertionError(n)


def digits(text: str) -> str:
    """Each digit as a word: how a number someone must write down is read out."""
    return " ".join(_UNITS[int(d)] for d in text if d.isdigit())


def _registration(match) -> str:
    # Groups of four with a pause between them, as the number is printed.
    return ", ".join(digits(g) for g in re.findall(r"\d{4}", match.group(0).replace(" ", "")))


def _money(match) -> str:
    amount = int(match.group(1).replace(".", ""))
    cents = match.group(2)
    words = number_words(amount) + " rupiah"
    return words + (f" {number_words(int(cents))} sen" if cents and int(cents) else "")


def _time(match) -> str:
    hour, minute = int(match.group(2)), int(match.group(3))
    said = "pukul " + number_words(hour)
    return said + (" lewat " + number_words(minute) if minute else "")


def _number(match) -> str:
    text = match.group(0)
    if "," in text:
        whole, fraction = text.split(",", 1)
        return (number_words(int(whole.replace(".", ""))) + " koma " + digits(fraction))
    return number_words(int(text.replace(".", "")))


def normalise(text: str) -> str:
    text = re.sub(r"\b\d{4} \d{4} \d{4}\b|\b\d{12}\b", _registration, text)
    # Phone numbers (0812 3456 7890, +62…) digit by digit.
    text = re.sub(r"(?:\+62|\b0)\d{2,3}[ -]?\d{3,4}[ -]?\d{3,5}\b",
                  lambda m: digits(m.group(0).replace("+62", "0")), text)
    text = re.sub(r"\bRp\.?\s?(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{2}))?", _money, text)
    text = re.sub(r"\b(pukul |jam )?([01]?\d|2[0-3])[.:]([0-5]\d)\b", _time, text)
    for short, said in _WORDS.items():
        text = re.sub(r"(?<!\w)" + re.escape(short) + r"(?!\w)", said, text)
    for acronym in _SPELLED:
        text = re.sub(r"\b" + acronym + r"\b",
                      " ".join(_LETTERS[c] for c in acronym), text)
    text = re.sub(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", _number, text)
    text = text.replace("%", " persen").replace("×", " kali")
    return re.sub(r"\s+", " ", text).strip()
