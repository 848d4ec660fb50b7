"""Konsultasi Online (issue 18): what a consultation room costs and how fast its messages go.

    .venv/bin/python bench/konsultasi.py            (everything)
    .venv/bin/python bench/konsultasi.py telepon    (the live call alone)

Prints:
- message delivery (from the citizen's send to the officer's page having it), p50 and p95,
  with the page's own polling (every 2 s while a conversation goes on), on loopback and over
  the project's slow link (a11y_tests/harness/slow_link.py, the figures of bench/slow3g.py: 400 kbit/s,
  2000 ms round trip);
- the room's first visit as a phone downloads it, compressed (bench/page_weight.py's count;
  budget 50 KB);
- voice-note transcription time per second of audio (the app's Whisper, espeak-ng speech);
- the live call between two headless Chromiums with fake camera and microphone, on loopback
  and on a link "too slow for video" (the office's threshold set above what loopback
  estimates): time to ring, from pick-up to connected, whether video came on, the link's
  estimate and the audio and video bitrates each side sends;
- the default server (`make run`: gunicorn, pwa/gunicorn_conf.py) with more and more open rooms,
  each with both pages polling: delivery p95, poll answer p95, server memory and threads, and
  how many rooms it holds before delivery p95 passes 2 s more than the polling interval.

A room is not a connection the server keeps: both pages ask for what is new, so a room costs
the server requests, not memory. Polling against a server-sent event stream, on Slow 3G with
the service worker and through 10-s drops: bench/konsultasi_aliran.py (docs/konsultasi.md).
"""
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

POLL_S = 2.0            # the page's interval while messages come (static/js/konsultasi.js)
MESSAGES = 20
LEVELS = (1, 25, 50, 100, 200)
SECRET = "bench-konsultasi-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(folder: str, rooms: int) -> tuple[dict, list[tuple[int, str, str]]]:
    """A database with the demo office and `rooms` open consultations; returns the settings
    and (room id, citizen cookie, officer cookie) per room."""
    from pwa import create_app, demo, store
    from pwa.services import akun
    from a11y_tests.harness.scenario import consultation
    from pwa.web.db import get_db
    env = {
        "MENTARI_DATABASE": os.path.join(folder, "mentari.db"),
        "MENTARI_UPLOAD_FOLDER": os.path.join(folder, "uploads"),
        "MENTARI_NOTIFY_OUTBOX_FILE": os.path.join(folder, "outbox.log"),
        "MENTARI_SECRET_KEY": SECRET,
        "MENTARI_KONSULTASI_RATE_LIMIT": "100000 per minute",
    }
    app = create_app({"DATABASE": env["MENTARI_DATABASE"],
                      "UPLOAD_FOLDER": env["MENTARI_UPLOAD_FOLDER"],
                      "NOTIFY_OUTBOX_FILE": env["MENTARI_NOTIFY_OUTBOX_FILE"],
                      "SECRET_KEY": SECRET, "TESTING": True})
    with app.app_context():
        db = store.connect(env["MENTARI_DATABASE"])
        demo.load(db, app.config)
        db.conn.close()
    out = []
    with app.test_request_context("/"):
        db = get_db()
        petugas = db.execute("SELECT id FROM staf WHERE username = 'petugas'").fetchone()[0]
        serializer = app.session_interface.get_signing_serializer(app)
        for _ in range(rooms):
            pid = consultation(app, db, timedelta(minutes=5))
            token = akun.start_session(db, petugas, "petugas")
            out.append((pid, serializer.dumps({"milik": [pid]}),
                        serializer.dumps({"staf_session": token})))
        db.conn.commit()
    return env, out


