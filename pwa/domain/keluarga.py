"""The rules of a family sharing one phone (issue 19): who may be a member, what a PIN is, how
many members a phone holds, when a member's PIN must be typed again, and when wrong PINs lock it.

Pure Python: the store keeps the rows, web/ownership.py asks these rules on every request.
"""
import unicodedata
from datetime import datetime, timedelta

NAMA_MAX = 30
MAKS_ANGGOTA = 8
PIN_PANJANG = 4


class AnggotaDitolak(ValueError):
    """A member change not allowed; `reason` is a code the interface translates."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


REASONS = ("nama_kosong", "nama_panjang", "nama_sama", "pin_salah_bentuk", "penuh")


def clean_name(nama: str | None) -> str:
    """The name as it will be shown: NFC, spaces folded; raises for empty or too long."""
    text = " ".join(unicodedata.normalize("NFC", nama or "").split())
    # Control and format characters (a right-to-left override) never reach a page.
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C")
    if not text:
        raise AnggotaDitolak("nama_kosong")
    if len(text) > NAMA_MAX:
        raise AnggotaDitolak("nama_panjang")
    return text


def check_name_free(nama: str, others: list[str]) -> None:
    """Two members called the same would be told apart by nobody, the voice least of all."""
    if nama.casefold() in {o.casefold() for o in others}:
        raise AnggotaDitolak("nama_sama")


def clean_pin(pin: str | None) -> str | None:
    """None for no PIN; exactly 4 ASCII digits otherwise (spaces typed around are dropped)."""
    text = "".join((pin or "").split())
    if not text:
        return None
    if len(text) != PIN_PANJANG or not all(c in "0123456789" for c in text):
        raise AnggotaDitolak("pin_salah_bentuk")
    return text


def check_room(count: int) -> None:
    """A ninth member is refused: eight fit one chooser screen and one spoken menu."""
    if count >= MAKS_ANGGOTA:
        raise AnggotaDitolak("penuh")


def is_locked(has_pin: bool, active_at: datetime | None, now: datetime, idle_minutes: int) -> bool:
    """A member with a PIN is locked until it is typed, and again after `idle_minutes` unused:
    the grandmother who puts the phone down is not left open for whoever picks it up."""
    if not has_pin:
        return False
    if active_at is None:
        return True
    return now - active_at > timedelta(minutes=idle_minutes)


def pin_blocked_until(wrong: int, now: datetime, lock_after: int,
                      lock_minutes: int) -> datetime | None:
    """After every `lock_after` wrong PINs in a row, no PIN is tried for `lock_minutes`: four
    digits are 10,000 guesses, so the guesses must be few."""
    if lock_after > 0 and wrong > 0 and wrong % lock_after == 0:
        return now + timedelta(minutes=lock_minutes)
    return None


def may_manage(target_has_pin: bool, target_is_unlocked_here: bool) -> bool:
    """Changing or removing a member with a PIN takes that member, unlocked: a grandson may
    not delete his grandmother's profile (and her requests' place on the phone) nor change
    her PIN. A member without a PIN is anybody's to change, as the phone is."""
    return not target_has_pin or target_is_unlocked_here
