"""Read-only figures for the office's reports, and the SKM follow-up notes.

Queries here select counts, request numbers and service names only: reports are printed,
exported and passed around, so they never carry a citizen's name, NIK, phone or address.
"""
from ..domain.keberatan import DIANTAR, DITERIMA
from .db import rows, utcnow

def counts_by_service(db) -> list[dict]:
    """Every service, also those with no request yet (a zero is a finding too)."""
    return rows(db, """
        SELECT l.id, l.nama, l.sop_hari, COUNT(p.id) AS jumlah,
               COALESCE(SUM(p.status = 'selesai'), 0) AS selesai,
               COALESCE(SUM(p.status = 'ditolak'), 0) AS ditolak
        FROM layanan l LEFT JOIN permohonan p ON p.layanan_id = l.id
        GROUP BY l.id ORDER BY l.urutan, l.nama""")


def counts_by_mode(db) -> dict[str, int]:
    return {r["mode"]: r["jumlah"] for r in rows(
        db, "SELECT mode, COUNT(*) AS jumlah FROM permohonan GROUP BY mode")}


def counts_by_state(db) -> dict[str, int]:
    return {r["status"]: r["jumlah"] for r in rows(
        db, "SELECT status, COUNT(*) AS jumlah FROM permohonan GROUP BY status")}


def counts_by_month(db, utc_offset_minutes: int = 0) -> list[dict]:
    """Requests per calendar month of first filing, newest month first.

    Times are stored in UTC; the offset puts a request filed just after midnight in Bali on
    the first of the month into that month, not the previous one."""
    return rows(db, """
        SELECT strftime('%Y-%m', dibuat_at, ?) AS bulan, COUNT(*) AS jumlah
        FROM permohonan GROUP BY bulan ORDER BY bulan DESC""",
                (f"{int(utc_offset_minutes):+d} minutes",))


def finished(db) -> list[dict]:
    """Finished requests with the times needed to compare them with their SOP."""
    return rows(db, """
        SELECT p.layanan_id, p.dibuat_at, p.diajukan_at, p.selesai_at, p.batas_sop
        FROM permohonan p WHERE p.status = 'selesai' AND p.selesai_at IS NOT NULL""")


def open_requests(db) -> list[dict]:
    """Requests not yet finished, earliest deadline first (to find the overdue ones)."""
    return rows(db, """
        SELECT p.id, p.nomor, p.mode, p.status, p.diajukan_at, p.batas_sop,
               l.nama AS layanan_nama
        FROM permohonan p JOIN layanan l ON l.id = p.layanan_id
        WHERE p.status NOT IN ('selesai', 'ditolak') ORDER BY p.batas_sop, p.id""")


def upheld_keberatan(db) -> list[dict]:
    """Keberatan that were upheld: the office missed its SOP and delivers."""
    return rows(db, """
        SELECT k.id, k.status, k.diajukan_at, k.diputus_at, k.diantar_at,
               p.nomor, l.nama AS layanan_nama
        FROM keberatan k JOIN permohonan p ON p.id = k.permohonan_id
        JOIN layanan l ON l.id = p.layanan_id
        WHERE k.status IN (?, ?)
        ORDER BY COALESCE(k.diputus_at, k.diajukan_at) DESC, k.id DESC""", (DITERIMA, DIANTAR))


def add_skm_followup(db, periode: str, catatan: str, staf_id: int | None,
                     now: str | None = None) -> int:
    """Record what the office did about an SKM period ("2026-11", "2026-Q4" or "2026")."""
    return db["skm_tindak_lanjut"].insert({
        "periode": periode, "catatan": catatan, "staf_id": staf_id, "at": now or utcnow(),
    }).last_pk


def skm_followups(db, periode: str) -> list[dict]:
    """Follow-up notes written for exactly this period, oldest first."""
    return rows(db, "SELECT id, periode, catatan, at FROM skm_tindak_lanjut WHERE periode = ? "
                    "ORDER BY at, id", (periode,))


def recent_skm_followups(db, limit: int = 50) -> list[dict]:
    return rows(db, "SELECT id, periode, catatan, at FROM skm_tindak_lanjut "
                    "ORDER BY at DESC, id DESC LIMIT ?", (limit,))
