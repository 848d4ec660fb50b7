"""Finding a citizen's request for them at the office (issue 17.3): by name, phone, registration
number or the last digits of their NIK. Pure Python: what a query must look like, and what of
a citizen a result may show.

Privacy (a search opens personal data): a NIK is matched only on the digits typed, counted from
its end, and a result never shows more than its last four digits, nor more than the last four
of a phone; the request page, which the result links to, is where the rest is opened.
"""
import re

from . import nomor, telepon

NOMOR = "nomor"
NAMA = "nama"
TELEPON = "telepon"
NIK = "nik"
KINDS = (NOMOR, NAMA, TELEPON, NIK)

NAME_MIN = 3            # fewer letters would list half the office's citizens
NAME_MAX = 120
NIK_LENGTH = 16
NIK_DIGITS_MIN = 4      # like the phone digits /status asks for
SHOWN_DIGITS = 4        # how much of a NIK or phone a result shows
MAX_RESULTS = 50        # more than this: ask for a narrower search


class CariDitolak(ValueError):
    """The query cannot be searched; `reason` is a stable code the form translates."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def query(kind: str, text: str) -> str:
    """The value to look for, normalised, or CariDitolak saying what is wrong with it."""
    text = " ".join((text or "").split())
    if kind not in KINDS:
        raise CariDitolak("jenis")
    if not text:
        raise CariDitolak(f"{kind}_kosong")
    if kind == NOMOR:
        if not nomor.is_valid(text):
            raise CariDitolak("nomor")
        return nomor.normalise(text)
    if kind == TELEPON:
        if not telepon.is_valid(text):
            raise CariDitolak("telepon")
        return telepon.normalise(text)
    if kind == NIK:
        digits = re.sub(r"[\s.\-]", "", text)
        if not digits.isdigit() or not NIK_DIGITS_MIN <= len(digits) <= NIK_LENGTH:
            raise CariDitolak("nik")
        return digits
    if len(text) > NAME_MAX:
        raise CariDitolak("nama_panjang")
    if sum(ch.isalpha() for ch in text) < NAME_MIN:
        raise CariDitolak("nama_pendek")
    return text


def tail(value: str | None, digits: int = SHOWN_DIGITS) -> str:
    """The last digits of a NIK or phone, as a result shows them: '…0001' ('' when none)."""
    found = "".join(ch for ch in value or "" if ch.isdigit())
    return f"…{found[-digits:]}" if found else ""
