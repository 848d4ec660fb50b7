"""Closure days the office's admin adds (hari_tutup): a day the office is shut beyond the
national holidays, cuti bersama and Bali's holy days, which come from services/kalender.py."""
import sqlite3

from .db import rows, utcnow


class SudahAda(Exception):
    """That day is already a closure day."""


def all_days(db) -> list[dict]:
    return rows(db, "SELECT tanggal, alasan FROM hari_tutup ORDER BY tanggal")


def between(db, start: str, end: str) -> list[dict]:
    return rows(db, "SELECT tanggal, alasan FROM hari_tutup WHERE tanggal BETWEEN ? AND ? "
                    "ORDER BY tanggal", (start, end))


def add(db, tanggal: str, alasan: str, staf_id: int | None, now: str | None = None) -> None:
    try:
        db["hari_tutup"].insert({"tanggal": tanggal, "alasan": alasan, "dibuat_oleh": staf_id,
                                 "dibuat_at": now or utcnow()})
    except sqlite3.IntegrityError:
        raise SudahAda(tanggal) from None


def remove(db, tanggal: str) -> bool:
    return db.execute("DELETE FROM hari_tutup WHERE tanggal = ?", (tanggal,)).rowcount == 1
