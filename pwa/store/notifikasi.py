"""Notifications to citizens: the inbox (pesan) and the outbox (kiriman) sent by a sender."""
from .db import rows, utcnow


def add(db, permohonan_id: int, isi: str, tujuan: str | None, now: str | None = None) -> int:
    now = now or utcnow()
    pid = db["pesan"].insert({"permohonan_id": permohonan_id, "isi": isi, "at": now}).last_pk
    if tujuan:
        db["kiriman"].insert({"pesan_id": pid, "tujuan": tujuan, "status": "antri"})
    return pid


def inbox(db, permohonan_id: int) -> list[dict]:
    return rows(db, "SELECT * FROM pesan WHERE permohonan_id = ? ORDER BY id DESC",
                (permohonan_id,))


def pending(db, limit: int = 50, max_attempts: int = 5) -> list[dict]:
    return rows(db, """SELECT k.*, p.isi FROM kiriman k JOIN pesan p ON p.id = k.pesan_id
                       WHERE k.status = 'antri' AND k.percobaan < ? ORDER BY k.id LIMIT ?""",
                (max_attempts, limit))


def mark_sent(db, kiriman_id: int) -> None:
    db.execute("UPDATE kiriman SET status = 'terkirim', percobaan = percobaan + 1, "
               "terakhir_at = ?, galat = '' WHERE id = ?", (utcnow(), kiriman_id))


def mark_failed(db, kiriman_id: int, error: str, max_attempts: int = 5) -> None:
    db.execute("""UPDATE kiriman SET percobaan = percobaan + 1, terakhir_at = ?, galat = ?,
                  status = CASE WHEN percobaan + 1 >= ? THEN 'gagal' ELSE 'antri' END
                  WHERE id = ?""", (utcnow(), error[:500], max_attempts, kiriman_id))


def outbox(db) -> list[dict]:
    return rows(db, "SELECT k.*, p.isi FROM kiriman k JOIN pesan p ON p.id = k.pesan_id "
                    "ORDER BY k.id")
