"""Notifications to citizens: the inbox (pesan) and its delivery queue (kiriman), which a worker
drains outside the citizen's and the staff's requests (services/pengiriman.py)."""
from ..domain.pengiriman import ANTRI, GAGAL, TERKIRIM
from .db import rows, transaction, utcnow


def add(db, permohonan_id: int, isi: str, tujuan: str | None, now: str | None = None) -> int:
    now = now or utcnow()
    pid = db["pesan"].insert({"permohonan_id": permohonan_id, "isi": isi, "at": now}).last_pk
    if tujuan:
        db["kiriman"].insert({"pesan_id": pid, "tujuan": tujuan, "status": ANTRI,
                              "dibuat_at": now, "berikutnya_at": now})
    return pid


def inbox(db, permohonan_id: int) -> list[dict]:
    return rows(db, "SELECT * FROM pesan WHERE permohonan_id = ? ORDER BY id DESC",
                (permohonan_id,))


def claim_due(db, now: str, lease_until: str, limit: int = 20) -> list[dict]:
    """Take up to `limit` deliveries whose time has come, for this worker alone until
    `lease_until` (another worker process skips them; a worker that died lets them go)."""
    with transaction(db):
        due = rows(db, """SELECT k.*, p.isi FROM kiriman k JOIN pesan p ON p.id = k.pesan_id
                          WHERE k.status = ? AND COALESCE(k.berikutnya_at, '') <= ?
                          AND COALESCE(k.diklaim_sampai, '') < ?
                          ORDER BY k.berikutnya_at, k.id LIMIT ?""", (ANTRI, now, now, limit))
        for item in due:
            db.execute("UPDATE kiriman SET diklaim_sampai = ? WHERE id = ?",
                       (lease_until, item["id"]))
    return due


def mark_sent(db, kiriman_id: int, now: str | None = None) -> None:
    with transaction(db):
        db.execute("UPDATE kiriman SET status = ?, percobaan = percobaan + 1, terakhir_at = ?, "
                   "galat = '', diklaim_sampai = NULL WHERE id = ?",
                   (TERKIRIM, now or utcnow(), kiriman_id))


def mark_failed(db, kiriman_id: int, error: str, next_at: str | None,
                now: str | None = None) -> None:
    """A failed attempt: tried again at `next_at`, or given up (gagal) when None."""
    with transaction(db):
        db.execute("UPDATE kiriman SET percobaan = percobaan + 1, terakhir_at = ?, galat = ?, "
                   "status = ?, berikutnya_at = ?, diklaim_sampai = NULL WHERE id = ?",
                   (now or utcnow(), error[:200], ANTRI if next_at else GAGAL, next_at,
                    kiriman_id))


def retry(db, kiriman_id: int, now: str | None = None) -> bool:
    """The admin sends a failed one again; False unless it had failed."""
    with transaction(db):
        return db.execute("UPDATE kiriman SET status = ?, berikutnya_at = ?, percobaan = 0 "
                          "WHERE id = ? AND status = ?",
                          (ANTRI, now or utcnow(), kiriman_id, GAGAL)).rowcount == 1


def outbox(db, status: str | None = None, limit: int = 200) -> list[dict]:
    """Deliveries newest first, with the request's number (never its contents' owner)."""
    return rows(db, """SELECT k.id, k.tujuan, k.status, k.percobaan, k.galat, k.dibuat_at,
                              k.terakhir_at, k.berikutnya_at, p.isi, r.nomor
                       FROM kiriman k JOIN pesan p ON p.id = k.pesan_id
                       JOIN permohonan r ON r.id = p.permohonan_id
                       WHERE ? IS NULL OR k.status = ? ORDER BY k.id DESC LIMIT ?""",
                (status, status, limit))


def counts(db) -> dict[str, int]:
    return {r["status"]: r["n"] for r in rows(
        db, "SELECT status, COUNT(*) AS n FROM kiriman GROUP BY status")}
