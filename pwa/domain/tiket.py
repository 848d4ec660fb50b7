"""Meragatan tiket (walk-in tickets): who is priority, how tickets are numbered, who is called next.

Pure Python. Seed 000 §2.3: a vulnerable walk-in is brought to the counter without queueing, so
at every counter a priority ticket is called before any normal one, whatever time it arrived.
"""

# Vulnerability categories are the form's kategori codes (bahasa/labels.KATEGORI); every one except "umum" is priority
# ("perlakuan khusus", UU 25/2009 art. 29).
NOT_PRIORITY = "umum"

PRIORITY_PREFIX = "P"
NORMAL_PREFIX = "A"

WAITING = "menunggu"
CALLED = "dipanggil"
SERVED = "selesai"


def is_priority(kategori: str) -> bool:
    return bool(kategori) and kategori != NOT_PRIORITY


def prefix_for(prioritas: bool) -> str:
    return PRIORITY_PREFIX if prioritas else NORMAL_PREFIX


def ticket_number(prefix: str, sequence: int) -> str:
    """'P', 1 → 'P-001': short enough to read aloud and to show on the display."""
    return f"{prefix}-{sequence:03d}"


def order_key(tiket: dict) -> tuple:
    # Priority first, then first come first served; the id breaks ties within one second.
    return (0 if tiket["prioritas"] else 1, tiket["dibuat_at"], tiket["id"])


def ordered(tickets: list[dict]) -> list[dict]:
    """Waiting tickets in the order they will be called."""
    return sorted((t for t in tickets if t["status"] == WAITING), key=order_key)


def next_for_counter(tickets: list[dict], loket: str) -> dict | None:
    """The ticket this counter should call now, or None when nobody waits for it."""
    waiting = ordered([t for t in tickets if t["loket"] == loket])
    return waiting[0] if waiting else None


class TiketDitolak(Exception):
    """`reason` is a stable code the interface translates."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def check_call(tickets: list[dict], loket: str) -> None:
    """A counter serves one person at a time: it calls the next only when its last call has
    been finished."""
    if any(t["loket"] == loket and t["status"] == CALLED for t in tickets):
        raise TiketDitolak("still_serving")


def check_finish(tiket: dict, loket: str | None) -> None:
    """Only the counter that called a ticket marks it served, once, and only after calling it."""
    if tiket["status"] == SERVED:
        raise TiketDitolak("already_served")
    if tiket["status"] != CALLED:
        raise TiketDitolak("not_called")
    if tiket["loket"] != loket:
        raise TiketDitolak("other_counter")


def spoken_number(nomor: str) -> str:
    """'P-001' → 'P 0 0 1': the letter, then each digit, as a caller reads a ticket out in a
    hall (read as one number, 001 would be just "satu"); the speech engine says the digits."""
    prefix, _sep, digits = nomor.partition("-")
    return " ".join([prefix, *digits]) if digits else nomor
