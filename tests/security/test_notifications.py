"""Issue 16 point 3: a slow or broken SMS gateway never holds a citizen's or a staff member's
request; messages wait in a queue that a worker sends, retries with backoff, and shows to the
admin as waiting, sent or failed."""
import json
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pwa.domain import pengiriman as rules
from pwa.gateway import senders
from pwa.services import pengiriman
from pwa.store import notifikasi

from tests.pages import text_of
from tests.flows import submit_request


class Gateway:
    """An SMS gateway on 127.0.0.1 that answers only when told to (or fails, when told to)."""

    def __init__(self):
        self.release, self.received, self.fail = threading.Event(), [], False
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                gateway.received.append(json.loads(body))
                gateway.release.wait(30)
                self.send_response(500 if gateway.fail else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/sms"

    def close(self):
        self.release.set()
        self.server.shutdown()


@pytest.fixture
def gateway(app):
    g = Gateway()
    app.config.update(NOTIFY_SENDER="http", GATEWAY_URL=g.url)
    yield g
    g.close()


def test_a_hanging_gateway_does_not_hold_the_submission(app, client, db, gateway):
    done = {}

    def submit():
        done["result"] = submit_request(client, db, "konsultasi", "konsultasi")

    worker = threading.Thread(target=submit)
    worker.start()
    worker.join(60)  # the gateway never answers meanwhile: a request that waited on it hangs
    assert not worker.is_alive() and done["result"]
    assert gateway.received == []  # nothing was sent inside the request
    queued = notifikasi.outbox(db)
    assert queued and {k["status"] for k in queued} == {rules.ANTRI}


def test_the_worker_sends_and_retries_with_backoff_then_gives_up(app, client, db, gateway):
    submit_request(client, db, "konsultasi", "konsultasi")
    gateway.release.set()
    gateway.fail = True
    sender = senders.from_config(app.config)
    now = datetime.now(timezone.utc)
    sent, failed = pengiriman.deliver_due(db, sender, now)
    assert (sent, failed) == (0, 1)
    item = notifikasi.outbox(db)[0]
    assert item["status"] == rules.ANTRI and item["percobaan"] == 1
    # Not again before its time has come…
    assert pengiriman.deliver_due(db, sender, now + timedelta(seconds=30)) == (0, 0)
    # …then each later failure waits longer, until the last one gives up.
    moment = now
    for wait in rules.BACKOFF:
        moment += wait
        assert pengiriman.deliver_due(db, sender, moment) == (0, 1)
    assert notifikasi.outbox(db)[0]["status"] == rules.GAGAL
    assert len(gateway.received) == rules.ATTEMPTS


def test_two_workers_never_send_one_message_twice(app, client, db, gateway):
    submit_request(client, db, "konsultasi", "konsultasi")
    gateway.release.set()
    sender = senders.from_config(app.config)
    results = []
    workers = [threading.Thread(target=lambda: results.append(
        pengiriman.deliver_due(__import__("pwa").store.connect(app.config["DATABASE"]), sender)))
        for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(30)
    assert sum(r[0] for r in results) == 1 and len(gateway.received) == 1


def test_the_running_worker_sends_a_queued_message_at_once(app, client, db, tmp_path):
    app.config.update(NOTIFY_SENDER="file", NOTIFY_INTERVAL=3600)
    worker = pengiriman.Worker(app, interval=3600)
    worker.start()
    pengiriman._worker, saved = worker, pengiriman._worker
    try:
        submit_request(client, db, "konsultasi", "konsultasi")  # wakes the worker
        for _ in range(100):
            if notifikasi.counts(db).get(rules.TERKIRIM):
                break
            threading.Event().wait(0.1)
        assert notifikasi.counts(db).get(rules.TERKIRIM) == 1
    finally:
        pengiriman._worker = saved


def test_the_admin_sees_each_message_state_and_resends_a_failed_one(app, client, db, login,
                                                                   gateway):
    submit_request(client, db, "konsultasi", "konsultasi")
    kid = notifikasi.outbox(db)[0]["id"]
    with db.conn:
        db.execute("UPDATE kiriman SET status = 'gagal', percobaan = 6, galat = 'URLError'")
    login("admin")
    page = text_of(client.get("/staf/admin/notifikasi?status=gagal"))
    assert "Gagal" in page and "URLError" in page and "••••••••7890" in page
    assert "081234567890" not in page
    r = client.post(f"/staf/admin/notifikasi/{kid}/ulang", follow_redirects=True)
    assert "Pesan dikirim ulang." in text_of(r)
    assert notifikasi.outbox(db)[0]["status"] == rules.ANTRI
    login("verifikator")
    assert client.get("/staf/admin/notifikasi").status_code == 403
