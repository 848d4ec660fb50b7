"""Browser audits: the real app on a live server, driven by headless Chromium, checked by axe.

The server runs with CSRF on (a real browser sends real tokens) and demo data plus the
situations of `scenario.py`. One browser serves the whole session: starting Chromium costs more
than auditing a page.
"""
import contextlib
import functools
import json
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass

import pytest

from pwa import create_app
from pwa.demo import DEMO_PASSWORD

from . import scenario

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--mute-audio")
# How long one WebDriver command may take before the test side gives up. Without it a renderer
# that stops answering (seen now and then with a video player open in headless Chromium) would
# hold CI until its time limit; with it, the audit reloads the page and tries once more.
COMMAND_TIMEOUT = 120

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                          "wcag22aa", "best-practice"]},
    # "region" (all content inside landmarks) is off by default in axe; screen-reader users
    # navigate by landmarks, so text outside them is easy to miss.
    "rules": {"region": {"enabled": True}},
}

# Demo usernames (pwa/demo.py) per role code; a username is accepted as well.
ROLE_USER = {"admin": "admin", "verifikator": "verifikator", "kasubag_tu": "kasubag",
             "kepala_kantor": "kepala", "petugas": "petugas", "satpam": "satpam"}

AUDITED: list[str] = []  # every page-state axe checked in this session, by label


@dataclass
class Site:
    app: object
    demo: scenario.Demo
    folder: str


_site: Site | None = None


def site() -> Site:
    """The app and its data, built once: test_pages needs the url_map and ids at collection."""
    global _site
    if _site is None:
        folder = tempfile.mkdtemp(prefix="mentari-a11y-")
        app = create_app({
            "TESTING": True,
            "SECRET_KEY": "a11y-audit-secret",
            "DATABASE": os.path.join(folder, "mentari.db"),
            "UPLOAD_FOLDER": os.path.join(folder, "uploads"),
            "ISYARAT_FOLDER": os.path.join(folder, "isyarat"),
            "SPEECH_REKAMAN_FOLDER": os.path.join(folder, "rekaman"),
            "NOTIFY_OUTBOX_FILE": os.path.join(folder, "outbox.log"),
            "RATELIMIT_ENABLED": False,
            "WTF_CSRF_ENABLED": True,
        })
        _site = Site(app, scenario.build(app), folder)
    return _site


def pytest_sessionfinish(session):
    if _site is not None:
        shutil.rmtree(_site.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def live_server():
    """Serve the app on 127.0.0.1 and a free port; yields the base URL."""
    from werkzeug.serving import make_server
    # One access-log line per request would bury failures; server errors (ERROR) still show.
    log = logging.getLogger("werkzeug")
    level = log.level
    log.setLevel(logging.ERROR)
    # speech/ has one configuration per process, and the unit tests that ran before pointed
    # it at their own temporary folders: the audited app takes its own back.
    from pwa import suara
    suara.configure_speech(site().app)
    server = make_server("127.0.0.1", 0, site().app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="a11y-live-server",
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        log.setLevel(level)


def _browser_missing() -> str | None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.path.exists(p)]
    return ", ".join(missing) or None


@pytest.fixture(scope="session")
def driver(live_server):
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {missing} is missing: `make browser` installs Chromium "
                        "and its driver (Debian packages chromium, chromium-driver).")
        pytest.skip(f"browser audits need Debian's Chromium; missing {missing} "
                    "(run `make browser`, or `make test`, to install it)")
    with open_browser(live_server) as browser:
        browser.visitor = None  # who the browser is signed in as; see test_pages.become
        yield browser


