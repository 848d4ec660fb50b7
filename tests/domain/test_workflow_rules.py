"""Every (action × role × state × mode) the workflow can be asked about, against a table written
here by hand from seed 000 §2.1.7 — not derived from workflow.TRANSITIONS, so a wrong edit there
(a role that may skip the paraf, an antar jemput reported before the citizen is home) fails here.
Also the SOP clock (pwa/sop.py): working days and when a request counts as overdue.
"""
from datetime import date, datetime, timedelta, timezone
from itertools import product

import pytest

from pwa.domain import keberatan, sop
from pwa.domain.kalender import Kalender
from pwa.domain.workflow import (Aksi, Mode, Pelaku, Peran, Status, TransisiDitolak, allowed_actions,
                          decide, next_for_citizen)

S, A, P, M = Status, Aksi, Peran, Mode
AJ = frozenset({M.ANTAR_JEMPUT})
EVERY_MODE = frozenset(M)
NOT_AJ = EVERY_MODE - AJ

# Who takes each action. AJUKAN is absent: submitting creates the request already DIAJUKAN, so
# it is not a transition and decide() must refuse it as unknown.
ACTOR = {
    A.AJUKAN_ULANG: P.PEMOHON,
    A.TERUSKAN: P.VERIFIKATOR,
    A.KEMBALIKAN: P.VERIFIKATOR,
    A.PARAF: P.KASUBAG_TU,
    A.KEMBALIKAN_KE_VERIFIKATOR: P.KASUBAG_TU,
    A.SETUJUI: P.KEPALA_KANTOR,
    A.TOLAK: P.KEPALA_KANTOR,
    A.JEMPUT: P.PETUGAS,
    A.TIBA_DI_KANTOR: P.PETUGAS,
    A.ANTAR_PULANG: P.PETUGAS,
    A.LAPOR: P.PETUGAS,
    A.PARAF_LAPORAN: P.KASUBAG_TU,
    A.TERIMA_LAPORAN: P.KEPALA_KANTOR,
}

# Actions that exist only for one mode: asked in another mode they are refused as wrong_mode.
MODE_ONLY = {A.JEMPUT: AJ, A.TIBA_DI_KANTOR: AJ, A.ANTAR_PULANG: AJ}

# The allowed moves: (action, from state, modes) → new state. Everything else is refused.
ALLOWED = [
    (A.AJUKAN_ULANG, S.DIKEMBALIKAN, EVERY_MODE, S.DIAJUKAN),
    (A.TERUSKAN, S.DIAJUKAN, EVERY_MODE, S.DIVERIFIKASI),
    (A.KEMBALIKAN, S.DIAJUKAN, EVERY_MODE, S.DIKEMBALIKAN),
    (A.PARAF, S.DIVERIFIKASI, EVERY_MODE, S.DIPARAF),
    (A.KEMBALIKAN_KE_VERIFIKATOR, S.DIVERIFIKASI, EVERY_MODE, S.DIAJUKAN),
    (A.SETUJUI, S.DIPARAF, EVERY_MODE, S.DISETUJUI),
    (A.TOLAK, S.DIPARAF, EVERY_MODE, S.DITOLAK),
    (A.JEMPUT, S.DISETUJUI, AJ, S.DIJEMPUT),
    (A.TIBA_DI_KANTOR, S.DIJEMPUT, AJ, S.DI_KANTOR),
    (A.ANTAR_PULANG, S.DI_KANTOR, AJ, S.DIANTAR_PULANG),
    (A.LAPOR, S.DIANTAR_PULANG, AJ, S.DILAPORKAN),
    (A.LAPOR, S.DISETUJUI, NOT_AJ, S.DILAPORKAN),
    (A.PARAF_LAPORAN, S.DILAPORKAN, EVERY_MODE, S.LAPORAN_DIPARAF),
    (A.TERIMA_LAPORAN, S.LAPORAN_DIPARAF, EVERY_MODE, S.SELESAI),
]
EXPECTED = {(aksi, dari, mode): ke for aksi, dari, modes, ke in ALLOWED for mode in modes}

NEEDS_NOTE = {A.KEMBALIKAN, A.KEMBALIKAN_KE_VERIFIKATOR, A.TOLAK}
ASSIGNED_ONLY = {A.JEMPUT, A.TIBA_DI_KANTOR, A.ANTAR_PULANG, A.LAPOR}

