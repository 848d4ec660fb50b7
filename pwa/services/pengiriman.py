"""Sending the queued notifications through the gateway, outside any person's request.

A slow or broken SMS gateway used to hold every submission and workflow step for its timeout
(four submissions took 5, 10, 15 and 20 s). Now a request only queues its message (in its own
transaction) and wakes the worker: a thread in each app process that claims due deliveries
(a lease in the database, so two processes never send one message twice), sends them, and
retries failures with backoff (domain/pengiriman.py). The same thread runs the periodic
clean-ups (`PERIODIC`). `mentari notifikasi kirim` sends what is due from the command line.
"""
import logging
import threading
import time
from datetime import datetime, timedelta, timezone

from ..domain import pengiriman as rules
from ..gateway import senders
from ..store import connect, notifikasi

log = logging.getLogger("mentari.notify")
LEASE = timedelta(minutes=2)
# Jobs the worker runs now and then: (name, every, function(app, db)). Other services add
# theirs (the draft and upload sweep, the rate-limit counters) at import.
PERIODIC: list[tuple[str, timedelta, object]] = []


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def deliver_due(db, sender, now: datetime | None = None, limit: int = 20) -> tuple[int, int]:
    """Send what is due; returns (sent, failed). Failures are tried again later."""
    now = now or datetime.now(timezone.utc)
    sent = failed = 0
    for item in notifikasi.claim_due(db, _iso(now), _iso(now + LEASE), limit):
        try:
            sender.send(item["tujuan"], item["isi"])
        except Exception as exc:  # the gateway's fault is recorded, never raised
            retry_at = rules.next_attempt(item["percobaan"] + 1, now)
            notifikasi.mark_failed(db, item["id"], type(exc).__name__,
                                   _iso(retry_at) if retry_at else None, _iso(now))
            log.warning("notification %s not sent (%s), attempt %s", item["id"],
                        type(exc).__name__, item["percobaan"] + 1)
            failed += 1
        else:
            notifikasi.mark_sent(db, item["id"], _iso(now))
            sent += 1
    return sent, failed


class Worker(threading.Thread):
    """One per app process: sends what is due whenever woken, and at least every `interval`."""

    def __init__(self, app, interval: float = 15.0):
        super().__init__(name="mentari-pengiriman", daemon=True)
        self.app, self.interval = app, interval
        self.woken = threading.Event()
        self.last_run: dict[str, float] = {}

    def run(self):
        while True:
            self.woken.wait(self.interval)
            self.woken.clear()
            try:
                self.once()
            except Exception:  # a bad pass must not end the thread: log and go on
                log.exception("notification worker pass failed")

    def once(self):
        db = connect(self.app.config["DATABASE"])
        try:
            with self.app.app_context():
                while True:
                    sent, failed = deliver_due(db, senders.from_config(self.app.config))
                    if sent + failed == 0:
                        break
                for name, every, job in PERIODIC:
                    if time.monotonic() - self.last_run.get(name, -1e9) >= every.total_seconds():
                        self.last_run[name] = time.monotonic()
                        job(self.app, db)
        finally:
            db.conn.close()


_worker: Worker | None = None
_lock = threading.Lock()


def wake() -> None:
    """A message was queued: send it now rather than at the next interval."""
    if _worker is not None:
        _worker.woken.set()


def start(app) -> Worker | None:
    """Start this process's worker once (on the first request, so commands such as
    `mentari init-db` never send anything, and after gunicorn forked the process)."""
    global _worker
    with _lock:
        if _worker is None or not _worker.is_alive():
            _worker = Worker(app, app.config.get("NOTIFY_INTERVAL", 15.0))
            _worker.start()
    return _worker


def init_app(app):
    from . import draf  # noqa: F401  (its sweep joins PERIODIC)
    if not app.config.get("NOTIFY_WORKER", not app.testing):
        return

    @app.before_request
    def _start_worker():
        start(app)
