"""Konsultasi Online (issue 18): how new messages reach a phone on Slow 3G, the room's own
polling against a server-sent event stream (EventSource), and how each comes back after the
signal drops for 10 s.

    .venv/bin/python bench/konsultasi_aliran.py

One real headless Chromium, the citizen's phone, with the app's service worker installed and
controlling the room page; every byte crosses the project's slow link
(a11y_tests/harness/slow_link.py with bench/slow3g.py's figures: 400 kbit/s, 2000 ms round
trip). The officer's messages are stored on the server side at random moments (1 to 15 s
apart, a conversation with someone typing); each message's delivery delay is from its commit
to the moment the page has it:

(a) polling: the room's own script (static/js/konsultasi.js `tanya()`): a request for what is
    new every 2 s while messages come, backing off by 1.5x to 15 s while nothing does
    (doubling on a failed request); the moment is the message's element added to the list;
(b) EventSource: a stream opened by the bench on the same page, from an endpoint that exists
    only in this benchmark (a blueprint registered on the app instance the bench serves, never
    in the app): it sends each new message as an event (the server looks every 250 ms), a
    comment every 5 s to keep the connection alive, `retry: 3000`, and after a reconnection
    what came since the Last-Event-ID.

Both run at the same time on the same page, so each message is measured by both over the same
link at the same moment (a paired comparison; the polls' few hundred bytes barely load a
400 kbit/s link). Then the signal drops DROPS times for DROP_S seconds: every connection
through the link is cut (as when a phone loses its cell) and new ones are refused; a message
is stored halfway through the drop; recovery is from the signal's return to the page having
that message. Needs Debian's chromium and chromium-driver (`make browser`).
"""
import json
import logging
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MESSAGES = 16
GAP_S = (1.0, 15.0)
DROPS = 3
DROP_S = 10.0
SEED = 18

# Installed on the room page: when each message reached it, by each transport (epoch ms).
WATCH = """
const url = arguments[0];
const daftar = document.querySelector('[data-konsultasi-daftar]');
const now = () => performance.timeOrigin + performance.now();
performance.setResourceTimingBufferSize(100000);
const tiba = window.__tiba = {poll: {}, sse: {}, sseOpen: 0, sseErrors: 0};
new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach((n) => {
  if (n.id && n.id.startsWith('pesan-') && !(n.id.slice(6) in tiba.poll)) tiba.poll[n.id.slice(6)] = now();
}))).observe(daftar, {childList: true});
const es = new EventSource(url + '?since=' + daftar.getAttribute('data-terakhir'));
es.onopen = () => { tiba.sseOpen++; };
es.onerror = () => { tiba.sseErrors++; };
es.onmessage = (e) => { const m = JSON.parse(e.data); if (!(m.id in tiba.sse)) tiba.sse[m.id] = now(); };
"""


def stream_blueprint():
    """The bench-only EventSource endpoint: /konsultasi/<id>/aliran, for whoever may read the
    room (the app's own check)."""
    from flask import Blueprint, Response, request, stream_with_context
    from pwa.konsultasi.akses import room
    from pwa.store import konsultasi as store
    from pwa.web.db import get_db

    bp = Blueprint("bench_aliran", __name__)

    @bp.get("/konsultasi/<int:permohonan_id>/aliran")
    def aliran(permohonan_id: int):
        p, _siapa = room(permohonan_id)
        given = request.headers.get("Last-Event-ID") or request.args.get("since", "0")
        since = int(given) if given.isdigit() else 0

        def events():
            last, beat = since, time.monotonic()
            yield "retry: 3000\n\n"
            while True:
                for m in store.messages(get_db(), p["id"], last):
                    last = m["id"]
                    yield f"id: {m['id']}\ndata: {json.dumps({'id': m['id'], 'isi': m['isi']})}\n\n"
                    beat = time.monotonic()
                if time.monotonic() - beat > 5:
                    yield ": hidup\n\n"
                    beat = time.monotonic()
                time.sleep(0.25)
        return Response(stream_with_context(events()), mimetype="text/event-stream",
                        headers={"Cache-Control": "private, no-store"})
    return bp


