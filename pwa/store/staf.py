"""Staff accounts, their roles (one person may hold several), their sessions and failed sign-ins.

Passwords are stored only as hashes made by the caller (services/akun.py); session tokens only
as their SHA-256, so a copy of the database opens no session.
"""
import sqlite3

from .db import row, rows

_ACCOUNT = ("SELECT id, username, nama, aktif, harus_ganti_sandi, gagal_masuk, dikunci_sampai, "
            "sandi_diubah_at FROM staf")


def _with_roles(db, account: dict | None) -> dict | None:
    if account is not None:
        account["peran_semua"] = roles_of(db, account["id"])
    return account


class UsernameTaken(Exception):
    """Another account has this username (two admins adding the same person at once)."""


def add_staff(db, *, username, nama, peran, password_hash, harus_ganti_sandi=False,
              now=None) -> int:
    """`peran`: one role or several."""
    try:
        staf_id = db["staf"].insert({
            "username": username, "nama": nama, "password_hash": password_hash,
            "harus_ganti_sandi": int(bool(harus_ganti_sandi)), "sandi_diubah_at": now,
        }).last_pk
    except sqlite3.IntegrityError:
        raise UsernameTaken(username) from None
    set_roles(db, staf_id, [peran] if isinstance(peran, str) else peran)
    return staf_id


def set_roles(db, staf_id: int, roles) -> None:
    db.execute("DELETE FROM staf_peran WHERE staf_id = ?", (staf_id,))
    for peran in dict.fromkeys(str(p) for p in roles):
        db.execute("INSERT INTO staf_peran (staf_id, peran) VALUES (?, ?)", (staf_id, peran))


def roles_of(db, staf_id: int) -> list[str]:
    return [r["peran"] for r in rows(db, "SELECT peran FROM staf_peran WHERE staf_id = ? "
                                         "ORDER BY peran", (staf_id,))]


def by_username(db, username: str) -> dict | None:
    """An active account with its password hash, for signing in."""
    return _with_roles(db, row(db, "SELECT * FROM staf WHERE username = ? AND aktif = 1",
                               (username,)))


def username_taken(db, username: str, except_id: int | None = None) -> bool:
    return row(db, "SELECT id FROM staf WHERE username = ? AND id IS NOT ?",
               (username, except_id)) is not None


def get_staff(db, staf_id: int) -> dict | None:
    """An account (active or not), without its password hash."""
    return _with_roles(db, row(db, _ACCOUNT + " WHERE id = ?", (staf_id,)))


def password_hash(db, staf_id: int) -> str | None:
    found = row(db, "SELECT password_hash FROM staf WHERE id = ?", (staf_id,))
    return found["password_hash"] if found else None


def all_staff(db) -> list[dict]:
    accounts = rows(db, _ACCOUNT + " ORDER BY aktif DESC, nama, id")
    roles: dict[int, list] = {}
    for r in rows(db, "SELECT staf_id, peran FROM staf_peran ORDER BY peran"):
        roles.setdefault(r["staf_id"], []).append(r["peran"])
    for a in accounts:
        a["peran_semua"] = roles.get(a["id"], [])
    return accounts


def by_role(db, peran: str) -> list[dict]:
    return rows(db, "SELECT s.id, s.username, s.nama, p.peran FROM staf s "
                    "JOIN staf_peran p ON p.staf_id = s.id WHERE p.peran = ? AND s.aktif = 1 "
                    "ORDER BY s.nama", (str(peran),))


def count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM staf").fetchone()[0]


def count_active_with_role(db, peran: str) -> int:
    return db.execute("SELECT COUNT(*) FROM staf s JOIN staf_peran p ON p.staf_id = s.id "
                      "WHERE p.peran = ? AND s.aktif = 1", (str(peran),)).fetchone()[0]


def update(db, staf_id: int, **fields) -> None:
    """nama, aktif, password_hash, harus_ganti_sandi, sandi_diubah_at."""
    db["staf"].update(staf_id, fields)


# --- failed sign-ins (shared by every worker process: they all write here) -------------------

def record_failure(db, staf_id: int, *, lock_every: int, locked_until: str) -> dict:
    """Count one more failed sign-in in a row; every `lock_every`-th locks the account until
    `locked_until`. One statement, so two processes failing at once both count."""
    found = db.execute("""
        UPDATE staf SET gagal_masuk = gagal_masuk + 1,
            dikunci_sampai = CASE WHEN (gagal_masuk + 1) % ? = 0 THEN ? ELSE dikunci_sampai END
        WHERE id = ? RETURNING gagal_masuk, dikunci_sampai""",
                       (lock_every, locked_until, staf_id)).fetchall()
    return dict(found[0])


def clear_failures(db, staf_id: int) -> None:
    db.execute("UPDATE staf SET gagal_masuk = 0, dikunci_sampai = NULL WHERE id = ?", (staf_id,))


def locked(db, *, now: str, admin_after: int) -> list[dict]:
    """Accounts locked now: for a while (dikunci_sampai ahead) or until the admin opens them."""
    accounts = rows(db, _ACCOUNT + " WHERE aktif = 1 AND (dikunci_sampai > ? OR gagal_masuk >= ?)"
                                   " ORDER BY nama", (now, admin_after))
    return [_with_roles(db, a) for a in accounts]


# --- sessions -----------------------------------------------------------------------------

def add_session(db, *, token_hash: str, staf_id: int, peran: str, now: str) -> int:
    return db["staf_session"].insert({
        "token_hash": token_hash, "staf_id": staf_id, "peran": str(peran), "dibuat_at": now,
        "terakhir_at": now}).last_pk


def session_by_token(db, token_hash: str) -> dict | None:
    return row(db, "SELECT * FROM staf_session WHERE token_hash = ?", (token_hash,))


def touch_session(db, session_id: int, now: str) -> None:
    db.execute("UPDATE staf_session SET terakhir_at = ? WHERE id = ?", (now, session_id))


def set_session_role(db, session_id: int, peran: str) -> None:
    db.execute("UPDATE staf_session SET peran = ? WHERE id = ?", (str(peran), session_id))


def end_session(db, session_id: int) -> None:
    db.execute("DELETE FROM staf_session WHERE id = ?", (session_id,))


def end_sessions(db, staf_id: int) -> int:
    """Every session of the account, on every device."""
    return db.execute("DELETE FROM staf_session WHERE staf_id = ?", (staf_id,)).rowcount


def end_idle_sessions(db, idle_since: str) -> int:
    return db.execute("DELETE FROM staf_session WHERE terakhir_at < ?", (idle_since,)).rowcount


def session_count(db, staf_id: int) -> int:
    return db.execute("SELECT COUNT(*) FROM staf_session WHERE staf_id = ?",
                      (staf_id,)).fetchone()[0]
