"""Which passwords a staff member may choose, as NIST SP 800-63B (§5.1.1.2) puts it: at least 8
characters and up to 128 (spaces and any letters allowed, nothing truncated), no composition
rules (no "one capital, one digit"), but never a password found in a list of common or breached
ones, nor one made of the person's own name, username or the office's words, nor a run like
"aaaaaaaa" or "abcdefgh".

Pure Python: the lists ship in data/ (see data/README.md), read once per process.
"""
import functools
import re
import string
import unicodedata
from pathlib import Path

MIN_LENGTH = 8
MAX_LENGTH = 128
# Words of this service and office that make a guessable password with any digits around them.
KONTEKS = frozenset({
    "mentari", "kemenag", "kementerian", "agama", "karangasem", "kantor", "staf", "petugas",
    "admin", "sandi", "katasandi", "password", "demo", "masuk", "layanan", "bali",
})
# Runs a person types without thinking: the alphabet, digits and keyboard rows.
_RUNS = ("abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm",
         "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p")
_DATA = Path(__file__).resolve().parent / "data"
_EDGE = string.digits + string.punctuation + " "
# What a password's core must keep, once the person's and the office's words are taken out.
_MIN_REST = 4


class SandiDitolak(ValueError):
    """Not an acceptable password; `reason` is a code the interface translates."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


REASONS = ("terlalu_pendek", "terlalu_panjang", "umum", "kata_sendiri", "berurutan")


def normalise(password: str) -> str:
    """The same password typed on any keyboard (NIST: NFKC before hashing)."""
    return unicodedata.normalize("NFKC", password)


@functools.cache
def common() -> frozenset:
    words = set()
    for name in ("sandi_umum.txt", "sandi_lokal.txt"):
        words.update(line.strip() for line in (_DATA / name).read_text("utf-8").splitlines())
    words.discard("")
    return frozenset(words)


def _letters(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain)


def own_words(username: str = "", nama: str = "") -> set:
    """The person's own words: username, each part of the name of 3 letters or more, and the
    whole name run together."""
    words = {w for w in (_letters(username), _letters(nama)) if len(w) >= 3}
    words |= {_letters(part) for part in re.split(r"[\s.,'-]+", nama) if len(_letters(part)) >= 3}
    return words


def check(password: str, *, username: str = "", nama: str = "") -> str:
    """The normalised password, or SandiDitolak saying why not."""
    password = normalise(password or "")
    if len(password) < MIN_LENGTH:
        raise SandiDitolak("terlalu_pendek")
    if len(password) > MAX_LENGTH:
        raise SandiDitolak("terlalu_panjang")
    lower = password.lower()
    core = lower.strip(_EDGE)
    if lower in common() or lower.replace(" ", "") in common() or (
            len(core) >= _MIN_REST and core in common()):
        raise SandiDitolak("umum")
    if len(set(lower)) < 3 or any(lower in run or lower in run[::-1] for run in _RUNS):
        raise SandiDitolak("berurutan")
    letters = rest = _letters(lower)
    # Longest first, so "putusari" goes before "putu" and "sari".
    for word in sorted(KONTEKS | own_words(username, nama), key=len, reverse=True):
        rest = rest.replace(word, "")
    if rest != letters and len(rest) < _MIN_REST:
        raise SandiDitolak("kata_sendiri")
    return password
