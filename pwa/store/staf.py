"""Staff accounts. Passwords are stored only as hashes made by the caller."""
from .db import row, rows


def add_staff(db, *, username, nama, peran, password_hash) -> int:
    return db["staf"].insert({
        "username": username, "nama": nama, "peran": str(peran), "password_hash": password_hash,
    }).last_pk


def by_username(db, username: str) -> dict | None:
    return row(db, "SELECT * FROM staf WHERE username = ? AND aktif = 1", (username,))


def get_staff(db, staf_id: int) -> dict | None:
    return row(db, "SELECT id, username, nama, peran, aktif FROM staf WHERE id = ?", (staf_id,))


def by_role(db, peran: str) -> list[dict]:
    return rows(db, "SELECT id, username, nama, peran FROM staf WHERE peran = ? AND aktif = 1 "
                    "ORDER BY nama", (str(peran),))


def count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM staf").fetchone()[0]
