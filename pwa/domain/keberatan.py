"""Keberatan (seed 004, LAYAR RAMAH): when a request exceeds its SOP time the citizen may object;
the Kepala Kantor (or the admin standing in) decides; when upheld, an officer delivers the
finished document to the citizen's home. Pure Python.

States: diajukan (waiting for a decision) → diterima (upheld, delivery pending) → diantar,
or diajukan → ditolak. Who may take each step is decided here; the store makes each move a
conditional update, so two people acting at once cannot both succeed.
"""
from datetime import date

from . import sop
from .workflow import Peran, Status

DIAJUKAN, DITERIMA, DITOLAK, DIANTAR = "diajukan", "diterima", "ditolak", "diantar"
STATES = (DIAJUKAN, DITERIMA, DITOLAK, DIANTAR)
# A keberatan still being handled: the citizen may not file another one meanwhile.
OPEN = (DIAJUKAN, DITERIMA)
# Who decides: the Kepala Kantor, and the admin standing in.
DECIDERS = frozenset({Peran.KEPALA_KANTOR, Peran.ADMIN})


class KeberatanDitolak(Exception):
    """The step is not allowed; `reason` is a stable code the interface translates."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def may_file(deadline: date, today: date, status: Status, open_keberatan: bool) -> bool:
    """Possible once the SOP time is exceeded, one at a time, and never while the request waits
    for the citizen (returned documents), since then the office cannot act."""
    return (sop.is_overdue(deadline, today, status) and not open_keberatan
            and status is not Status.DIKEMBALIKAN)


def check_file(deadline: date, today: date, status: Status, open_keberatan: bool) -> None:
    if open_keberatan:
        raise KeberatanDitolak("already_open")
    if not may_file(deadline, today, status, open_keberatan):
        raise KeberatanDitolak("not_overdue")


def decision(peran: Peran, state: str, uphold: bool, petugas_id: int | None) -> str:
    """The state a decision leads to, or KeberatanDitolak saying why not."""
    if peran not in DECIDERS:
        raise KeberatanDitolak("wrong_role")
    if state != DIAJUKAN:
        raise KeberatanDitolak("decided")
    if uphold and petugas_id is None:
        raise KeberatanDitolak("no_officer")
    return DITERIMA if uphold else DITOLAK


# The finished document exists once the Kepala Kantor has approved the request; before that
# there is nothing to take to the citizen's home.
DELIVERABLE = frozenset({Status.DISETUJUI, Status.DIJEMPUT, Status.DI_KANTOR,
                         Status.DIANTAR_PULANG, Status.DILAPORKAN, Status.LAPORAN_DIPARAF,
                         Status.SELESAI})


def may_deliver(permohonan_status: str) -> bool:
    return Status(permohonan_status) in DELIVERABLE


def check_delivery(peran: Peran, staf_id: int, state: str, petugas_id: int | None,
                   permohonan_status: str) -> str:
    """Only the officer given the delivery marks it done, once, and only when the finished
    document exists."""
    if peran is not Peran.PETUGAS or staf_id != petugas_id:
        raise KeberatanDitolak("not_assigned")
    if state != DITERIMA:
        raise KeberatanDitolak("delivered")
    if not may_deliver(permohonan_status):
        raise KeberatanDitolak("not_ready")
    return DIANTAR
