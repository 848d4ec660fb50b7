"""The office's calendar as gathered (pwa/services/kalender.py): Indonesia's holidays and cuti
bersama from the `holidays` library, Bali's Galungan and Kuningan, and the admin's closure
days, behind every SOP deadline."""
from datetime import date

import pytest

from pwa.domain import sop
from pwa.domain.kalender import BALI, CUTI_BERSAMA, KANTOR, NASIONAL
from pwa.services import kalender


def test_christmas_and_its_cuti_bersama_push_a_deadline_past_the_weekend():
    days = kalender.national()
    assert days.closure(date(2026, 12, 25)).sumber == NASIONAL
    assert days.closure(date(2026, 12, 24)).sumber == CUTI_BERSAMA
    # Submitted Wednesday 23 December 2026, a 2-day service: due Tuesday 29 December.
    assert sop.deadline(date(2026, 12, 23), 2, days) == date(2026, 12, 29)


def test_nyepi_and_lebaran_2026_close_the_office_for_a_week():
    """18 March cuti bersama, 19 Nyepi, 20 cuti bersama, 21-22 Idul Fitri (a weekend), 23-24
    cuti bersama: a 1-day request sent on Tuesday 17 March is due Wednesday 25 March."""
    days = kalender.national()
    assert "Nyepi" in days.closure(date(2026, 3, 19)).nama
    assert sop.deadline(date(2026, 3, 17), 1, days) == date(2026, 3, 25)


def test_galungan_closes_the_office_in_bali():
    days = kalender.national()
    assert days.closure(date(2026, 6, 17)).sumber == BALI
    assert sop.deadline(date(2026, 6, 16), 1, days) == date(2026, 6, 18)


@pytest.mark.parametrize("year", range(2025, 2028))
def test_every_decreed_year_has_its_cuti_bersama_and_nyepi(year):
    days = kalender.national()
    found = days.closures_between(date(year, 1, 1), date(year, 12, 31), weekdays_only=False)
    assert sum(d.sumber == CUTI_BERSAMA for d in found) >= 5
    assert any("Nyepi" in d.nama for d in found)
    assert sum(d.sumber == BALI for d in found) >= 2  # a Galungan and its Kuningan at least


def test_closure_days_the_admin_adds_join_the_calendar(app, db):
    ordinary = date(2027, 7, 7)  # a Wednesday with no holiday
    assert kalender.of(db).is_working_day(ordinary)
    kalender.close(db, ordinary, "Upacara piodalan pura kantor", staf_id=None)
    closure = kalender.of(db).closure(ordinary)
    assert (closure.nama, closure.sumber) == ("Upacara piodalan pura kantor", KANTOR)
    assert sop.deadline(date(2027, 7, 6), 1, kalender.of(db)) == date(2027, 7, 8)
    assert kalender.reopen(db, ordinary) and kalender.of(db).is_working_day(ordinary)
    assert not kalender.reopen(db, ordinary)
