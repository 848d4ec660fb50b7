"""The office's calendar: which days it is open. Pure Python (no Flask, no SQL, no holiday data).

The office works Monday to Friday, except the days it is closed: national holidays and cuti
bersama, Bali's Nyepi, Galungan and Kuningan, and closure days the admin adds. Those days are
gathered by services/kalender.py (from the `holidays` library, `bali_days` below and the store)
and handed to a `Kalender`; every count of working days (SOP deadlines, the days a schedule may
take, the reports) asks the same `Kalender`, so no two pages can disagree about a day.

Galungan and Kuningan follow the Pawukon, Bali's 210-day cycle of 30 wuku of seven days:
Galungan is Buda Kliwon of wuku Dungulan (a Wednesday), Kuningan ten days later, Saniscara
Kliwon of wuku Kuningan (a Saturday). They recur every 210 days exactly, so one known Galungan
fixes them all. The anchor is Galungan on Wednesday 28 February 2024; the dates this gives were
checked against the Balinese calendar's published Galungan dates (4 January and 2 August 2023,
28 February and 25 September 2024, 23 April and 19 November 2025, 17 June 2026, 13 January 2027)
in tests/domain/test_kalender.py.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# Where a closure day comes from: the reason the office is shut, shown to citizens and staff.
NASIONAL = "nasional"          # a national public holiday (Keppres / SKB 3 Menteri)
CUTI_BERSAMA = "cuti_bersama"  # a collective leave day of the civil service
BALI = "bali"                  # a Balinese holy day on which offices in Bali close
KANTOR = "kantor"              # a closure the office's admin added
SOURCES = (NASIONAL, CUTI_BERSAMA, BALI, KANTOR)

PAWUKON_DAYS = 210
GALUNGAN_ANCHOR = date(2024, 2, 28)
KUNINGAN_AFTER_GALUNGAN = 10
GALUNGAN, KUNINGAN = "Hari Raya Galungan", "Hari Raya Kuningan"


@dataclass(frozen=True)
class HariTutup:
    """A day the office is closed, with the name of the day and where the closure comes from."""
    tanggal: date
    nama: str
    sumber: str


def galungan_days(year: int) -> list[date]:
    """Every Galungan in the year (one or two: the cycle is 210 days)."""
    start = date(year, 1, 1)
    offset = (start - GALUNGAN_ANCHOR).days % PAWUKON_DAYS
    first = start + timedelta(days=(PAWUKON_DAYS - offset) % PAWUKON_DAYS)
    days = []
    while first.year == year:
        days.append(first)
        first += timedelta(days=PAWUKON_DAYS)
    return days


def bali_days(year: int) -> list[HariTutup]:
    """Galungan and Kuningan falling in the year (Nyepi is a national holiday already).

    Kuningan can fall early in January after a Galungan of the year before."""
    days = []
    for galungan in galungan_days(year - 1) + galungan_days(year):
        for day, name in ((galungan, GALUNGAN),
                          (galungan + timedelta(days=KUNINGAN_AFTER_GALUNGAN), KUNINGAN)):
            if day.year == year:
                days.append(HariTutup(day, name, BALI))
    return sorted(days, key=lambda d: d.tanggal)


class Kalender:
    """Open Monday to Friday except the closure days `source(year)` gives for each year.

    Built per request by services/kalender.py; a `Kalender()` with no source knows weekends
    only (what tests of pure counting use)."""

    def __init__(self, source: Callable[[int], Iterable[HariTutup]] | None = None):
        self._source = source or (lambda _year: ())
        self._years: dict[int, dict[date, HariTutup]] = {}

    def _of_year(self, year: int) -> dict[date, HariTutup]:
        if year not in self._years:
            days: dict[date, HariTutup] = {}
            for item in self._source(year):
                # Several reasons on one day: the first given (national before Bali before
                # the office's own) names it.
                days.setdefault(item.tanggal, item)
            self._years[year] = days
        return self._years[year]

    def closure(self, day: date) -> HariTutup | None:
        """Why the office is closed on a weekday, or None (weekends have no entry)."""
        return self._of_year(day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and self.closure(day) is None

    def closures_between(self, start: date, end: date, weekdays_only: bool = True
                         ) -> list[HariTutup]:
        """Closure days from `start` to `end` inclusive, in order; by default only those that
        fall on a weekday (a holiday on a Sunday closes nothing that was open)."""
        found = []
        for year in range(start.year, end.year + 1):
            for day, item in self._of_year(year).items():
                if start <= day <= end and (not weekdays_only or day.weekday() < 5):
                    found.append(item)
        return sorted(found, key=lambda d: d.tanggal)
