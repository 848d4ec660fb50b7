"""Pengaduan: filed by anyone, answered by the admin with a follow-up."""
from ..domain.pengaduan import BARU
from .db import row, rows, utcnow


def add(db, *, nomor: str, isi: str, nama: str = "", kontak: str = "",
        now: str | None = None) -> int:
    return db["pengaduan"].insert({
        "nomor": nomor, "nama": nama, "kontak": kontak, "isi": isi, "status": BARU,
        "diajukan_at": now or utcnow(),
    }).last_pk



def get(db, pengaduan_id: int) -> dict | None:
    return row(db, """SELECT p.*, s.nama AS staf_nama FROM pengaduan p
                      LEFT JOIN staf s ON s.id = p.staf_id WHERE p.id = ?""", (pengaduan_id,))


def by_nomor(db, nomor: str) -> dict | None:
    return row(db, "SELECT * FROM pengaduan WHERE nomor = ?", (nomor,))


def all_for_admin(db) -> list[dict]:
    """Unanswered first (they need someone), then newest first."""
    return rows(db, "SELECT * FROM pengaduan ORDER BY (status = ?) DESC, diajukan_at DESC, "
                    "id DESC", (BARU,))


def count_unanswered(db) -> int:
    return db.execute("SELECT COUNT(*) FROM pengaduan WHERE status = ?", (BARU,)).fetchone()[0]


def respond(db, pengaduan_id: int, *, tindak_lanjut: str, status: str, staf_id: int,
            now: str | None = None) -> None:
    db["pengaduan"].update(pengaduan_id, {
        "tindak_lanjut": tindak_lanjut, "status": status, "staf_id": staf_id,
        "ditanggapi_at": now or utcnow(),
    })