OFFICER_ID = 7
OTHER_OFFICER_ID = 8


def pelaku(peran: Peran, staf_id: int | None = OFFICER_ID) -> Pelaku:
    return Pelaku(peran, None if peran is P.PEMOHON else staf_id)


def expected_reason(aksi, peran, status, mode) -> str | None:
    """None when allowed (for the assigned officer, with a note); else the refusal code."""
    if aksi not in ACTOR:
        return "unknown_action"
    if peran is not ACTOR[aksi]:
        return "wrong_role"
    if aksi in MODE_ONLY and mode not in MODE_ONLY[aksi]:
        return "wrong_mode"
    if (aksi, status, mode) not in EXPECTED:
        return "wrong_state"
    return None


def refusal(aksi, who, status, mode, petugas_id=OFFICER_ID, note="alasan yang jelas"):
    with pytest.raises(TransisiDitolak) as caught:
        decide(aksi, who, status, mode, petugas_id, note)
    return caught.value.reason


def test_the_table_covers_every_action_except_submission():
    assert set(ACTOR) == set(A) - {A.AJUKAN}
    assert {aksi for aksi, *_ in ALLOWED} == set(ACTOR)


@pytest.mark.parametrize("aksi", list(A), ids=str)
def test_every_role_state_mode_combination(aksi):
    """With a well-formed request (assigned officer, a note given), decide() follows the table."""
    checked = 0
    for peran, status, mode in product(P, S, M):
        want = expected_reason(aksi, peran, status, mode)
        who = pelaku(peran)
        if want is None:
            got = decide(aksi, who, status, mode, OFFICER_ID, "alasan yang jelas")
            assert got is EXPECTED[(aksi, status, mode)], (aksi, peran, status, mode)
        else:
            assert refusal(aksi, who, status, mode) == want, (aksi, peran, status, mode)
        checked += 1
    assert checked == len(P) * len(S) * len(M)


@pytest.mark.parametrize("aksi", sorted(NEEDS_NOTE), ids=str)
@pytest.mark.parametrize("note", ["", "   ", "\n\t"])
def test_returns_and_rejections_need_a_reason(aksi, note):
    for (a, status, mode), _ke in EXPECTED.items():
        if a is aksi:
            assert refusal(aksi, pelaku(ACTOR[aksi]), status, mode, note=note) == "note_required"


@pytest.mark.parametrize("aksi", sorted(set(ACTOR) - NEEDS_NOTE), ids=str)
def test_other_actions_need_no_note(aksi):
    for (a, status, mode), ke in EXPECTED.items():
        if a is aksi:
            assert decide(aksi, pelaku(ACTOR[aksi]), status, mode, OFFICER_ID, "") is ke


@pytest.mark.parametrize("aksi", sorted(ASSIGNED_ONLY), ids=str)
def test_only_the_assigned_officer_may_act(aksi):
    for (a, status, mode), ke in EXPECTED.items():
        if a is not aksi:
            continue
        assert decide(aksi, Pelaku(P.PETUGAS, OFFICER_ID), status, mode, OFFICER_ID) is ke
        assert refusal(aksi, Pelaku(P.PETUGAS, OTHER_OFFICER_ID), status, mode) == "not_assigned"
        assert refusal(aksi, Pelaku(P.PETUGAS, OFFICER_ID), status, mode,
                       petugas_id=None) == "not_assigned"
        assert refusal(aksi, Pelaku(P.PETUGAS, None), status, mode,
                       petugas_id=None) == "not_assigned"


@pytest.mark.parametrize("aksi", sorted(set(ACTOR) - ASSIGNED_ONLY), ids=str)
def test_other_actions_do_not_depend_on_the_assigned_officer(aksi):
    for (a, status, mode), ke in EXPECTED.items():
        if a is aksi:
            assert decide(aksi, pelaku(ACTOR[aksi], 99), status, mode, None, "alasan") is ke


