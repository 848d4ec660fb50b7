"""SOP deadlines and working days (seed 004, LAYAR RAMAH). Pure Python.

SOP times are published in working days; the clock starts again when a citizen resubmits a
returned request, because the office could not act while documents were missing. Every count
of working days in the app (deadlines, the reports' completion times, the days a schedule may
take) goes through `is_working_day`, so they cannot disagree.
"""
from datetime import date, timedelta

from .workflow import FINAL_STATES, SERVED_STATES, Status


def is_working_day(day: date) -> bool:
    return day.weekday() < 5  # Monday–Friday


def add_working_days(start: date, days: int) -> date:
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if is_working_day(current):
            added += 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`, counted as `deadline` counts."""
    days, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            days += 1
    return days


def deadline(submitted: date, sop_days: int) -> date:
    """The last day of the SOP time for a request submitted (or resubmitted) on that office day."""
    return add_working_days(submitted, sop_days)


def is_overdue(deadline_day: date, today: date, status: Status) -> bool:
    """Overdue: past the deadline day and the service not yet delivered."""
    if status in FINAL_STATES or status in SERVED_STATES:
        return False
    return today > deadline_day
