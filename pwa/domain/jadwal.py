"""When a citizen may be served: the days and hours a schedule may take, and the consultation
slots. Pure Python. One set of rules for the step-by-step form, the one-page offline form and
the voice dialogue's numbered lists, which answer with the same codes
(`pwa/permohonan/ajukan/forms.py` turns them into words).
"""
from datetime import date, datetime, time, timedelta

from . import sop

OFFICE_OPENS, OFFICE_CLOSES = time(8, 0), time(15, 0)
BOOKING_HORIZON_DAYS = 60
CONSULTATION_TIMES = (time(9, 0), time(10, 0), time(11, 0), time(13, 0), time(14, 0))
CONSULTATION_DAYS = 5

# Problem codes, in the order a person would fix them.
NOT_AFTER_TODAY = "mulai_besok"
TOO_FAR = "terlalu_jauh"
OFFICE_CLOSED = "kantor_tutup"
OUTSIDE_HOURS = "di_luar_jam"
NOT_A_SLOT = "bukan_slot"
SLOT_TAKEN = "slot_dipesan"


def day_problem(day: date, today: date) -> str | None:
    """Why this day cannot be booked, or None."""
    if day <= today:
        return NOT_AFTER_TODAY
    if day > today + timedelta(days=BOOKING_HORIZON_DAYS):
        return TOO_FAR
    if not sop.is_working_day(day):
        return OFFICE_CLOSED
    return None


def time_problem(moment: time) -> str | None:
    return None if OFFICE_OPENS <= moment <= OFFICE_CLOSES else OUTSIDE_HOURS


def upcoming_working_days(today: date, count: int) -> list[date]:
    """The first `count` days a schedule may take (what `day_problem` accepts)."""
    days = (today + timedelta(days=n) for n in range(1, BOOKING_HORIZON_DAYS + 1))
    return [d for d in days if day_problem(d, today) is None][:count]


def office_hours() -> list[time]:
    """Every full hour from opening to closing time."""
    return [time(h, 0) for h in range(OFFICE_OPENS.hour, OFFICE_CLOSES.hour + 1)]


def consultation_slots(today: date, days: int = CONSULTATION_DAYS) -> list[datetime]:
    """The next working days' consultation times."""
    return [datetime.combine(day, t) for day in upcoming_working_days(today, days)
            for t in CONSULTATION_TIMES]


def slot_key(moment: datetime) -> str:
    """How a booked moment is stored and compared: '2026-12-07T09:00'."""
    return moment.isoformat(timespec="minutes")


def consultation_problem(moment: str, today: date, booked: set[str]) -> str | None:
    """Why this consultation moment cannot be booked (not one of the slots, or taken), or None."""
    if moment not in {slot_key(s) for s in consultation_slots(today)}:
        return NOT_A_SLOT
    if moment in booked:
        return SLOT_TAKEN
    return None