def test_antar_jemput_goes_home_before_the_report():
    who = Pelaku(P.PETUGAS, OFFICER_ID)
    status = S.DISETUJUI
    path = []
    for aksi in (A.JEMPUT, A.TIBA_DI_KANTOR, A.ANTAR_PULANG, A.LAPOR):
        status = decide(aksi, who, status, M.ANTAR_JEMPUT, OFFICER_ID)
        path.append(status)
    assert path == [S.DIJEMPUT, S.DI_KANTOR, S.DIANTAR_PULANG, S.DILAPORKAN]


@pytest.mark.parametrize("status", [S.DISETUJUI, S.DIJEMPUT, S.DI_KANTOR])
def test_antar_jemput_cannot_report_before_the_citizen_is_home(status):
    who = Pelaku(P.PETUGAS, OFFICER_ID)
    assert refusal(A.LAPOR, who, status, M.ANTAR_JEMPUT) == "wrong_state"


@pytest.mark.parametrize("mode", sorted(NOT_AJ), ids=str)
def test_other_modes_report_straight_after_approval(mode):
    who = Pelaku(P.PETUGAS, OFFICER_ID)
    assert decide(A.LAPOR, who, S.DISETUJUI, mode, OFFICER_ID) is S.DILAPORKAN
    for aksi in (A.JEMPUT, A.TIBA_DI_KANTOR, A.ANTAR_PULANG):
        assert refusal(aksi, who, S.DISETUJUI, mode) == "wrong_mode"


@pytest.mark.parametrize("mode", list(M), ids=str)
def test_a_request_can_travel_from_submission_to_done(mode):
    steps = [(A.TERUSKAN, P.VERIFIKATOR), (A.PARAF, P.KASUBAG_TU), (A.SETUJUI, P.KEPALA_KANTOR)]
    if mode is M.ANTAR_JEMPUT:
        steps += [(A.JEMPUT, P.PETUGAS), (A.TIBA_DI_KANTOR, P.PETUGAS),
                  (A.ANTAR_PULANG, P.PETUGAS)]
    steps += [(A.LAPOR, P.PETUGAS), (A.PARAF_LAPORAN, P.KASUBAG_TU),
              (A.TERIMA_LAPORAN, P.KEPALA_KANTOR)]
    status = S.DIAJUKAN
    for aksi, peran in steps:
        status = decide(aksi, pelaku(peran), status, mode, OFFICER_ID)
    assert status is S.SELESAI


def test_final_states_accept_no_action():
    for status, mode, peran in product((S.SELESAI, S.DITOLAK), M, P):
        assert allowed_actions(pelaku(peran), status, mode, OFFICER_ID) == []


@pytest.mark.parametrize("peran", list(P), ids=str)
def test_allowed_actions_agree_with_decide_and_the_table(peran):
    for status, mode, (staf_id, petugas_id) in product(
            S, M, [(OFFICER_ID, OFFICER_ID), (OTHER_OFFICER_ID, OFFICER_ID), (OFFICER_ID, None)]):
        who = pelaku(peran, staf_id)
        offered = allowed_actions(who, status, mode, petugas_id)
        assert len(offered) == len(set(offered))
        by_decide = set()
        for aksi in A:
            try:
                decide(aksi, who, status, mode, petugas_id, "x")
            except TransisiDitolak:
                continue
            by_decide.add(aksi)
        assert set(offered) == by_decide, (peran, status, mode)
        assigned = who.staf_id is not None and who.staf_id == petugas_id
        from_table = {aksi for aksi in ACTOR
                      if expected_reason(aksi, peran, status, mode) is None
                      and (aksi not in ASSIGNED_ONLY or assigned)}
        assert set(offered) == from_table, (peran, status, mode, staf_id, petugas_id)


def test_the_citizen_is_told_what_to_do_next():
    assert next_for_citizen(S.DIKEMBALIKAN, M.LANGSUNG) == "fix_documents"
    assert next_for_citizen(S.DISETUJUI, M.ANTAR_JEMPUT) == "ready_for_pickup"
    assert next_for_citizen(S.DISETUJUI, M.JEMPUT_BOLA) == "ready_for_visit"
    assert next_for_citizen(S.DISETUJUI, M.KONSULTASI) == "ready_for_consultation"
    assert next_for_citizen(S.DISETUJUI, M.LANGSUNG) == "come_to_office"
    for status in (S.DILAPORKAN, S.LAPORAN_DIPARAF, S.SELESAI):
        assert next_for_citizen(status, M.JEMPUT_BOLA) == "rate_service"
    assert next_for_citizen(S.DITOLAK, M.KONSULTASI) == "rejected"
    for status in (S.DIAJUKAN, S.DIVERIFIKASI, S.DIPARAF, S.DIJEMPUT, S.DI_KANTOR,
                   S.DIANTAR_PULANG):
        assert next_for_citizen(status, M.ANTAR_JEMPUT) == "wait"


