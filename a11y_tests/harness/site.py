"""The audited app: the real app with CSRF on (a real browser sends real tokens), the demo office
and the situations of `scenario.py`, in a temporary folder of its own (one per process, so each
pytest-xdist worker has its own database and files); served on 127.0.0.1 and a free port."""
import contextlib
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass

from pwa import create_app
from pwa.demo import DEMO_PASSWORD

from . import scenario
from .browser import click_and_wait

# Demo usernames (pwa/demo.py) per role code; a username is accepted as well.
ROLE_USER = {"admin": "admin", "verifikator": "verifikator", "kasubag_tu": "kasubag",
             "kepala_kantor": "kepala", "petugas": "petugas", "satpam": "satpam"}


@dataclass
class Site:
    app: object
    demo: scenario.Demo
    folder: str


_site: Site | None = None


def site() -> Site:
    """The app and its data, built once: the route cases need the url_map and ids at collection."""
    global _site
    if _site is None:
        folder = tempfile.mkdtemp(prefix="mentari-a11y-")
        app = create_app({
            "TESTING": True,
            "SECRET_KEY": "a11y-audit-secret",
            "DATABASE": os.path.join(folder, "mentari.db"),
            "UPLOAD_FOLDER": os.path.join(folder, "uploads"),
            "ISYARAT_FOLDER": os.path.join(folder, "isyarat"),
            "SPEECH_FOLDER": os.path.join(folder, "suara"),
            "SPEECH_REKAMAN_FOLDER": os.path.join(folder, "rekaman"),
            "NOTIFY_OUTBOX_FILE": os.path.join(folder, "outbox.log"),
            "RATELIMIT_ENABLED": False,
            "WTF_CSRF_ENABLED": True,
        })
        _site = Site(app, scenario.build(app), folder)
    return _site


def remove_site() -> None:
    """Delete the site's folder (the end of the session)."""
    if _site is not None:
        shutil.rmtree(_site.folder, ignore_errors=True)


def start(app=None):
    """Serve `app` (the site's by default) on 127.0.0.1 and a free port (so parallel workers
    never meet) in a thread; returns (server, thread). `serve()` also stops it."""
    from werkzeug.serving import make_server
    server = make_server("127.0.0.1", 0, app or site().app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="mentari-live-server",
                              daemon=True)
    thread.start()
    return server, thread


@contextlib.contextmanager
def serve(app=None):
    """`start` for a `with` block; yields the base URL."""
    # One access-log line per request would bury failures; server errors (ERROR) still show.
    log = logging.getLogger("werkzeug")
    level = log.level
    log.setLevel(logging.ERROR)
    server, thread = start(app)
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        log.setLevel(level)


def login_as(driver, role: str) -> None:
    """Sign in through /staf/masuk with the demo account of `role` (a role code or username)."""
    from selenium.webdriver.common.by import By

    username = ROLE_USER.get(role, role)
    driver.visitor = None
    driver.delete_all_cookies()
    driver.get(driver.base_url + "/staf/masuk")
    status = driver.execute_script(
        "return performance.getEntriesByType('navigation')[0].responseStatus")
    if status != 200:
        raise AssertionError(f"cannot sign in as {username}: /staf/masuk answered {status}")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(DEMO_PASSWORD)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    if "/staf/masuk" in driver.current_url:
        said = driver.execute_script(
            "const m = document.querySelector('main');"
            "return (m ? m.innerText : document.body.innerText).slice(0, 300)")
        raise AssertionError(f"demo sign-in as {username} was refused; the page said: {said!r}")
