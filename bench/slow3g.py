"""How long citizen pages take on Slow 3G (400 kbit/s each way, 2000 ms latency), in headless
Chromium: the first visit (empty cache, no service worker) and a repeat visit (the service
worker installed, the cache warm).

    .venv/bin/python bench/slow3g.py [path ...]

The network is slowed on every DevTools target, the page and the service worker (pages of a
repeat visit come through the worker, whose own fetches page-level emulation would not slow).
Times are from the start of navigation to the load event (the page shown and usable) and to
DOMContentLoaded; KB and requests are what the page's Resource Timing reports as transferred.
On a repeat visit the page comes through the service worker, and Chromium then reports the
size of the body the worker handed over, even when the worker got it as a 304 of a few hundred
bytes: read that column as an upper bound. Needs Debian's chromium and chromium-driver
(`make browser`).
"""
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ("/", "/layanan", "/ajukan", "/ajukan/satu-halaman", "/status", "/skm/isi", "/skm",
         "/pengaduan", "/luring")
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 400_000 // 8,
           "uploadThroughput": 400_000 // 8}

TIMING = """
const nav = performance.getEntriesByType('navigation')[0];
const all = [nav].concat(performance.getEntriesByType('resource'));
return {load: nav.loadEventEnd, dom: nav.domContentLoadedEventEnd,
        bytes: all.reduce((n, e) => n + (e.transferSize || 0), 0),
        requests: all.filter(e => e.transferSize > 0).length};
"""


def serve():
    from werkzeug.serving import make_server

    from a11y_tests.conftest import site
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, site().app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def browser(home: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from a11y_tests.conftest import CHROMEDRIVER, CHROMIUM, CHROMIUM_ARGS
    options = webdriver.ChromeOptions()
    for arg in CHROMIUM_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={os.path.join(home, 'profile')}")
    options.add_argument("--window-size=412,915")
    options.binary_location = CHROMIUM
    os.environ.update(HOME=home, TMPDIR=home)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(120)
    driver.set_script_timeout(120)
    return driver


def visit(driver, url: str) -> dict:
    driver.get(url)
    return driver.execute_script(TIMING)


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


def main() -> None:
    from a11y_tests.test_offline import ONLINE, Browser
    paths = sys.argv[1:] or PAGES
    server, base = serve()
    print(f"Slow 3G: {SLOW_3G['downloadThroughput'] * 8 // 1000} kbit/s down and up, "
          f"{SLOW_3G['latency']} ms latency; headless Chromium, 412x915 (a phone)")
    print(f"{'page':24} {'first: load':>12} {'dom':>7} {'KB':>6} {'req':>4}   "
          f"{'repeat: load':>12} {'dom':>7} {'KB':>6} {'req':>4}")
    for path in paths:
        home = tempfile.mkdtemp(prefix="mentari-slow3g-")
        saved = {k: os.environ.get(k) for k in ("HOME", "TMPDIR")}
        driver = browser(home)
        try:
            cdp = Browser(driver.capabilities["goog:chromeOptions"]["debuggerAddress"])
            driver.get(base + "/healthz")     # an origin to work in, before slowing down
            cdp.network(SLOW_3G)
            driver.execute_cdp_cmd("Network.emulateNetworkConditions", SLOW_3G)
            first = visit(driver, base + path)
            wait_for_worker(driver)           # the worker installs over the same slow link
            time.sleep(1)
            cdp.network(SLOW_3G)              # the worker is a new target: slow it too
            repeat = visit(driver, base + path)
            cdp.network(ONLINE)
            cdp.close()
        finally:
            driver.quit()
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            shutil.rmtree(home, ignore_errors=True)
        print(f"{path:24} {first['load'] / 1000:11.1f}s {first['dom'] / 1000:6.1f}s "
              f"{first['bytes'] / 1024:6.1f} {first['requests']:4d}   "
              f"{repeat['load'] / 1000:11.1f}s {repeat['dom'] / 1000:6.1f}s "
              f"{repeat['bytes'] / 1024:6.1f} {repeat['requests']:4d}")
    server.shutdown()


if __name__ == "__main__":
    main()