# --- SOP clock (pwa/sop.py) -------------------------------------------------------------------

MONDAY = date(2025, 3, 3)
FRIDAY = MONDAY + timedelta(days=4)
SATURDAY = MONDAY + timedelta(days=5)
SUNDAY = MONDAY + timedelta(days=6)
NEXT_MONDAY = MONDAY + timedelta(days=7)
# Weekends alone: holidays are tests/domain/test_kalender.py's.
WEEKENDS_ONLY = Kalender()


@pytest.mark.parametrize("start, days, due", [
    (MONDAY, 0, MONDAY),
    (MONDAY, 1, MONDAY + timedelta(days=1)),
    (MONDAY, 4, FRIDAY),
    (MONDAY, 5, NEXT_MONDAY),
    (FRIDAY, 1, NEXT_MONDAY),
    (SATURDAY, 1, NEXT_MONDAY),
    (SUNDAY, 1, NEXT_MONDAY),
    (FRIDAY, 10, FRIDAY + timedelta(days=14)),
    (MONDAY, 14, MONDAY + timedelta(days=18)),
])
def test_working_days_skip_weekends(start, days, due):
    assert sop.add_working_days(start, days, WEEKENDS_ONLY) == due


def test_a_deadline_never_falls_on_a_weekend():
    for offset, days in product(range(7), range(1, 15)):
        assert sop.add_working_days(MONDAY + timedelta(days=offset), days,
                                    WEEKENDS_ONLY).weekday() < 5


def test_deadline_counts_from_the_submission_day():
    assert sop.deadline(date(2025, 3, 7), 2, WEEKENDS_ONLY) == date(2025, 3, 11)  # a Friday


UNFINISHED = [S.DIAJUKAN, S.DIKEMBALIKAN, S.DIVERIFIKASI, S.DIPARAF, S.DISETUJUI, S.DIJEMPUT,
              S.DI_KANTOR, S.DIANTAR_PULANG]
FINISHED = [S.DILAPORKAN, S.LAPORAN_DIPARAF, S.SELESAI, S.DITOLAK]


def test_every_state_is_either_finished_or_not():
    assert set(UNFINISHED) | set(FINISHED) == set(S)


@pytest.mark.parametrize("status", UNFINISHED, ids=str)
def test_unfinished_request_is_overdue_only_after_its_deadline_day(status):
    assert not sop.is_overdue(FRIDAY, FRIDAY - timedelta(days=1), status)
    assert not sop.is_overdue(FRIDAY, FRIDAY, status)
    assert sop.is_overdue(FRIDAY, SATURDAY, status)
    assert sop.is_overdue(FRIDAY, NEXT_MONDAY + timedelta(days=30), status)


@pytest.mark.parametrize("status", FINISHED, ids=str)
def test_served_or_closed_request_is_never_overdue(status):
    assert not sop.is_overdue(FRIDAY, NEXT_MONDAY + timedelta(days=30), status)


@pytest.mark.parametrize("status", UNFINISHED, ids=str)
def test_an_objection_opens_once_the_sop_time_is_exceeded(status):
    late = NEXT_MONDAY
    assert not keberatan.may_file(FRIDAY, FRIDAY, status, open_keberatan=False)
    assert not keberatan.may_file(FRIDAY, late, status, open_keberatan=True)
    # A returned request waits for the citizen, not the office: no objection then.
    assert keberatan.may_file(FRIDAY, late, status, open_keberatan=False) == (
        status is not S.DIKEMBALIKAN)


@pytest.mark.parametrize("status", FINISHED, ids=str)
def test_no_objection_once_served(status):
    assert not keberatan.may_file(FRIDAY, NEXT_MONDAY, status, open_keberatan=False)