@contextlib.contextmanager
def open_browser(base_url: str, *extra, prefix: str = "mentari-chromium-"):
    """A headless Chromium on the live server (`browser.base_url`), with `extra` arguments (a
    TV's autoplay, a fake camera and microphone, a second person in a consultation room);
    closed, and its temporary home removed, on leaving."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    if _browser_missing():
        pytest.skip("needs Debian's Chromium and chromedriver")
    home = tempfile.mkdtemp(prefix=prefix)
    options = webdriver.ChromeOptions()
    for arg in (*CHROMIUM_ARGS, *extra, f"--user-data-dir={os.path.join(home, 'profile')}"):
        options.add_argument(arg)
    options.binary_location = CHROMIUM
    # Chromium writes caches and crash dumps under HOME and TMPDIR: keep them out of the
    # user's home, and leave the test process's environment as it was.
    saved = {k: os.environ.get(k) for k in ("HOME", "TMPDIR")}
    os.environ.update(HOME=home, TMPDIR=home)
    try:
        browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(60)
    limit_command_time(browser)
    browser.base_url = base_url
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(home, ignore_errors=True)


def limit_command_time(browser, seconds: int = COMMAND_TIMEOUT) -> None:
    """Give up on a WebDriver command after `seconds` (Selenium waits forever by default)."""
    executor = browser.command_executor
    executor.client_config.timeout = seconds
    executor._conn = executor._get_connection_manager()


@functools.cache
def _axe_source() -> str:
    # Axe.inject reads the 500 KB script from disk for every page; read it once.
    from axe_selenium_python.axe import _DEFAULT_SCRIPT
    with open(_DEFAULT_SCRIPT, encoding="utf8") as f:
        return f.read()


def audit(driver, label: str) -> None:
    """Run axe on the current page and fail with a readable list of violations."""
    from axe_selenium_python import Axe
    driver.execute_script(_axe_source())
    # Axe.run pastes options into the script with %s: give it JSON, not a Python repr.
    # Only violations come back in full: the passes' node lists are large and unused.
    options = dict(AXE_OPTIONS, resultTypes=["violations"])
    if driver.execute_script(
            "return document.documentElement.classList.contains('kontras-tinggi')"):
        # High contrast promises 7:1 for all text: axe's AAA contrast rule checks exactly that.
        options["rules"] = dict(options["rules"], **{"color-contrast-enhanced": {"enabled": True}})
    try:
        results = Axe(driver).run(options=json.dumps(options))
    except Exception as stuck:  # a hung renderer: urllib3's read timeout, or WebDriver's
        if "timed out" not in str(stuck).lower() and "timeout" not in type(stuck).__name__.lower():
            raise
        logging.getLogger(__name__).warning("axe did not answer on %s (%s); reloading once",
                                            label, type(stuck).__name__)
        driver.get(driver.current_url)
        driver.execute_script(_axe_source())
        results = Axe(driver).run(options=json.dumps(options))
    AUDITED.append(label)
    if results["violations"]:
        # Raised, not asserted: pytest's assert rewriting would append the whole result dict.
        raise AssertionError(violation_report(label, driver.current_url, results["violations"]))


def violation_report(label: str, url: str, violations: list[dict], per_rule: int = 3) -> str:
    lines = [f"{len(violations)} axe violation(s) on {label} ({url}):"]
    for v in violations:
        lines.append(f"- {v['id']} [{v.get('impact')}] {v['help']} ({len(v['nodes'])} "
                     f"element(s))")
        for node in v["nodes"][:per_rule]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {target}: {summary[:300]}")
    return "\n".join(lines)


def click_and_wait(driver, element, timeout: float = 15) -> None:
    """Click something that loads a new page, and wait until the new page has loaded.

    A mark left on the old page's window tells the pages apart; waiting for the old element
    to go stale is unreliable in chromedriver ("Node ... does not belong to the document")."""
    from selenium.webdriver.support.ui import WebDriverWait
    driver.execute_script("window.__mentariOldPage = true")
    element.click()
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(
        "return !window.__mentariOldPage && document.readyState === 'complete'"))


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


def pytest_terminal_summary(terminalreporter):
    if AUDITED:
        terminalreporter.write_sep("-", f"axe audited {len(AUDITED)} page-states")
