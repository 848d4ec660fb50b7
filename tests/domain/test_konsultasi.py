"""The consultation room's rules (pwa/domain/konsultasi.py), without Flask or a database."""
from datetime import datetime

import pytest

from pwa.domain import konsultasi as rules
from pwa.domain.workflow import Mode, Status

BOOKED = "2026-12-07T09:00"
P = {"mode": Mode.KONSULTASI, "status": Status.DISETUJUI, "petugas_id": 5,
     "jadwal_petugas": BOOKED}


@pytest.mark.parametrize("now, ended, status, expected", [
    ("2026-12-07T08:49", False, Status.DISETUJUI, rules.BELUM),
    ("2026-12-07T08:50", False, Status.DISETUJUI, rules.BUKA),   # ten minutes before
    ("2026-12-07T16:00", False, Status.DISETUJUI, rules.BUKA),   # open until ended
    ("2026-12-07T09:10", True, Status.DISETUJUI, rules.SELESAI),
    ("2026-12-07T09:10", False, Status.DILAPORKAN, rules.SELESAI),  # the report ends it
])
def test_the_room_opens_before_the_booked_time_and_closes_when_ended(now, ended, status,
                                                                     expected):
    p = dict(P, status=status)
    assert rules.state(p, datetime.fromisoformat(now), ended, 10) == expected


def test_only_approved_consultations_with_an_officer_and_a_time_have_a_room():
    assert rules.has_room(P)
    assert not rules.has_room(dict(P, mode=Mode.LANGSUNG))
    assert not rules.has_room(dict(P, status=Status.DIPARAF))
    assert not rules.has_room(dict(P, petugas_id=None))
    assert not rules.has_room(dict(P, jadwal_petugas=None))


@pytest.mark.parametrize("peran, staf_id, owns, expected", [
    ("petugas", 5, False, rules.PETUGAS),
    ("petugas", 6, False, None),            # another officer
    ("kepala_kantor", 1, False, rules.PENGAMAT),
    ("verifikator", 2, False, None),
    (None, None, True, rules.PEMOHON),
    (None, None, False, None),             # a stranger
    ("petugas", 6, True, None),            # staff are judged by their role, not the cookie
])
def test_who_is_in_the_room(peran, staf_id, owns, expected):
    assert rules.participant(peran, staf_id, 5, owns) == expected


@pytest.mark.parametrize("text, problem", [
    ("", rules.KOSONG), ("a" * 1001, rules.TERLALU_PANJANG), ("a\x1bb", rules.KARAKTER_KONTROL),
    ("a" * 1000, None), ("Baris satu\nbaris dua\tdengan tab", None),
])
def test_what_a_message_may_be(text, problem):
    assert rules.message_problem(rules.clean(text)) == problem


def test_who_may_write_end_and_call():
    assert rules.write_problem(rules.PENGAMAT, rules.BUKA) == rules.HANYA_MEMBACA
    assert rules.write_problem(rules.PEMOHON, rules.BELUM) == rules.BELUM_DIBUKA
    assert rules.write_problem(rules.PETUGAS, rules.SELESAI) == rules.SUDAH_SELESAI
    assert rules.end_problem(rules.PEMOHON, rules.BUKA) == rules.BUKAN_PETUGAS
    assert rules.end_problem(rules.PETUGAS, rules.BUKA) is None
    assert rules.signal_problem(rules.PEMOHON, rules.BUKA, "tawar", "{}") is None
    assert rules.signal_problem(rules.PEMOHON, rules.BUKA, "lain", "{}") == rules.SINYAL_SALAH


def test_the_report_starts_from_the_conversation_cut_to_fit():
    messages = [{"oleh": "pemohon", "isi": "Apa  syaratnya?\n"},
                {"oleh": "petugas", "isi": "KTP dan KK."}]
    labels = {rules.PEMOHON: "Pemohon", rules.PETUGAS: "Petugas"}
    assert rules.summary(messages, labels, 1000) == "Pemohon: Apa syaratnya?\nPetugas: KTP dan KK."
    cut = rules.summary(messages * 50, labels, 100)
    assert len(cut) <= 100 and cut.endswith("…")
