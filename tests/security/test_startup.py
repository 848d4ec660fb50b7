"""Several gunicorn workers start at once on a new (or just upgraded) database: each migrates,
and none may fail on a migration another one applied a moment earlier."""
import multiprocessing

from pwa import store
from pwa.store.migrations import MIGRATIONS


def _migrate(path: str, start, results):
    start.wait()
    try:
        db = store.connect(path)
        results.put(store.migrate(db))
        db.conn.close()
    except Exception as exc:  # reported, so the test shows what went wrong
        results.put(repr(exc))


def test_workers_starting_together_migrate_once(tmp_path):
    path = str(tmp_path / "new.db")
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    workers = [ctx.Process(target=_migrate, args=(path, start, results)) for _ in range(4)]
    for w in workers:
        w.start()
    start.set()
    for w in workers:
        w.join(60)
    answers = [results.get(timeout=5) for _ in workers]
    assert answers == [len(MIGRATIONS)] * 4
