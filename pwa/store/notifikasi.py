"""Notifications to citizens: the inbox (pesan, each about a request or a complaint) and its
delivery queue (kiriman), which a worker drains outside the citizen's and the staff's requests
(services/pengiriman.py)."""
import json

from ..domain.pengaduan import LAYANAN
from ..domain.pengiriman import ANTRI, GAGAL, TERKIRIM
from .db import rows, transaction, utcnow


def add(db, permohonan_id: int, isi: str, tujuan: str | None, now: str | None = None) -> int:
    """A message about a request (its inbox), sent to `tujuan` when there is a phone. `now`
    (UTC, ISO) may lie ahead: the message is dated and sent then (a reminder)."""
    return _add(db, {"permohonan_id": permohonan_id}, isi, tujuan, now)


def add_for_pengaduan(db, pengaduan_id: int, isi: str, tujuan: str | None,
                      now: str | None = None) -> int:
    """A message about a complaint, sent to the phone its complainant left (if any)."""
    return _add(db, {"pengaduan_id": pengaduan_id}, isi, tujuan, now)


def _add(db, about: dict, isi: str, tujuan: str | None, now: str | None) -> int:
    now = now or utcnow()
    pid = db["pesan"].insert({**about, "isi": isi, "at": now}).last_pk
    if tujuan:
        db["kiriman"].insert({"pesan_id": pid, "tujuan": tujuan, "status": ANTRI,
                              "dibuat_at": now, "berikutnya_at": now})
    return pid


def withdraw_ahead(db, permohonan_id: int, now: str) -> int:
    """Take back a request's messages dated after `now` (a reminder whose time has not come):
    neither shown nor sent, so they go without a trace. Returns how many."""
    db.execute("""DELETE FROM kiriman WHERE status = ? AND pesan_id IN
                  (SELECT id FROM pesan WHERE permohonan_id = ? AND at > ?)""",
               (ANTRI, permohonan_id, now))
    return db.execute("""DELETE FROM pesan WHERE permohonan_id = ? AND at > ?
                         AND id NOT IN (SELECT pesan_id FROM kiriman)""",
                      (permohonan_id, now)).rowcount


def for_pengaduan(db, pengaduan_id: int) -> list[dict]:
    """A complaint's messages, oldest first, each with its delivery state (None: no phone)."""
    return rows(db, """SELECT p.id, p.isi, p.at, k.status, k.percobaan, k.terakhir_at
                       FROM pesan p LEFT JOIN kiriman k ON k.pesan_id = p.id
                       WHERE p.pengaduan_id = ? ORDER BY p.id""", (pengaduan_id,))


def inbox(db, permohonan_id: int, now: str | None = None) -> list[dict]:
    """A request's messages whose time has come (a reminder waits for its own), newest
    first."""
    return rows(db, "SELECT * FROM pesan WHERE permohonan_id = ? AND at <= ? "
                    "ORDER BY at DESC, id DESC", (permohonan_id, now or utcnow()))


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


# The admin's outbox: deliveries about a request, or about a complaint of the kinds the admin
# handles (service complaints, unless other kinds are asked for). Messages about an integrity
# complaint stay out of it: their text carries the complaint's number, with which anyone can
# read the report, and the report may be about the admin (issue 17.9). Their handlers see each
# one's delivery on the complaint's own page. The kinds travel as one JSON parameter read by
# json_each, so each query below is written out whole, never spliced together.
ADMIN_KINDS = (LAYANAN,)


def _kinds(kinds: tuple) -> str:
    return json.dumps([str(k) for k in kinds])


def retry(db, kiriman_id: int, now: str | None = None, kinds: tuple = ADMIN_KINDS) -> bool:
    """The admin sends a failed one again; False unless it had failed (and is theirs to see)."""
    with transaction(db):
        return db.execute("""
            UPDATE kiriman SET status = ?, berikutnya_at = ?, percobaan = 0
            WHERE id = ? AND status = ? AND EXISTS (
                SELECT 1 FROM pesan p WHERE p.id = kiriman.pesan_id
                AND (p.permohonan_id IS NOT NULL OR EXISTS (
                    SELECT 1 FROM pengaduan a WHERE a.id = p.pengaduan_id
                    AND a.jenis IN (SELECT value FROM json_each(?)))))""",
                          (ANTRI, now or utcnow(), kiriman_id, GAGAL, _kinds(kinds))
                          ).rowcount == 1


def outbox(db, status: str | None = None, limit: int = 200,
           kinds: tuple = ADMIN_KINDS) -> list[dict]:
    """Deliveries newest first, with the request's or complaint's number (`pengaduan` tells
    which), never its owner."""
    return rows(db, """
        SELECT k.id, k.tujuan, k.status, k.percobaan, k.galat, k.dibuat_at, k.terakhir_at,
               k.berikutnya_at, p.isi, COALESCE(r.nomor, a.nomor) AS nomor,
               p.pengaduan_id IS NOT NULL AS pengaduan
        FROM kiriman k JOIN pesan p ON p.id = k.pesan_id
        LEFT JOIN permohonan r ON r.id = p.permohonan_id
        LEFT JOIN pengaduan a ON a.id = p.pengaduan_id
        WHERE (? IS NULL OR k.status = ?)
        AND (p.permohonan_id IS NOT NULL OR a.jenis IN (SELECT value FROM json_each(?)))
        ORDER BY k.id DESC LIMIT ?""", (status, status, _kinds(kinds), limit))


def counts(db, kinds: tuple = ADMIN_KINDS) -> dict[str, int]:
    return {r["status"]: r["n"] for r in rows(db, """
        SELECT k.status, COUNT(*) AS n FROM kiriman k JOIN pesan p ON p.id = k.pesan_id
        LEFT JOIN pengaduan a ON a.id = p.pengaduan_id
        WHERE p.permohonan_id IS NOT NULL OR a.jenis IN (SELECT value FROM json_each(?))
        GROUP BY k.status""", (_kinds(kinds),))}
