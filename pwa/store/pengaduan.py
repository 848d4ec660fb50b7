"""Pengaduan: filed by anyone, read and answered by the roles that handle its kind, with a thread
of follow-ups (pengaduan_tindak_lanjut) the complainant reads with the number."""
from ..domain.pengaduan import BARU, LAYANAN, OLEH_PENGADU, SELESAI
from .db import row, rows, utcnow

# The author of the newest entry of each complaint: "the complainant wrote last" puts it back
# on top of the handlers' list.
_LAST_BY = """(SELECT t.oleh FROM pengaduan_tindak_lanjut t WHERE t.pengaduan_id = p.id
               ORDER BY t.id DESC LIMIT 1)"""


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


def _placeholders(values) -> str:
    return ", ".join("?" for _ in values)


def for_handlers(db, kinds: tuple) -> list[dict]:
    """The complaints of these kinds: those needing someone first (nobody answered, or the
    complainant wrote last), then the open ones, then newest first. Each with `terakhir_oleh`."""
    if not kinds:
        return []
    return rows(db, f"""
        SELECT p.id, p.nomor, p.jenis, p.status, p.isi, p.diajukan_at, p.ditanggapi_at,
               {_LAST_BY} AS terakhir_oleh
        FROM pengaduan p WHERE p.jenis IN ({_placeholders(kinds)})
        ORDER BY (p.status = ? OR (p.status <> ? AND terakhir_oleh IS ?)) DESC,
                 (p.status = ?) ASC, p.diajukan_at DESC, p.id DESC""",
                (*kinds, BARU, SELESAI, OLEH_PENGADU, SELESAI))


def count_needing_attention(db, kinds: tuple) -> int:
    if not kinds:
        return 0
    return db.execute(f"""
        SELECT COUNT(*) FROM pengaduan p WHERE p.jenis IN ({_placeholders(kinds)})
        AND (p.status = ? OR (p.status <> ? AND {_LAST_BY} IS ?))""",
                      (*kinds, BARU, SELESAI, OLEH_PENGADU)).fetchone()[0]


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
