"""Load on the app as `make run` serves it: 50 simulated phones on 127.0.0.1, with the SMS
gateway slow (issue 16). Prints requests per second and p50/p95 latency per kind of request.

    .venv/bin/python bench/load.py [--users 50] [--seconds 60] [--gateway-delay 5]

Starts its own instance (a temporary folder with the demo office), gunicorn with the project's
settings (pwa/gunicorn_conf.py) and a gateway that takes `--gateway-delay` seconds per message,
all on 127.0.0.1, and stops them afterwards. Rate limits are raised so the phones are not
refused: this measures throughput, not the limits. The mix: citizens reading public pages
(home, services, status, SKM, the offline form) and submitting the one-page form from the
phone's outbox (each submission queues an SMS for the slow gateway).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import gevent  # noqa: F401  (locust's event loop; imported before locust patches)
from locust import HttpUser, between, task
from locust.env import Environment

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PORT = 8791
DELIVERED = []


class SlowGateway(BaseHTTPRequestHandler):
    delay = 5.0

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(self.delay)
        DELIVERED.append(time.time())
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


class Phone(HttpUser):
    wait_time = between(1, 3)
    layanan = None

    def on_start(self):
        self.phone = "08" + str(uuid.uuid4().int)[:10]

    @task(6)
    def public_pages(self):
        for path in ("/", "/layanan", "/status", "/skm"):
            self.client.get(path, name=f"GET {path}")

    @task(2)
    def offline_form(self):
        self.client.get("/ajukan/satu-halaman", name="GET /ajukan/satu-halaman")

    @task(1)
    def submit(self):
        day = time.strftime("%Y-%m-%d", time.localtime(time.time() + 86400 * 3))
        data = {"layanan": Phone.layanan, "mode": "langsung", "persetujuan": "y",
                "kunci": uuid.uuid4().hex, "nama": "Ni Wayan Uji", "telepon": self.phone,
                "alamat": "Banjar Kaler 5", "desa": "Subagan", "kecamatan": "Karangasem",
                "kategori": "lansia", "tanggal": day, "jam": "09:00"}
        self.client.post("/ajukan/satu-halaman", data=data, name="POST submission",
                         headers={"X-Mentari-Luring": "1", "Accept": "application/json"})


def _service_id(db_path: str) -> str:
    import sqlite3
    with sqlite3.connect(db_path) as c:
        return str(c.execute("SELECT id FROM layanan WHERE slug = 'konsultasi'").fetchone()[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--gateway-delay", type=float, default=5.0)
    args = ap.parse_args()

    folder = tempfile.mkdtemp(prefix="mentari-load-")
    SlowGateway.delay = args.gateway_delay
    gateway = ThreadingHTTPServer(("127.0.0.1", 0), SlowGateway)
    threading.Thread(target=gateway.serve_forever, daemon=True).start()
    env = dict(os.environ, MENTARI_DATABASE=f"{folder}/m.db",
               MENTARI_UPLOAD_FOLDER=f"{folder}/up", MENTARI_NOTIFY_SENDER="http",
               MENTARI_GATEWAY_URL=f"http://127.0.0.1:{gateway.server_port}/sms",
               MENTARI_NOTIFY_OUTBOX_FILE=f"{folder}/o.log",
               MENTARI_PUBLIC_URL=f"http://127.0.0.1:{PORT}",
               MENTARI_STATUS_RATE_LIMIT="100000 per minute",
               MENTARI_SUBMIT_RATE_LIMIT="100000 per hour",
               MENTARI_SUBMIT_PHONE_LIMIT="100000 per day",
               MENTARI_DRAF_RATE_LIMIT="100000 per hour")
    subprocess.run([str(BIN / "mentari"), "init-db", "--demo"], env=env, cwd=ROOT, check=True,
                   capture_output=True)
    Phone.layanan = _service_id(f"{folder}/m.db")
    server = subprocess.Popen([str(BIN / "gunicorn"), "--config", "python:pwa.gunicorn_conf",
                               "--bind", f"127.0.0.1:{PORT}", "pwa:create_app()"],
                              env=env, cwd=ROOT)
    try:
        for _ in range(100):
            try:
                import urllib.request
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        runner_env = Environment(user_classes=[Phone], host=f"http://127.0.0.1:{PORT}")
        runner = runner_env.create_local_runner()
        runner.start(args.users, spawn_rate=10)
        started = time.time()
        gevent.sleep(args.seconds)
        runner.quit()
        elapsed = time.time() - started
        stats = runner_env.stats
        print(f"{args.users} phones for {args.seconds} s on 127.0.0.1, gunicorn "
              f"(pwa/gunicorn_conf.py), gateway {args.gateway_delay:g} s per message")
        print(f"{'request':32} {'count':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'fail':>5}")
        for name, entry in sorted(stats.entries.items()):
            print(f"{name[0]:32} "
                  f"{entry.num_requests:6d} {entry.num_requests / elapsed:7.1f} "
                  f"{entry.get_response_time_percentile(0.5):7.0f} "
                  f"{entry.get_response_time_percentile(0.95):7.0f} {entry.num_failures:5d}")
        total = stats.total
        print(f"{'all':32} {total.num_requests:6d} {total.num_requests / elapsed:7.1f} "
              f"{total.get_response_time_percentile(0.5):7.0f} "
              f"{total.get_response_time_percentile(0.95):7.0f} {total.num_failures:5d}")
        print(f"SMS delivered by the slow gateway meanwhile: {len(DELIVERED)}")
    finally:
        server.terminate()
        server.wait(10)
        gateway.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
