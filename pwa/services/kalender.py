"""The office's calendar, gathered: national holidays and cuti bersama (the `holidays` library's
Indonesia calendar), Bali's Galungan and Kuningan (domain/kalender.py; Nyepi is national), and
the closure days the admin adds (store/hari_tutup.py). The domain counts working days with
the `Kalender` built here; nothing else decides whether the office is open.

Coverage of the `holidays` library (0.109): public holidays for every year (Islamic ones
estimated from the MABIMS calendar beyond the years decreed, marked "(perkiraan)"), Nyepi from
its table 1983-2050, and cuti bersama as decreed, so far to 2027. Days decreed later, and any
other day the office closes (Umanis Galungan, a ceremony), the admin adds on
/staf/admin/hari-tutup.
"""
from datetime import date
from functools import lru_cache

import holidays

from ..domain import kalender as rules
from ..domain.kalender import HariTutup, Kalender
from ..store import hari_tutup as store, transaction


@lru_cache(maxsize=32)
def _fixed(year: int) -> tuple[HariTutup, ...]:
    """The year's closure days that do not depend on the office: national, cuti bersama, Bali."""
    days = [HariTutup(day, name, rules.NASIONAL) for day, name in
            holidays.Indonesia(years=year, categories=(holidays.PUBLIC,)).items()]
    days += [HariTutup(day, name, rules.CUTI_BERSAMA) for day, name in
             holidays.Indonesia(years=year, categories=(holidays.GOVERNMENT,)).items()]
    days += rules.bali_days(year)
    return tuple(sorted(days, key=lambda d: (d.tanggal, rules.SOURCES.index(d.sumber))))


def national() -> Kalender:
    """The calendar without the office's own closure days (for code with no database)."""
    return Kalender(lambda year: _fixed(year))


def of(db) -> Kalender:
    """The office's calendar now: the fixed days and the admin's closure days."""
    office: dict[int, list[HariTutup]] = {}
    for r in store.all_days(db):
        day = date.fromisoformat(r["tanggal"])
        office.setdefault(day.year, []).append(HariTutup(day, r["alasan"], rules.KANTOR))
    return Kalender(lambda year: _fixed(year) + tuple(office.get(year, ())))


def close(db, day: date, alasan: str, staf_id: int | None) -> None:
    """The admin closes the office on a day; raises hari_tutup.SudahAda if it is already."""
    with transaction(db):
        store.add(db, day.isoformat(), alasan, staf_id)


def reopen(db, day: date) -> bool:
    """The admin takes back a closure day they added; False if there was none."""
    with transaction(db):
        return store.remove(db, day.isoformat())
