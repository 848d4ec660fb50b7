"""How long citizen pages take on a slow link (400 kbit/s each way, 2000 ms round trip), in
headless Chromium at 412x915 (a phone):

- first visit: empty cache, no service worker; the floor is two round trips (the page, then
  its files in parallel) plus the transfer of every byte at the link's speed;
- repeat visit: the service worker installed, the page seen once;
- hanging link: the same repeat visit while the link is connected but barely answering
  (30 s round trip): how long until the saved copy is on screen.

    .venv/bin/python bench/slow3g.py [path ...]

The link is a throttling proxy between the browser and the server: every byte of every
request (the main document, the service worker's own fetches, the worker script) crosses it,
delayed by half the round trip each way and paced at the link's speed, shared by all
connections. DevTools' page-target throttling is not used: in Chromium 156 it no longer slows
the main document, so first visits read about one round trip low.

Times are from the start of navigation to the load event (the page shown and usable), to
DOMContentLoaded, and to the largest contentful paint, whose element is named (it should be
the page's heading). KB and requests are what the page's Resource Timing reports. On a repeat
visit the page comes through the service worker, and Chromium then reports the size of the
body the worker handed over: read that column as an upper bound. Needs Debian's chromium and
chromium-driver (`make browser`).
"""
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ("/", "/layanan", "/ajukan", "/ajukan/satu-halaman", "/status", "/skm/isi", "/skm",
         "/pengaduan", "/luring")
LATENCY_MS = 2000
HANGING_MS = 30000
KBIT = 400

TIMING = """
const done = arguments[arguments.length - 1];
const nav = performance.getEntriesByType('navigation')[0];
const all = [nav].concat(performance.getEntriesByType('resource'));
const result = {load: nav.loadEventEnd, dom: nav.domContentLoadedEventEnd,
                bytes: all.reduce((n, e) => n + (e.transferSize || 0), 0),
                requests: all.filter(e => e.transferSize > 0).length, lcp: null, lcpWhat: ''};
const paint = performance.getEntriesByName('first-contentful-paint')[0];
result.fcp = paint ? paint.startTime : null;
new PerformanceObserver((list) => {
  const last = list.getEntries().pop();
  if (last) {
    result.lcp = last.startTime;
    const el = last.element;
    result.lcpWhat = el ? el.tagName.toLowerCase() + (el.className ? '.' + String(el.className)
      .split(' ')[0] : '') : '?';
  }
}).observe({type: 'largest-contentful-paint', buffered: true});
setTimeout(() => done(result), 100);
"""


def serve():
    """The audited app (a11y_tests/harness/site.py) on a free port; returns the server."""
    from a11y_tests.harness.site import start
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server, _thread = start()
    return server


def visit(driver, url: str) -> dict:
    driver.get(url)
    return driver.execute_async_script(TIMING)


def wait_for_worker(driver) -> None:
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1], t0 = Date.now();
        navigator.serviceWorker.ready.then(function wait() {
          caches.keys().then(names => {
            if (navigator.serviceWorker.controller
                && names.some(n => n.startsWith('mentari-shell-'))) done(true);
            else if (Date.now() - t0 > 110000) done(false);
            else setTimeout(wait, 200);
          });
        });""")


def seconds(ms) -> str:
    return f"{ms / 1000:5.2f}s" if ms is not None else "    ?"


def main() -> None:
    from a11y_tests.harness.browser import chromium
    from a11y_tests.harness.slow_link import SlowLink
    paths = sys.argv[1:] or PAGES
    server = serve()
    link = SlowLink(server.server_port, LATENCY_MS, KBIT)
    base = f"http://127.0.0.1:{link.port}"
    print(f"Slow link: {KBIT} kbit/s shared down and up, {LATENCY_MS} ms round trip (a proxy "
          f"in front of the server); headless Chromium, 412x915 (a phone)")
    print(f"{'page':22} {'first: load':>11} {'lcp':>6} {'lcp el.':>9} {'KB':>5} {'req':>3} "
          f"{'floor':>6} {'x':>5}   {'repeat: load':>12} {'lcp':>6}   {'hanging link':>12}")
    for path in paths:
        with chromium("--window-size=412,915", prefix="mentari-slow3g-", page_load_timeout=120,
                      script_timeout=120, command_timeout=None) as driver:
            link.latency_ms = 0
            driver.get(base + "/healthz")     # an origin to work in
            link.latency_ms = LATENCY_MS
            first = visit(driver, base + path)
            wait_for_worker(driver)           # the worker installs over the same slow link
            time.sleep(2)
            repeat = visit(driver, base + path)
            time.sleep(2)                     # the worker's refresh in the background
            link.latency_ms = HANGING_MS
            hanging = visit(driver, base + path)
            link.latency_ms = LATENCY_MS
        floor = 2 * LATENCY_MS + first["bytes"] / (KBIT * 1000 / 8) * 1000
        print(f"{path:22} {seconds(first['load']):>11} {seconds(first['lcp'])} "
              f"{first['lcpWhat'][:9]:>9} {first['bytes'] / 1024:5.1f} {first['requests']:3d} "
              f"{seconds(floor)} {first['load'] / floor:5.2f}   {seconds(repeat['load']):>12} "
              f"{seconds(repeat['lcp'])}   {seconds(hanging['load']):>12}")
    server.shutdown()


if __name__ == "__main__":
    main()
