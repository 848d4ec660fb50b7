"""The office's service charter (maklumat pelayanan): every version the admin saved is kept, the
newest is the one in force and shown with every service's standard."""
from .db import row, utcnow


def current(db) -> dict | None:
    """The charter in force, with the name of who set it; None before the admin sets one."""
    return row(db, """SELECT m.*, s.nama AS staf_nama FROM maklumat m
                      LEFT JOIN staf s ON s.id = m.staf_id ORDER BY m.id DESC LIMIT 1""")


def save(db, teks: str, teks_ban: str = "", staf_id: int | None = None,
         now: str | None = None) -> int:
    return db["maklumat"].insert({"teks": teks, "teks_ban": teks_ban, "staf_id": staf_id,
                                  "at": now or utcnow()}).last_pk
