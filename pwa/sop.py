"""SOP deadlines (seed 004, LAYAR RAMAH). Pure Python.

SOP times are published in working days; the clock starts again when a citizen resubmits a
returned request, because the office could not act while documents were missing.
"""
from datetime import date, datetime, timedelta

from .workflow import FINAL_STATES, SERVED_STATES, Status


def add_working_days(start: date, days: int) -> date:
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if current.weekday() < 5:  # Monday–Friday
            added += 1
    return current


def deadline(submitted: datetime, sop_days: int) -> date:
    return add_working_days(submitted.date(), sop_days)


def is_overdue(deadline_day: date, today: date, status: Status) -> bool:
    """Overdue: past the deadline day and the service not yet delivered."""
    if status in FINAL_STATES or status in SERVED_STATES:
        return False
    return today > deadline_day


def may_object(deadline_day: date, today: date, status: Status, open_objection: bool) -> bool:
    """A keberatan is possible once the SOP time is exceeded, one at a time."""
    return is_overdue(deadline_day, today, status) and not open_objection and status not in (
        Status.DIKEMBALIKAN,  # waiting for the citizen, not the office
    )
