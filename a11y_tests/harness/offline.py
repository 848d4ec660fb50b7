"""No signal, or a slow one, on every DevTools target of a browser: the page and the service
worker alike. Emulating it on the page alone would leave the service worker online, and its
fetches (which serve every page once it is installed) would still reach the server. New targets
(a service worker that the browser restarts) are caught by auto-attach and taken offline before
they run. bench/slow3g.py throttles the link itself instead (slow_link.py).

`phone` is a module-scoped fixture: a test module that imports it gets a browser of its own.
"""
import itertools
import json
import shutil
import threading
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pwa import store
from pwa.domain.jadwal import upcoming_working_days
from pwa.services import kalender

from .browser import launch, require_browser
from .site import site

OFFLINE = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
ONLINE = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}


class Browser:
    """A second DevTools connection, to the whole browser: sees every target, not only the
    page chromedriver drives."""

    def __init__(self, address: str):
        import websocket
        with urllib.request.urlopen(f"http://{address}/json/version", timeout=10) as r:
            url = json.load(r)["webSocketDebuggerUrl"]
        self.ws = websocket.create_connection(url, timeout=30, suppress_origin=True)
        # The 30 s bound is for connecting only: a reader whose recv timed out in a quiet spell
        # (an axe audit under a full run's load) stopped for good, and every later change of
        # signal silently reached no target (CI, stop 25: the worker stayed offline).
        self.ws.settimeout(None)
        self.ids = itertools.count(1)
        self.lock = threading.Lock()
        self.waiting: dict[int, tuple[threading.Event, list]] = {}
        self.sessions: dict[str, str] = {}   # sessionId → target type
        self.conditions = ONLINE
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.call("Target.setDiscoverTargets", discover=True)
        # Attach to every page and worker there is and will be; new ones wait for us.
        self.call("Target.setAutoAttach", autoAttach=True, waitForDebuggerOnStart=True,
                  flatten=True)

    def _send(self, method, session=None, **params) -> int:
        message_id = next(self.ids)
        message = {"id": message_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        with self.lock:
            self.ws.send(json.dumps(message))
        return message_id

    def call(self, method, session=None, **params):
        if not self.reader.is_alive():
            raise ConnectionError("the DevTools connection to the browser has closed")
        done, box = threading.Event(), []
        message_id = next(self.ids)
        self.waiting[message_id] = (done, box)
        message = {"id": message_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        with self.lock:
            self.ws.send(json.dumps(message))
        if not done.wait(30):
            raise TimeoutError(method)
        reply = box[0]
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def _read(self):
        import websocket
        while True:
            try:
                message = json.loads(self.ws.recv())
            except (websocket.WebSocketException, OSError, ValueError):
                return
            if "id" in message and message["id"] in self.waiting:
                done, box = self.waiting.pop(message["id"])
                box.append(message)
                done.set()
            elif message.get("method") == "Target.attachedToTarget":
                threading.Thread(target=self._attached, args=(message["params"],),
                                 daemon=True).start()
            elif message.get("method") == "Target.detachedFromTarget":
                self.sessions.pop(message["params"]["sessionId"], None)

    def _attached(self, params):
        session, kind = params["sessionId"], params["targetInfo"]["type"]
        self.sessions[session] = kind
        try:
            if kind in ("page", "service_worker", "worker", "shared_worker"):
                self._emulate(session)
        finally:
            if params.get("waitingForDebugger"):
                self._send("Runtime.runIfWaitingForDebugger", session)

    def _emulate(self, session):
        self.call("Network.enable", session)
        self.call("Network.emulateNetworkConditions", session, **self.conditions)

    def network(self, conditions: dict) -> list[str]:
        """Apply to every attached target; returns their types (to prove the worker is one)."""
        self.conditions = conditions
        kinds = []
        for session, kind in list(self.sessions.items()):
            if kind in ("page", "service_worker", "worker", "shared_worker"):
                try:
                    self._emulate(session)
                    kinds.append(kind)
                except RuntimeError:
                    pass  # the target went away meanwhile (DevTools answers: no such session)
        return kinds

    def close(self):
        self.ws.close()


@pytest.fixture(scope="module")
def phone(live_server):
    """A browser of its own: this test takes it offline and fills its caches, which must not
    touch the shared audit browser."""
    require_browser()
    driver, home = launch("--window-size=412,915", prefix="mentari-offline-",
                          script_timeout=30, command_timeout=None)
    driver.base_url = live_server
    browser = Browser(driver.capabilities["goog:chromeOptions"]["debuggerAddress"])
    try:
        yield driver, browser
    finally:
        browser.close()
        driver.quit()
        shutil.rmtree(home, ignore_errors=True)


def installed(driver) -> None:
    """Wait until the service worker is active, controls the page and has the shell cached."""
    ok = driver.execute_async_script("""
        var done = arguments[arguments.length - 1], t0 = Date.now();
        navigator.serviceWorker.ready.then(function () {
          (function wait() {
            caches.keys().then(function (names) {
              var shell = names.some(function (n) { return n.indexOf("mentari-shell-") === 0; });
              if (navigator.serviceWorker.controller && shell) done(true);
              else if (Date.now() - t0 > 20000) done(false);
              else setTimeout(wait, 100);
            });
          })();
        });""")
    assert ok, "the service worker did not install and take control within 20 s"


# The one-page form and the requests a key made: what the offline tests fill in and look for.
def requests_with_key(key: str) -> list[dict]:
    db = store.connect(site().app.config["DATABASE"])
    try:
        return [dict(r) for r in db.execute(
            "SELECT id, nomor, nama, mode FROM permohonan WHERE idempotency_key = ?", (key,))]
    finally:
        db.conn.close()


def fill_one_page_form(driver) -> None:
    app = site().app
    with app.app_context():
        db = store.connect(app.config["DATABASE"])
        layanan = db.execute("SELECT id FROM layanan WHERE slug = 'konsultasi'").fetchone()[0]
        db.conn.close()
        from pwa.services.clock import office_today
        day = upcoming_working_days(office_today(), 1, kalender.national())[0]
    find = driver.find_element
    find(By.CSS_SELECTOR, f"input[name=layanan][value='{layanan}']").click()
    find(By.CSS_SELECTOR, "input[name=mode][value=langsung]").click()
    find(By.ID, "nama").send_keys("Ni Luh Tanpa Sinyal")
    find(By.ID, "telepon").send_keys("0813 3700 1234")
    find(By.ID, "alamat").send_keys("Banjar Dinas Kangin, dekat pura desa")
    find(By.ID, "desa").send_keys("Tenganan")
    Select(find(By.ID, "kecamatan")).select_by_value("Manggis")
    find(By.CSS_SELECTOR, "input[name=kategori][value=lansia]").click()
    # Chromium's date field takes keys in the locale's order; set the value as the picker does.
    driver.execute_script("arguments[0].value = arguments[1]", find(By.ID, "tanggal"),
                          day.isoformat())
    find(By.ID, "persetujuan").click()
