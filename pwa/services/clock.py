"""The office's clock: dates and times as they are in Karangasem (WITA), not on the server.

Deadlines, "today" in a form and the day shown on a ticket are office days. At 07.00 WITA it is
still yesterday in UTC, so `date.today()` on a UTC server is a day behind from 00.00 to 08.00
WITA (16.00 to 24.00 UTC). Tests take their dates from the same zone (a11y_tests/harness/flows.py).
"""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def office_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["OFFICE_TIMEZONE"])


def office_now() -> datetime:
    return datetime.now(office_zone())


def office_today() -> date:
    return office_now().date()


def office_day(moment: str | datetime) -> date:
    """The office day of a stored moment: UTC timestamps are moved to WITA first; a moment
    typed by a person (a schedule, no zone) is already office time."""
    value = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    if value.tzinfo is not None:
        value = value.astimezone(office_zone())
    return value.date()
