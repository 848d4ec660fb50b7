"""SKM reporting periods: a month "2026-11", a quarter "2026-Q4" or a year "2026". Pure Python.

Permen PANRB 14/2017 lets an office publish its IKM per month, quarter, semester or year; we offer
the three the office uses. The string form is the one stored with follow-up notes, so parsing and
formatting must round-trip exactly.
"""
import re
from dataclasses import dataclass
from datetime import date

BULAN = "bulan"
TRIWULAN = "triwulan"
TAHUN = "tahun"
JENIS = (BULAN, TRIWULAN, TAHUN)

_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{2})$"), BULAN),
    (re.compile(r"^(\d{4})-Q([1-4])$"), TRIWULAN),
    (re.compile(r"^(\d{4})$"), TAHUN),
)


@dataclass(frozen=True)
class Periode:
    jenis: str
    tahun: int
    ke: int = 1  # month 1–12 or quarter 1–4; 1 for a year

    def __str__(self) -> str:
        if self.jenis == BULAN:
            return f"{self.tahun:04d}-{self.ke:02d}"
        if self.jenis == TRIWULAN:
            return f"{self.tahun:04d}-Q{self.ke}"
        return f"{self.tahun:04d}"

    @property
    def first_month(self) -> int:
        return {BULAN: self.ke, TRIWULAN: 3 * self.ke - 2, TAHUN: 1}[self.jenis]

    @property
    def months(self) -> int:
        return {BULAN: 1, TRIWULAN: 3, TAHUN: 12}[self.jenis]

    def bounds(self) -> tuple[date, date]:
        """First day and the day after the last day (half-open, for `>= start AND < end`)."""
        start = date(self.tahun, self.first_month, 1)
        return start, _add_months(start, self.months)

    def shift(self, steps: int) -> "Periode":
        """The period `steps` periods later (negative: earlier), of the same kind."""
        if self.jenis == TAHUN:
            return Periode(TAHUN, self.tahun + steps)
        per_year = 12 if self.jenis == BULAN else 4
        index = self.tahun * per_year + (self.ke - 1) + steps
        return Periode(self.jenis, index // per_year, index % per_year + 1)


def parse(text: str) -> Periode:
    """Raises ValueError for anything that is not a valid period string."""
    for pattern, jenis in _PATTERNS:
        m = pattern.match((text or "").strip())
        if not m:
            continue
        tahun = int(m.group(1))
        ke = int(m.group(2)) if jenis != TAHUN else 1
        if tahun < 2000 or tahun > 2999 or (jenis == BULAN and not 1 <= ke <= 12):
            break
        return Periode(jenis, tahun, ke)
    raise ValueError(f"not a period: {text!r}")


def containing(jenis: str, day: date) -> Periode:
    """The period of this kind that contains the day."""
    if jenis == BULAN:
        return Periode(BULAN, day.year, day.month)
    if jenis == TRIWULAN:
        return Periode(TRIWULAN, day.year, (day.month - 1) // 3 + 1)
    if jenis == TAHUN:
        return Periode(TAHUN, day.year)
    raise ValueError(f"not a period kind: {jenis!r}")


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)
