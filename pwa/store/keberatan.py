"""Keberatan (seed 004): filed when a request exceeds its SOP time, decided by the
Kepala Kantor; when upheld, an officer delivers the finished document to the citizen's home.

The states and who may move them are in domain/keberatan.py. Decisions and deliveries are
conditional updates, so two people acting at once cannot both succeed.
"""
import sqlite3

from ..domain.keberatan import DIAJUKAN, DIANTAR, DITERIMA, OPEN
from .db import row, rows, utcnow

_VIEW_SQL = """
SELECT k.*, p.nomor, p.nama, p.telepon, p.alamat, p.desa, p.kecamatan, p.mode,
       p.status AS permohonan_status, p.batas_sop, p.diajukan_at AS permohonan_diajukan_at,
       l.nama AS layanan_nama, pm.nama AS pemeriksa_nama, pt.nama AS petugas_nama
FROM keberatan k
JOIN permohonan p ON p.id = k.permohonan_id
JOIN layanan l ON l.id = p.layanan_id
LEFT JOIN staf pm ON pm.id = k.pemeriksa_id
LEFT JOIN staf pt ON pt.id = k.petugas_id
"""


class SudahTerbuka(Exception):
    """The request has an open keberatan already (the database allows one)."""


def create(db, permohonan_id: int, alasan: str, now: str | None = None) -> int:
    try:
        return db["keberatan"].insert({
            "permohonan_id": permohonan_id, "alasan": alasan.strip(), "status": DIAJUKAN,
            "diajukan_at": now or utcnow(),
        }).last_pk
    except sqlite3.IntegrityError:
        raise SudahTerbuka(permohonan_id) from None


def get(db, keberatan_id: int) -> dict | None:
    return row(db, _VIEW_SQL + " WHERE k.id = ?", (keberatan_id,))


def open_for(db, permohonan_id: int) -> dict | None:
    """The keberatan of this request still waiting for a decision or a delivery, if any."""
    return row(db, _VIEW_SQL + " WHERE k.permohonan_id = ? AND k.status IN (?, ?) "
                               "ORDER BY k.id DESC LIMIT 1", (permohonan_id, *OPEN))


def for_request(db, permohonan_id: int) -> list[dict]:
    """Every keberatan of this request, oldest first (the citizen's and staff's history)."""
    return rows(db, _VIEW_SQL + " WHERE k.permohonan_id = ? ORDER BY k.id", (permohonan_id,))


def pending_decisions(db) -> list[dict]:
    return rows(db, _VIEW_SQL + " WHERE k.status = ? ORDER BY k.diajukan_at, k.id",
                (DIAJUKAN,))


def decide(db, keberatan_id: int, *, status: str, pemeriksa_id: int, catatan: str = "",
           petugas_id: int | None = None, now: str | None = None) -> bool:
    """Record the decision (domain.keberatan.decision chose `status`); False when someone
    decided it first."""
    cur = db.execute(
        "UPDATE keberatan SET status = ?, pemeriksa_id = ?, catatan_pemeriksa = ?, "
        "petugas_id = ?, diputus_at = ? WHERE id = ? AND status = ?",
        (status, pemeriksa_id, catatan.strip(), petugas_id if status == DITERIMA else None,
         now or utcnow(), keberatan_id, DIAJUKAN))
    return cur.rowcount == 1


def delivery_tasks(db, petugas_id: int) -> list[dict]:
    """Upheld keberatans this officer still has to deliver, oldest decision first."""
    return rows(db, _VIEW_SQL + " WHERE k.status = ? AND k.petugas_id = ? "
                               "ORDER BY k.diputus_at, k.id", (DITERIMA, petugas_id))


def has_delivery_for(db, petugas_id: int, permohonan_id: int) -> bool:
    return db.execute(
        "SELECT 1 FROM keberatan WHERE petugas_id = ? AND permohonan_id = ? AND status = ?",
        (petugas_id, permohonan_id, DITERIMA)).fetchone() is not None


def mark_delivered(db, keberatan_id: int, petugas_id: int, now: str | None = None) -> bool:
    """False unless the keberatan is upheld, undelivered and assigned to this officer."""
    cur = db.execute(
        "UPDATE keberatan SET status = ?, diantar_at = ? "
        "WHERE id = ? AND status = ? AND petugas_id = ?",
        (DIANTAR, now or utcnow(), keberatan_id, DITERIMA, petugas_id))
    return cur.rowcount == 1


def upheld(db, delivered: bool | None = None) -> list[dict]:
    """Upheld keberatans: all (None), only those awaiting delivery (False) or delivered (True)."""
    states = {None: (DITERIMA, DIANTAR), False: (DITERIMA,), True: (DIANTAR,)}[delivered]
    marks = ",".join("?" * len(states))
    return rows(db, _VIEW_SQL + f" WHERE k.status IN ({marks}) ORDER BY k.diputus_at, k.id",
                states)
