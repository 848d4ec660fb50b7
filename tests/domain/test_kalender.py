"""The office's calendar as pure rules (pwa/domain/kalender.py, sop.py, jadwal.py): Galungan and
Kuningan from the Pawukon cycle, working days that skip the days they are given, the SOP clock
that moves to a day the citizen chose, and the days a schedule may take."""
from datetime import date, datetime, timedelta

import pytest

from pwa.domain import jadwal, keberatan, sop
from pwa.domain.kalender import (BALI, KANTOR, NASIONAL, GALUNGAN, KUNINGAN, HariTutup,
                                 Kalender, bali_days, galungan_days)
from pwa.domain.workflow import Status

# Galungan as the Balinese calendar publishes it (Pemerintah Provinsi Bali's holiday notices).
PUBLISHED_GALUNGAN = [date(2023, 1, 4), date(2023, 8, 2), date(2024, 2, 28), date(2024, 9, 25),
                      date(2025, 4, 23), date(2025, 11, 19), date(2026, 6, 17),
                      date(2027, 1, 13)]


def closed_on(*days: tuple[date, str]) -> Kalender:
    """A calendar whose only closures are these days (as the admin's own)."""
    return Kalender(lambda year: [HariTutup(d, name, KANTOR) for d, name in days
                                  if d.year == year])


@pytest.mark.parametrize("day", PUBLISHED_GALUNGAN, ids=str)
def test_galungan_falls_on_its_published_days(day):
    assert day in galungan_days(day.year)
    assert day.weekday() == 2  # Buda (Wednesday) Kliwon, wuku Dungulan


def test_galungan_recurs_every_210_days_and_kuningan_follows_ten_days_later_on_a_saturday():
    for year in range(2020, 2060):
        found = galungan_days(year)
        assert 1 <= len(found) <= 2
        for day in found:
            kuningan = day + timedelta(days=10)
            assert kuningan.weekday() == 5
            assert HariTutup(kuningan, KUNINGAN, BALI) in bali_days(kuningan.year)
            assert HariTutup(day, GALUNGAN, BALI) in bali_days(year)
        if len(found) == 2:
            assert (found[1] - found[0]).days == 210


def test_a_kuningan_early_in_january_comes_from_the_december_galungan():
    late = [g for y in range(2020, 2100) for g in galungan_days(y) if g.month == 12
            and g.day >= 22]
    assert late, "no December Galungan found to check"
    for galungan in late:
        kuningan = galungan + timedelta(days=10)
        assert kuningan.year == galungan.year + 1
        assert kuningan in [d.tanggal for d in bali_days(kuningan.year)]


WEDNESDAY = date(2026, 12, 23)
CHRISTMAS_EVE, CHRISTMAS = date(2026, 12, 24), date(2026, 12, 25)


def test_working_days_skip_the_closure_days_they_are_given():
    days = closed_on((CHRISTMAS_EVE, "Cuti bersama"), (CHRISTMAS, "Natal"))
    assert not days.is_working_day(CHRISTMAS) and days.is_working_day(WEDNESDAY)
    assert days.closure(CHRISTMAS).nama == "Natal"
    # Wed + 2 working days: Thu and Fri are closed, then the weekend: Mon 28, Tue 29.
    assert sop.deadline(WEDNESDAY, 2, days) == date(2026, 12, 29)
    assert sop.deadline(WEDNESDAY, 2, Kalender()) == date(2026, 12, 25)  # weekends only
    assert sop.working_days_between(WEDNESDAY, date(2026, 12, 29), days) == 2
    assert sop.next_working_day(WEDNESDAY, days) == date(2026, 12, 28)


def test_a_closure_on_a_weekend_closes_nothing_that_was_open():
    saturday = date(2026, 12, 26)
    days = closed_on((saturday, "Kuningan"), (CHRISTMAS, "Natal"))
    assert [d.tanggal for d in days.closures_between(WEDNESDAY, date(2026, 12, 31))] == [
        CHRISTMAS]
    assert [d.tanggal for d in days.closures_between(
        WEDNESDAY, date(2026, 12, 31), weekdays_only=False)] == [CHRISTMAS, saturday]
    assert days.closure(saturday).nama == "Kuningan"  # named, though closed anyway


