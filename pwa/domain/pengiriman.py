"""When a notification that could not be sent is tried again. Pure Python.

Delivery states, as GOV.UK Notify shows them to the people who send: antri (queued: waiting
for its next attempt), terkirim (the gateway took it), gagal (given up after the last retry).
"""
from datetime import datetime, timedelta

ANTRI, TERKIRIM, GAGAL = "antri", "terkirim", "gagal"
STATES = (ANTRI, TERKIRIM, GAGAL)
# Waits after the 1st, 2nd, … failure: a gateway that is down for an hour loses nothing, and
# one down for a day is not hammered meanwhile.
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15),
           timedelta(hours=1), timedelta(hours=4))
ATTEMPTS = len(BACKOFF) + 1


def next_attempt(failures: int, now: datetime) -> datetime | None:
    """When to try again after `failures` failed attempts; None: give up (gagal)."""
    if failures >= ATTEMPTS:
        return None
    return now + BACKOFF[failures - 1]