def dropping_link(port: int, latency_ms: int, kbit: int):
    """The harness's slow link, able to cut every open connection at once (its `offline`
    alone kills a connection only when bytes next cross it; an idle stream would live on)."""
    from a11y_tests.harness.slow_link import SlowLink

    class DroppingLink(SlowLink):
        def __init__(self, *args, **kwargs):
            self.open = set()
            super().__init__(*args, **kwargs)

        async def _handle(self, reader, writer):
            self.open.add(writer)
            try:
                await super()._handle(reader, writer)
            finally:
                self.open.discard(writer)

        def drop(self, gone: bool) -> None:
            def apply():
                self.offline = gone
                if gone:
                    for w in list(self.open):
                        w.transport.abort()
            self.loop.call_soon_threadsafe(apply)

    return DroppingLink(port, latency_ms=latency_ms, kbit=kbit)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def main() -> None:
    from a11y_tests.harness import scenario
    from a11y_tests.harness.browser import chromium
    from a11y_tests.harness.site import site, start
    from bench.slow3g import KBIT, LATENCY_MS, wait_for_worker
    from pwa.services import konsultasi as service
    from pwa.web.db import get_db

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    s = site()
    app = s.app
    app.register_blueprint(stream_blueprint())
    with app.test_request_context("/"):
        db = get_db()
        pid = scenario.consultation(app, db, timedelta(minutes=5), talk=True)
        db.conn.commit()
    server, _thread = start(app)
    link = dropping_link(server.server_port, LATENCY_MS, KBIT)
    base = f"http://127.0.0.1:{link.port}"
    cookie = app.session_interface.get_signing_serializer(app).dumps({"milik": [pid]})

    def say(text: str) -> float:
        """The officer writes: stored now; returns when (epoch ms) it was committed."""
        with app.test_request_context("/"):
            mid = service.send(get_db(), pid, "petugas", text)
        sent[mid] = time.time() * 1000
        return mid

    sent: dict[int, float] = {}
    print(f"Slow link: {KBIT} kbit/s shared, {LATENCY_MS} ms round trip; headless Chromium "
          f"412x915, the app's service worker installed")
    with chromium("--window-size=412,915", prefix="mentari-bench-aliran-",
                  page_load_timeout=180, script_timeout=180, command_timeout=None) as driver:
        link.latency_ms = 0
        driver.get(base + "/healthz")
        driver.add_cookie({"name": app.config["SESSION_COOKIE_NAME"], "value": cookie,
                           "path": "/", "httpOnly": True, "sameSite": "Lax"})
        driver.get(base + "/healthz")
        link.latency_ms = LATENCY_MS
        room = f"{base}/konsultasi/{pid}"
        driver.get(room)
        wait_for_worker(driver)                 # installed over the same slow link
        driver.get(room)                        # now a page the worker controls
        controlled = driver.execute_script("return !!navigator.serviceWorker.controller")
        print(f"room page controlled by the service worker: {controlled}")
        driver.execute_script(WATCH, f"/konsultasi/{pid}/aliran")
        t0 = time.time()
        while not driver.execute_script("return window.__tiba.sseOpen") and time.time() - t0 < 60:
            time.sleep(0.2)
        time.sleep(20)                          # the page's polling settles into its pace

        def arrived(mid: int, timeout: float = 120) -> dict:
            deadline = time.time() + timeout
            while time.time() < deadline:
                tiba = driver.execute_script("return window.__tiba")
                if str(mid) in tiba["poll"] and str(mid) in tiba["sse"]:
                    return tiba
                time.sleep(0.2)
            return driver.execute_script("return window.__tiba")

        rng = random.Random(SEED)
        steady = []
        for n in range(MESSAGES):
            time.sleep(rng.uniform(*GAP_S))
            steady.append(say(f"Pesan petugas nomor {n + 1}."))
        tiba = arrived(steady[-1])

        def delays(ids, transport, since=None):
            got = tiba[transport]
            return [(got[str(m)] - (since[m] if since else sent[m])) / 1000
                    for m in ids if str(m) in got]

        polls = driver.execute_script(
            "return performance.getEntriesByType('resource')"
            ".filter(e => e.name.includes('/pesan?')).length")
        print(f"\n{MESSAGES} messages, {GAP_S[0]:.0f} to {GAP_S[1]:.0f} s apart "
              f"(seed {SEED}), delivery delay from the server's commit to the page:")
        print(f"{'transport':28} {'p50':>6} {'p95':>6} {'max':>6} {'lost':>5}")
        steady_figures = {}
        for name, key in (("(a) polling (konsultasi.js)", "poll"),
                          ("(b) EventSource stream", "sse")):
            d = delays(steady, key)
            steady_figures[key] = d
            print(f"{name:28} {statistics.median(d):5.1f}s {percentile(d, 95):5.1f}s "
                  f"{max(d):5.1f}s {MESSAGES - len(d):5d}")
        print(f"(polling asked {polls} times in all so far)")

        restored: dict[int, float] = {}
        dropped = []
        for n in range(DROPS):
            time.sleep(rng.uniform(5, 12))
            link.drop(True)
            time.sleep(DROP_S / 2)
            mid = say(f"Pesan saat sinyal hilang nomor {n + 1}.")
            time.sleep(DROP_S / 2)
            link.drop(False)
            restored[mid] = time.time() * 1000
            dropped.append(mid)
            tiba = arrived(mid)
        print(f"\nafter a {DROP_S:.0f}-s drop (every connection cut, new ones refused), a message "
              f"stored during it; from the signal's return to the page having it, {DROPS} drops:")
        for name, key in (("(a) polling (konsultasi.js)", "poll"),
                          ("(b) EventSource stream", "sse")):
            d = delays(dropped, key, restored)
            shown = ", ".join(f"{x:.1f}s" for x in d)
            print(f"{name:28} {shown}  (median {statistics.median(d):.1f} s, "
                  f"lost {DROPS - len(d)})")
        print(f"EventSource: opened {tiba['sseOpen']} times, {tiba['sseErrors']} errors")
    server.shutdown()
    from a11y_tests.harness.site import remove_site
    remove_site()


if __name__ == "__main__":
    main()
