"""Meragatan tiket: registered by the satpam, called and served at a counter."""
from ..domain.tiket import CALLED, SERVED, WAITING
from .db import row, rows, utcnow

_VIEW_SQL = """
SELECT t.*, l.nama AS layanan_nama, p.nomor AS permohonan_nomor
FROM tiket t
LEFT JOIN layanan l ON l.id = t.layanan_id
LEFT JOIN permohonan p ON p.id = t.permohonan_id
"""


def last_sequence(db, tanggal: str, prefix: str) -> int:
    """The highest ticket sequence of the day for this prefix (0 before the first ticket)."""
    r = db.execute(
        "SELECT MAX(CAST(substr(nomor, length(?) + 2) AS INTEGER)) FROM tiket "
        "WHERE tanggal = ? AND substr(nomor, 1, length(?) + 1) = ? || '-'",
        (prefix, tanggal, prefix, prefix)).fetchone()
    return r[0] or 0


def create(db, *, nomor: str, tanggal: str, nama: str, kebutuhan: str, layanan_id: int | None,
           loket: str, prioritas: bool, permohonan_id: int | None, dibuat_oleh: int | None,
           now: str | None = None) -> int:
    return db["tiket"].insert({
        "nomor": nomor, "tanggal": tanggal, "nama": nama, "kebutuhan": kebutuhan,
        "layanan_id": layanan_id, "loket": loket, "prioritas": int(prioritas),
        "status": WAITING, "permohonan_id": permohonan_id, "dibuat_oleh": dibuat_oleh,
        "dibuat_at": now or utcnow(),
    }).last_pk


def get(db, tiket_id: int) -> dict | None:
    return row(db, _VIEW_SQL + " WHERE t.id = ?", (tiket_id,))


def of_day(db, tanggal: str, statuses=(WAITING, CALLED)) -> list[dict]:
    """The day's tickets in the given states, in arrival order."""
    marks = ",".join("?" * len(statuses))
    return rows(db, _VIEW_SQL + f" WHERE t.tanggal = ? AND t.status IN ({marks}) "
                                "ORDER BY t.dibuat_at, t.id", (tanggal, *statuses))


def call(db, tiket_id: int, staf_id: int, now: str | None = None) -> bool:
    """False when someone else called the ticket first (two counters pressing at once)."""
    cur = db.execute("UPDATE tiket SET status = ?, dipanggil_oleh = ?, dipanggil_at = ? "
                     "WHERE id = ? AND status = ?",
                     (CALLED, staf_id, now or utcnow(), tiket_id, WAITING))
    return cur.rowcount == 1


def finish(db, tiket_id: int, now: str | None = None) -> bool:
    """Mark a called ticket served; False when it was not in the called state any more (two
    clicks at once: one wins)."""
    cur = db.execute("UPDATE tiket SET status = ?, selesai_at = ? WHERE id = ? AND status = ?",
                     (SERVED, now or utcnow(), tiket_id, CALLED))
    return cur.rowcount == 1


def recent_calls(db, tanggal: str, limit: int = 6) -> list[dict]:
    """The day's last called tickets, newest call first (for the public display)."""
    return rows(db, "SELECT id, nomor, loket, prioritas, status, dipanggil_at FROM tiket "
                    "WHERE tanggal = ? AND dipanggil_at IS NOT NULL "
                    "ORDER BY dipanggil_at DESC, id DESC LIMIT ?", (tanggal, limit))


def waiting_counts(db, tanggal: str) -> dict[str, dict]:
    """{loket: {"prioritas": n, "biasa": n}} for tickets still waiting today."""
    out: dict[str, dict] = {}
    for r in rows(db, "SELECT loket, prioritas, COUNT(*) AS n FROM tiket "
                      "WHERE tanggal = ? AND status = ? GROUP BY loket, prioritas",
                  (tanggal, WAITING)):
        counts = out.setdefault(r["loket"], {"prioritas": 0, "biasa": 0})
        counts["prioritas" if r["prioritas"] else "biasa"] = r["n"]
    return out


# --- tickets joined to an online request (issue 17.7) ---------------------------------------

def open_for_request(db, permohonan_id: int, tanggal: str) -> dict | None:
    """Today's ticket of this request that is still waiting or being served, if any."""
    return row(db, _VIEW_SQL + " WHERE t.permohonan_id = ? AND t.tanggal = ? AND t.status IN "
                               "(?, ?) ORDER BY t.id", (permohonan_id, tanggal, WAITING, CALLED))


def for_request(db, permohonan_id: int) -> list[dict]:
    """Every walk-in visit of this request, oldest first, with who called it."""
    return rows(db, """
        SELECT t.id, t.nomor, t.tanggal, t.loket, t.status, t.dibuat_at, t.dipanggil_at,
               t.selesai_at, s.nama AS dipanggil_nama
        FROM tiket t LEFT JOIN staf s ON s.id = t.dipanggil_oleh
        WHERE t.permohonan_id = ? ORDER BY t.dibuat_at, t.id""", (permohonan_id,))