def start_server(env: dict, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "--config", "python:pwa.gunicorn_conf",
         "--bind", f"127.0.0.1:{port}", "pwa:create_app()"],
        cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def server_figures(proc: subprocess.Popen) -> tuple[float, int]:
    """Resident memory (MB) and threads of gunicorn's master and workers."""
    pids = [proc.pid] + [int(p) for p in subprocess.run(
        ["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()]
    rss = threads = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss += int(line.split()[1])
            elif line.startswith("Threads:"):
                threads += int(line.split()[1])
    return rss / 1024, threads


class Page:
    """One open room page: asks for new messages every POLL_S over a kept connection."""

    def __init__(self, port: int, pid: int, cookie: str, seen: dict | None, answers: list):
        self.port, self.pid, self.cookie = port, pid, cookie
        self.seen, self.answers = seen, answers
        self.last = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def request(self, conn, method, path, body=None, headers=None):
        headers = {"Cookie": f"session={self.cookie}", **(headers or {})}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        time.sleep(random.random() * POLL_S)   # pages opened at different moments
        while not self.stop.is_set():
            started = time.perf_counter()
            try:
                status, body = self.request(conn, "GET",
                                            f"/konsultasi/{self.pid}/pesan?since={self.last}")
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                continue
            now = time.perf_counter()
            self.answers.append(now - started)
            if status == 200:
                for m in json.loads(body)["pesan"]:
                    self.last = max(self.last, m["id"])
                    if self.seen is not None:
                        self.seen.setdefault(m["id"], now)
            self.stop.wait(POLL_S)
        conn.close()


def send(port: int, pid: int, cookie: str, text: str) -> tuple[int, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    body = f"teks={text.replace(' ', '+')}&kunci={os.urandom(12).hex()}"
    sent = time.perf_counter()
    conn.request("POST", f"/konsultasi/{pid}/kirim", body=body, headers={
        "Cookie": f"session={cookie}", "X-Mentari-Luring": "1", "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded"})
    response = conn.getresponse()
    data = json.loads(response.read())
    conn.close()
    return data["id"], sent


def delivery(port: int, rooms: list, messages: int = MESSAGES) -> dict:
    """Open every room on both sides; the first room's citizen sends `messages`."""
    seen, answers, pages = {}, [], []
    for i, (pid, citizen, officer) in enumerate(rooms):
        pages.append(Page(port, pid, officer, seen if i == 0 else None, answers))
        pages.append(Page(port, pid, citizen, None, answers))
    for p in pages:
        p.thread.start()
    time.sleep(POLL_S + 1)
    pid, citizen, _officer = rooms[0]
    sent = {}
    for n in range(messages):
        mid, at = send(port, pid, citizen, f"Pesan nomor {n}")
        sent[mid] = at
        time.sleep(0.5 + random.random())
    deadline = time.perf_counter() + 30
    while len([m for m in sent if m in seen]) < len(sent) and time.perf_counter() < deadline:
        time.sleep(0.2)
    for p in pages:
        p.stop.set()
    for p in pages:
        p.thread.join(70)
    times = sorted(seen[m] - sent[m] for m in sent if m in seen)
    return {"p50": statistics.median(times), "p95": percentile(times, 95),
            "lost": len(sent) - len(times), "poll_p95": percentile(sorted(answers), 95),
            "polls": len(answers)}


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def room_weight() -> dict:
    from bench.page_weight import measure, session_cookie
    from pwa import create_app, demo, store
    from a11y_tests.harness.scenario import consultation
    from pwa.web.db import get_db
    folder = tempfile.mkdtemp(prefix="mentari-bench-gewicht-")
    try:
        app = create_app({"DATABASE": os.path.join(folder, "m.db"), "TESTING": True,
                          "UPLOAD_FOLDER": os.path.join(folder, "u"), "SECRET_KEY": SECRET,
                          "NOTIFY_OUTBOX_FILE": os.path.join(folder, "o.log")})
        with app.app_context():
            db = store.connect(app.config["DATABASE"])
            demo.load(db, app.config)
            db.conn.close()
        with app.test_request_context("/"):
            db = get_db()
            pid = consultation(app, db, timedelta(minutes=5), talk=True)
            db.conn.commit()
        client = app.test_client()
        client.set_cookie(app.config["SESSION_COOKIE_NAME"], session_cookie(app, {"milik": [pid]}))
        return measure(client, f"/konsultasi/{pid}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def transcription() -> tuple[float, float, str]:
    import numpy as np
    from speech import audio, stt, tts
    folder = tempfile.mkdtemp(prefix="mentari-bench-stt-")
    try:
        stt.configure(ROOT / "instance" / "suara" / "whisper-base")
        tts.configure(Path(folder) / "tts")
        samples, rate = tts.synthesise(
            "Selamat pagi Bu. Saya ingin bertanya tentang syarat menikah di KUA. Apakah saya "
            "perlu membawa akta kelahiran dan kartu keluarga, atau cukup kartu tanda penduduk "
            "saja? Terima kasih.", "id")
        data = audio.wav_bytes(samples, rate)
        pcm = audio.decode(data, audio.WHISPER_RATE, max_seconds=125)
        stt.dictate(pcm[: audio.WHISPER_RATE])          # load the model first
        started = time.perf_counter()
        text = stt.dictate(pcm).text
        took = time.perf_counter() - started
        return len(pcm) / audio.WHISPER_RATE, took, text
    finally:
        shutil.rmtree(folder, ignore_errors=True)


CALL_FIGURES = """
const pc = window.__mentariPanggilan;
if (!pc) return null;
const stats = await pc.getStats();
const out = {audio: 0, video: 0, frames: 0};
stats.forEach(s => {
  if (s.type === 'outbound-rtp') out[s.kind] += s.bytesSent || 0;
  if (s.type === 'inbound-rtp' && s.kind === 'video') out.frames += s.framesDecoded || 0;
});
const box = document.querySelector('[data-konsultasi-telepon]');
out.video_on = box.getAttribute('data-video') === 'nyala';
out.kbps = box.getAttribute('data-kbps');
out.status = box.querySelector('[data-telepon-status]').textContent;
return out;"""


def live_call(min_kbps: int | None, interpreter: bool) -> dict:
    """One call in a room of the harness's site; `min_kbps` replaces the office's threshold."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from a11y_tests.harness.browser import chromium
    from a11y_tests.harness.routes import citizen_session
    from a11y_tests.harness.scenario import consultation
    from a11y_tests.harness.site import login_as, serve, site
    from pwa.web.db import get_db

    media = ("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")
    app = site().app
    with app.test_request_context("/"):
        db = get_db()
        pid = consultation(app, db, timedelta(minutes=5), interpreter=interpreter)
        db.conn.commit()
    saved = app.config["KONSULTASI_VIDEO_MIN_KBPS"]
    if min_kbps is not None:
        app.config["KONSULTASI_VIDEO_MIN_KBPS"] = min_kbps
    try:
        with serve() as url, chromium(*media, base_url=url, prefix="mentari-bench-warga-") as c, \
                chromium(*media, base_url=url, prefix="mentari-bench-petugas-") as o:
            citizen_session(c, {"milik": [pid]})
            c.get(url + "/healthz")
            c.get(f"{url}/konsultasi/{pid}")
            login_as(o, "petugas")
            o.get(f"{url}/konsultasi/{pid}")

            def state(b):
                return b.find_element(By.CSS_SELECTOR, "[data-konsultasi-telepon]").get_attribute(
                    "data-keadaan")
            started = time.perf_counter()
            c.find_element(By.CSS_SELECTOR, "[data-telepon-mulai]").click()
            pick_up = o.find_element(By.CSS_SELECTOR, "[data-telepon-angkat]")
            WebDriverWait(o, 60, poll_frequency=0.05).until(lambda b: pick_up.is_displayed())
            rang = time.perf_counter()
            pick_up.click()
            WebDriverWait(c, 60, poll_frequency=0.05).until(
                lambda b: state(b) == "tersambung" and state(o) == "tersambung")
            connected = time.perf_counter()
            c.execute_script("return new Promise(r => setTimeout(r, 8000))")   # settle
            first = {"c": c.execute_script(CALL_FIGURES), "o": o.execute_script(CALL_FIGURES)}
            c.execute_script("return new Promise(r => setTimeout(r, 5000))")
            then = {"c": c.execute_script(CALL_FIGURES), "o": o.execute_script(CALL_FIGURES)}
            rate = {side: {kind: (then[side][kind] - first[side][kind]) * 8 / 5 / 1000
                           for kind in ("audio", "video")} for side in first}
            return {"ring": rang - started, "connect": connected - rang,
                    "video_on": {side: then[side]["video_on"] for side in then},
                    "kbps_estimate": {side: then[side]["kbps"] for side in then},
                    "rate": rate, "status": then["c"]["status"],
                    "frames": {side: then[side]["frames"] - first[side]["frames"]
                               for side in then}}
    finally:
        app.config["KONSULTASI_VIDEO_MIN_KBPS"] = saved


def print_live_calls() -> None:
    from a11y_tests.harness.browser import browser_missing
    if browser_missing():
        print(f"live call: not measured ({browser_missing()} missing)")
        return
    cases = (("loopback, no interpreter asked (video when measured)", None, False),
             ("loopback, interpreter asked (video at once)", None, True),
             ("too slow for video (threshold 10 Gbit/s), interpreter asked", 10_000_000, True))
    print("\nlive call (two headless Chromiums, fake camera and microphone; media straight "
          "over loopback UDP)")
    for name, min_kbps, interpreter in cases:
        f = live_call(min_kbps, interpreter)
        r = f["rate"]
        print(f"  {name}:\n"
              f"    ring {f['ring']:.1f} s (the officer's poll), pick-up to connected "
              f"{f['connect']:.1f} s; video on: citizen {f['video_on']['c']}, officer "
              f"{f['video_on']['o']}; link estimate {f['kbps_estimate']['c']} / "
              f"{f['kbps_estimate']['o']} kbit/s\n"
              f"    sent kbit/s: citizen audio {r['c']['audio']:.0f}, video {r['c']['video']:.0f}; "
              f"officer audio {r['o']['audio']:.0f}, video {r['o']['video']:.0f}; frames "
              f"decoded in 5 s {f['frames']['c']} / {f['frames']['o']}; status "
              f"{f['status']!r}")


def main() -> None:
    from a11y_tests.harness.slow_link import SlowLink
    from bench.slow3g import KBIT, LATENCY_MS

    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    w = room_weight()
    print(f"room first visit, compressed: {kb(w['total'])} (html {kb(w['html'])}, "
          f"js {kb(w['js'])}, css {kb(w['css'])}, other {kb(w['img'] + w['other'])}); "
          f"budget 50 KB")

    seconds, took, text = transcription()
    print(f"voice note transcription: {took:.1f} s for {seconds:.1f} s of audio = "
          f"{took / seconds:.2f} s per audio second ({text[:60]!r}…)")

    print_live_calls()

    folder = tempfile.mkdtemp(prefix="mentari-bench-konsultasi-")
    proc = None
    try:
        env, rooms = prepare(folder, max(LEVELS))
        port = free_port()
        proc = start_server(env, port)
        time.sleep(1)
        idle_rss, idle_threads = server_figures(proc)
        d = delivery(port, rooms[:1])
        print(f"delivery on loopback, 1 room: p50 {d['p50']:.2f} s, p95 {d['p95']:.2f} s "
              f"(polling every {POLL_S:.0f} s; poll answer p95 {d['poll_p95'] * 1000:.0f} ms)")

        link = SlowLink(port, latency_ms=LATENCY_MS, kbit=KBIT)
        d = delivery(link.port, rooms[:1], messages=10)
        print(f"delivery over the slow link ({KBIT} kbit/s, {LATENCY_MS} ms round trip), 1 room: "
              f"p50 {d['p50']:.2f} s, p95 {d['p95']:.2f} s, lost {d['lost']}")

        print(f"\n{'open rooms':>10} {'delivery p50':>13} {'p95':>7} {'poll p95':>9} "
              f"{'polls/s':>8} {'server MB':>10} {'threads':>8}")
        print(f"{0:10d} {'':>13} {'':>7} {'':>9} {'':>8} {idle_rss:10.0f} {idle_threads:8d}")
        holds, figures = None, {}
        for level in LEVELS:
            started = time.perf_counter()
            d = delivery(port, rooms[:level], messages=10)
            rss, threads = server_figures(proc)
            figures[level] = rss
            rate = d["polls"] / (time.perf_counter() - started)
            print(f"{level:10d} {d['p50']:12.2f}s {d['p95']:6.2f}s {d['poll_p95'] * 1000:7.0f}ms "
                  f"{rate:8.1f} {rss:10.0f} {threads:8d}")
            if d["p95"] <= 2.0:
                holds = level
        # gunicorn recycles a worker after max_requests (pwa/gunicorn_conf.py), which drops its
        # memory: the growth is read between the first and the 100-room level.
        grown = (figures[100] - figures[1]) / 99 * 1024
        print(f"\nthe default server (gunicorn, 2 workers x 4 threads) keeps delivery p95 within "
              f"2 s up to {holds} open rooms measured (the 2 s polling interval is most of it); "
              f"memory per open room about {grown:.0f} KB; threads do not grow: rooms are "
              f"requests, not connections")
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["telepon"]:   # the live call alone
        print_live_calls()
    else:
        main()