def test_two_reasons_on_one_day_keep_the_first_given():
    both = Kalender(lambda year: [HariTutup(CHRISTMAS, "Hari Raya Natal", NASIONAL),
                                  HariTutup(CHRISTMAS, "Rapat kantor", KANTOR)])
    assert both.closure(CHRISTMAS).nama == "Hari Raya Natal"


# --- the SOP clock and the day the citizen chose ------------------------------------------------

def test_a_day_within_the_sop_time_leaves_the_deadline_as_it_was():
    days = Kalender()
    normal = sop.deadline(WEDNESDAY, 2, days)
    assert sop.deadline_with_booking(WEDNESDAY, 2, days, WEDNESDAY + timedelta(days=1)) == (
        normal, False)
    assert sop.deadline_with_booking(WEDNESDAY, 2, days, None) == (normal, False)


def test_a_day_chosen_after_the_sop_time_starts_the_clock_from_that_day():
    """A 2-day service booked 60 days out: due 2 working days after the chosen day, so it is
    not shown late on day 3 and offers no keberatan for a wait the citizen asked for."""
    days = Kalender()
    chosen = date(2027, 2, 22)  # a Monday about 60 days out
    due, moved = sop.deadline_with_booking(WEDNESDAY, 2, days, chosen)
    assert moved and due == sop.deadline(chosen, 2, days)
    third_day = sop.add_working_days(WEDNESDAY, 3, days)
    assert not sop.is_overdue(due, third_day, Status.DISETUJUI)
    assert not keberatan.may_file(due, third_day, Status.DISETUJUI, False)
    assert sop.is_overdue(due, due + timedelta(days=1), Status.DISETUJUI)


# --- the days a schedule may take ------------------------------------------------------------

def test_a_closure_day_is_refused_by_name_and_skipped_by_every_list():
    today = WEDNESDAY
    days = closed_on((CHRISTMAS_EVE, "Cuti bersama Natal"))
    assert jadwal.day_problem(CHRISTMAS_EVE, today, days) == jadwal.HOLIDAY
    assert jadwal.day_problem(date(2026, 12, 26), today, days) == jadwal.OFFICE_CLOSED
    assert jadwal.day_problem(date(2026, 12, 28), today, days) is None
    # "From tomorrow" is the next working day, not Christmas Eve.
    assert jadwal.first_day(today, days) == CHRISTMAS
    assert CHRISTMAS_EVE not in jadwal.upcoming_working_days(today, 5, days)
    slots = jadwal.consultation_slots(today, days)
    assert all(s.date() != CHRISTMAS_EVE for s in slots) and len(slots) == 25
    booked_eve = jadwal.slot_key(datetime(2026, 12, 24, 9, 0))
    assert jadwal.consultation_problem(booked_eve, today, set(), days) == jadwal.NOT_A_SLOT
    assert [c.tanggal for c in jadwal.closures_ahead(today, days)] == [CHRISTMAS_EVE]


def test_the_office_may_not_serve_after_the_deadline_unless_the_citizen_chose_that_day():
    today, days = WEDNESDAY, closed_on((CHRISTMAS, "Natal"))
    deadline = date(2026, 12, 29)
    chosen = date(2027, 1, 6)
    problem = jadwal.service_day_problem
    assert problem(date(2026, 12, 22), today, days, deadline, chosen) == jadwal.BEFORE_TODAY
    assert problem(CHRISTMAS, today, days, deadline, chosen) == jadwal.HOLIDAY
    assert problem(date(2026, 12, 27), today, days, deadline, chosen) == jadwal.OFFICE_CLOSED
    assert problem(deadline, today, days, deadline, chosen) is None
    assert problem(date(2026, 12, 30), today, days, deadline, chosen) == jadwal.AFTER_DEADLINE
    assert problem(chosen, today, days, deadline, chosen) is None


def test_a_request_already_late_may_still_be_served_on_the_first_working_day():
    days = closed_on((CHRISTMAS, "Natal"))
    deadline, today = date(2026, 12, 18), CHRISTMAS  # late, and today the office is closed
    assert jadwal.latest_service_day(deadline, today, days) == date(2026, 12, 28)
    assert jadwal.service_day_problem(date(2026, 12, 28), today, days, deadline, None) is None
    assert jadwal.service_day_problem(date(2026, 12, 29), today, days, deadline,
                                      None) == jadwal.AFTER_DEADLINE
