"""Pengaduan: filed by anyone, read and answered by the roles that handle its kind, with a thread
of follow-ups (pengaduan_tindak_lanjut) the complainant reads with the number."""
import json

from ..domain.pengaduan import BARU, LAYANAN, OLEH_PENGADU, SELESAI
from .db import row, rows, utcnow


def add(db, *, nomor: str, isi: str, jenis: str, nama: str = "", kontak: str = "",
        bahasa: str = "id", now: str | None = None) -> int:
    return db["pengaduan"].insert({
        "nomor": nomor, "nama": nama, "kontak": kontak, "isi": isi, "jenis": jenis,
        "bahasa": bahasa, "status": BARU, "diajukan_at": now or utcnow(),
    }).last_pk


def get(db, pengaduan_id: int) -> dict | None:
    return row(db, "SELECT * FROM pengaduan WHERE id = ?", (pengaduan_id,))


def by_nomor(db, nomor: str) -> dict | None:
    return row(db, "SELECT * FROM pengaduan WHERE nomor = ?", (nomor,))


def _kinds(kinds: tuple) -> str:
    """The kinds as one JSON parameter, read by SQLite's json_each: a list of any length
    without building SQL from strings."""
    return json.dumps([str(k) for k in kinds])


# Both queries below take the complaints of the given kinds (one JSON parameter read by
# json_each, never spliced SQL) with the author of each one's newest entry: "the complainant
# wrote last" puts it back on top of the handlers' list.

def for_handlers(db, kinds: tuple) -> list[dict]:
    """The complaints of these kinds: those needing someone first (nobody answered, or the
    complainant wrote last), then the open ones, then newest first. Each with `terakhir_oleh`."""
    return rows(db, """
        WITH p AS (
            SELECT p.*, (SELECT t.oleh FROM pengaduan_tindak_lanjut t
                         WHERE t.pengaduan_id = p.id ORDER BY t.id DESC LIMIT 1) AS terakhir_oleh
            FROM pengaduan p WHERE p.jenis IN (SELECT value FROM json_each(?)))
        SELECT id, nomor, jenis, status, isi, diajukan_at, ditanggapi_at, terakhir_oleh FROM p
        ORDER BY (status = ? OR (status <> ? AND terakhir_oleh IS ?)) DESC,
                 (status = ?) ASC, diajukan_at DESC, id DESC""",
                (_kinds(kinds), BARU, SELESAI, OLEH_PENGADU, SELESAI))


def count_needing_attention(db, kinds: tuple) -> int:
    return db.execute("""
        WITH p AS (
            SELECT p.status, (SELECT t.oleh FROM pengaduan_tindak_lanjut t
                              WHERE t.pengaduan_id = p.id ORDER BY t.id DESC LIMIT 1) AS last_by
            FROM pengaduan p WHERE p.jenis IN (SELECT value FROM json_each(?)))
        SELECT COUNT(*) FROM p WHERE status = ? OR (status <> ? AND last_by IS ?)""",
                      (_kinds(kinds), BARU, SELESAI, OLEH_PENGADU)).fetchone()[0]


def thread(db, pengaduan_id: int) -> list[dict]:
    """The follow-ups, oldest first, with the name of the staff member who wrote each."""
    return rows(db, """SELECT t.*, s.nama AS staf_nama FROM pengaduan_tindak_lanjut t
                       LEFT JOIN staf s ON s.id = t.staf_id
                       WHERE t.pengaduan_id = ? ORDER BY t.id""", (pengaduan_id,))


def add_entry(db, pengaduan_id: int, *, oleh: str, aksi: str, isi: str = "",
              status: str | None = None, staf_id: int | None = None, peran: str | None = None,
              now: str | None = None) -> int:
    return db["pengaduan_tindak_lanjut"].insert({
        "pengaduan_id": pengaduan_id, "oleh": oleh, "aksi": aksi, "isi": isi, "status": status,
        "staf_id": staf_id, "peran": peran, "at": now or utcnow(),
    }).last_pk


def set_answered(db, pengaduan_id: int, *, status: str, staf_id: int | None,
                 now: str | None = None) -> None:
    """The state an answer leaves it in, and who answered last and when."""
    db["pengaduan"].update(pengaduan_id, {"status": status, "staf_id": staf_id,
                                          "ditanggapi_at": now or utcnow()})


def set_jenis(db, pengaduan_id: int, jenis: str) -> None:
    db["pengaduan"].update(pengaduan_id, {"jenis": jenis})


def count_unanswered(db, kinds: tuple = (LAYANAN,)) -> int:
    """What waits on the admin's desk (service complaints) unless other kinds are asked for."""
    return count_needing_attention(db, kinds)
