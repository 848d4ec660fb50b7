"""SOP deadlines and working days (seed 004, LAYAR RAMAH). Pure Python.

SOP times are published in working days; the clock starts again when a citizen resubmits a
returned request, because the office could not act while documents were missing. Every count
of working days in the app (deadlines, the reports' completion times, the days a schedule may
take) goes through `is_working_day` with the office's `Kalender` (domain/kalender.py: weekends,
national holidays and cuti bersama, Bali's holy days, the admin's closure days), so they cannot
disagree.

A citizen may choose to be served later than the SOP time allows (a pick-up after a family
ceremony, a consultation next week): then the SOP clock counts from the day they chose, and the
pages say so. A 2-day service booked 60 days out used to show itself late on day 3 and offer a
keberatan for a delay the citizen asked for.
"""
from datetime import date, timedelta

from .kalender import Kalender
from .workflow import FINAL_STATES, SERVED_STATES, Status


def is_working_day(day: date, kalender: Kalender) -> bool:
    return kalender.is_working_day(day)


def add_working_days(start: date, days: int, kalender: Kalender) -> date:
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if is_working_day(current, kalender):
            added += 1
    return current


def next_working_day(after: date, kalender: Kalender) -> date:
    """The first working day after `after` ("tomorrow", as the office means it)."""
    return add_working_days(after, 1, kalender)


def working_days_between(start: date, end: date, kalender: Kalender) -> int:
    """Working days after `start` up to and including `end`, counted as `deadline` counts."""
    days, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, kalender):
            days += 1
    return days


def deadline(submitted: date, sop_days: int, kalender: Kalender) -> date:
    """The last day of the SOP time for a request submitted (or resubmitted) on that office day."""
    return add_working_days(submitted, sop_days, kalender)


def deadline_with_booking(submitted: date, sop_days: int, kalender: Kalender,
                          booked: date | None) -> tuple[date, bool]:
    """(deadline, counted from the booking): the SOP time from submission, unless the citizen
    chose a day after it; then the SOP time counts from the chosen day."""
    normal = deadline(submitted, sop_days, kalender)
    if booked is not None and booked > normal:
        return deadline(booked, sop_days, kalender), True
    return normal, False


def is_overdue(deadline_day: date, today: date, status: Status) -> bool:
    """Overdue: past the deadline day and the service not yet delivered."""
    if status in FINAL_STATES or status in SERVED_STATES:
        return False
    return today > deadline_day
