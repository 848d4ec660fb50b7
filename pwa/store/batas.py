"""Rate-limit counters (batas), in the database so every worker process of the app counts the
same attempts: fixed windows, one row per key and window."""
from .db import transaction


def hit(db, kunci: str, window: int, now: float) -> int:
    """Count one attempt for `kunci` in the window containing `now`; returns the window's count."""
    jendela = int(now // window)
    with transaction(db):
        db.execute("INSERT INTO batas (kunci, jendela, jumlah) VALUES (?, ?, 1) "
                   "ON CONFLICT (kunci, jendela) DO UPDATE SET jumlah = jumlah + 1",
                   (kunci, jendela))
        return db.execute("SELECT jumlah FROM batas WHERE kunci = ? AND jendela = ?",
                          (kunci, jendela)).fetchone()[0]


def count(db, kunci: str, window: int, now: float) -> int:
    row = db.execute("SELECT jumlah FROM batas WHERE kunci = ? AND jendela = ?",
                     (kunci, int(now // window))).fetchone()
    return row[0] if row else 0


def sweep(db, before: float, longest_window: int = 86400) -> int:
    """Forget windows that ended long ago; returns how many rows went."""
    with transaction(db):
        return db.execute("DELETE FROM batas WHERE (jendela + 1) * ? < ?",
                          (longest_window, before - longest_window)).rowcount
