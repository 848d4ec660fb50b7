"""When a citizen may be served: the days and hours a schedule may take, and the consultation
slots. Pure Python. One set of rules for the step-by-step form, the one-page offline form, the
voice dialogue's numbered lists and the Kepala Kantor's approval, which answer with the same
codes (`pwa/bahasa/labels.py` turns them into words). Which days the office is open is the
`Kalender`'s (domain/kalender.py), passed in by the caller.
"""
from datetime import date, datetime, time, timedelta

from . import sop
from .kalender import Kalender

OFFICE_OPENS, OFFICE_CLOSES = time(8, 0), time(15, 0)
BOOKING_HORIZON_DAYS = 60
CONSULTATION_TIMES = (time(9, 0), time(10, 0), time(11, 0), time(13, 0), time(14, 0))
CONSULTATION_DAYS = 5

# Problem codes, in the order a person would fix them.
NOT_AFTER_TODAY = "mulai_besok"
TOO_FAR = "terlalu_jauh"
OFFICE_CLOSED = "kantor_tutup"      # a Saturday or Sunday
HOLIDAY = "hari_libur"              # a holiday, cuti bersama, Balinese holy day or office closure
OUTSIDE_HOURS = "di_luar_jam"
NOT_A_SLOT = "bukan_slot"
SLOT_TAKEN = "slot_dipesan"
# The Kepala Kantor's schedule when approving.
BEFORE_TODAY = "sebelum_hari_ini"
AFTER_DEADLINE = "lewat_batas_sop"


def closed_problem(day: date, kalender: Kalender) -> str | None:
    """Why the office is shut that day (weekend or closure day), or None."""
    if day.weekday() >= 5:
        return OFFICE_CLOSED
    if kalender.closure(day) is not None:
        return HOLIDAY
    return None


def day_problem(day: date, today: date, kalender: Kalender) -> str | None:
    """Why the citizen cannot book this day, or None."""
    if day <= today:
        return NOT_AFTER_TODAY
    if day > today + timedelta(days=BOOKING_HORIZON_DAYS):
        return TOO_FAR
    return closed_problem(day, kalender)


def first_day(today: date, kalender: Kalender) -> date:
    """The first day a citizen may book: the next working day (not a holiday's "tomorrow")."""
    return sop.next_working_day(today, kalender)


def time_problem(moment: time) -> str | None:
    return None if OFFICE_OPENS <= moment <= OFFICE_CLOSES else OUTSIDE_HOURS


def upcoming_working_days(today: date, count: int, kalender: Kalender) -> list[date]:
    """The first `count` days a schedule may take (what `day_problem` accepts)."""
    days = (today + timedelta(days=n) for n in range(1, BOOKING_HORIZON_DAYS + 1))
    return [d for d in days if day_problem(d, today, kalender) is None][:count]


def closures_ahead(today: date, kalender: Kalender) -> list:
    """Weekday closures within the booking horizon (the schedule step lists them)."""
    return kalender.closures_between(today + timedelta(days=1),
                                     today + timedelta(days=BOOKING_HORIZON_DAYS))


def office_hours() -> list[time]:
    """Every full hour from opening to closing time."""
    return [time(h, 0) for h in range(OFFICE_OPENS.hour, OFFICE_CLOSES.hour + 1)]


def consultation_slots(today: date, kalender: Kalender,
                       days: int = CONSULTATION_DAYS) -> list[datetime]:
    """The next working days' consultation times."""
    return [datetime.combine(day, t) for day in upcoming_working_days(today, days, kalender)
            for t in CONSULTATION_TIMES]


def slot_key(moment: datetime) -> str:
    """How a booked moment is stored and compared: '2026-12-07T09:00'."""
    return moment.isoformat(timespec="minutes")


def consultation_problem(moment: str, today: date, booked: set[str],
                         kalender: Kalender) -> str | None:
    """Why this consultation moment cannot be booked (not one of the slots, or taken), or None."""
    if moment not in {slot_key(s) for s in consultation_slots(today, kalender)}:
        return NOT_A_SLOT
    if moment in booked:
        return SLOT_TAKEN
    return None


def booked_day(jadwal: str | None) -> date | None:
    """The day of a stored schedule ('2026-12-07' or '2026-12-07T09:00'), or None."""
    if not jadwal:
        return None
    try:
        return date.fromisoformat(jadwal[:10])
    except ValueError:
        return None


def latest_service_day(deadline: date, today: date, kalender: Kalender) -> date:
    """The last day the office may set for the service: the SOP deadline, or, when that has
    passed already, the first working day from today (serve as soon as possible)."""
    if deadline >= today:
        return deadline
    return today if kalender.is_working_day(today) else sop.next_working_day(today, kalender)


def service_day_problem(day: date, today: date, kalender: Kalender, deadline: date,
                        chosen: date | None) -> str | None:
    """Why the Kepala Kantor cannot set this service day, or None.

    The office may not serve later than the SOP deadline, unless it is the day the citizen
    chose (the deadline then counts from it already)."""
    if day < today:
        return BEFORE_TODAY
    closed = closed_problem(day, kalender)
    if closed:
        return closed
    if day != chosen and day > latest_service_day(deadline, today, kalender):
        return AFTER_DEADLINE
    return None
