"""Connection, transactions and numbered migrations (PRAGMA user_version holds the number)."""
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone

import sqlite_utils

from .migrations import MIGRATIONS


def connect(path: str) -> sqlite_utils.Database:
    conn = sqlite3.connect(path, timeout=10, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    # WAL lets the counter display read while a clerk writes.
    if path != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    return sqlite_utils.Database(conn)


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> int:
    """Apply every migration newer than the database; returns the resulting version.

    Under one write lock (BEGIN IMMEDIATE), the version read inside it: several worker
    processes starting at once on a new or upgraded database must not all apply the same
    migration (the second would fail on "table already exists")."""
    conn = db.conn
    if schema_version(db) >= len(MIGRATIONS):
        return schema_version(db)
    # Foreign keys off while migrating, checked before committing: a migration that rebuilds a
    # table other tables point at (SQLite cannot change a column in place) must drop the old
    # one, which enforced keys would refuse. The pragma is a no-op inside a transaction, so it
    # is set before BEGIN (SQLite's "making other kinds of table schema changes").
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(db)
            for number, script in enumerate(MIGRATIONS, start=1):
                if number <= current:
                    continue
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(
                    f"migration left {len(broken)} rows pointing at nothing "
                    f"(first: {tuple(broken[0])})")
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return schema_version(db)


def _statements(script: str) -> list[str]:
    """The statements of a migration, one by one (executescript would commit, and so give up
    the lock, before running them)."""
    out, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    if pending.strip():
        out.append(pending.strip())
    return out


@contextmanager
def transaction(db: sqlite_utils.Database):
    """Commit everything done inside, or nothing if it raises."""
    conn = db.conn
    if conn.in_transaction:
        # Nested use joins the outer transaction instead of committing half of it.
        yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def rows(db, sql: str, params=()) -> list[dict]:
    return [dict(r) for r in db.execute(sql, params).fetchall()]


def row(db, sql: str, params=()) -> dict | None:
    r = db.execute(sql, params).fetchone()
    return dict(r) if r else None
