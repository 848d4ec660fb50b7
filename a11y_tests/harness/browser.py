"""The one Chromium launcher of the browser tests and the benchmarks (Debian's chromium and
chromedriver, headless). tests/test_architecture.py fails if Chromium is started anywhere else."""
import contextlib
import os
import shutil
import tempfile

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--mute-audio")
# How long one WebDriver command may take before the test side gives up. Without it a renderer
# that stops answering (seen now and then with a video player open in headless Chromium) would
# hold CI until its time limit; with it, the audit reloads the page and tries once more.
COMMAND_TIMEOUT = 120


def browser_missing() -> str | None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.path.exists(p)]
    return ", ".join(missing) or None


def require_browser() -> None:
    """Skip the test without Chromium; under CI, fail instead (CI must run the browser tests)."""
    import pytest
    missing = browser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {missing} is missing: `make browser` installs Chromium "
                        "and its driver (Debian packages chromium, chromium-driver).")
        pytest.skip(f"browser tests need Debian's Chromium; missing {missing} "
                    "(run `make browser`, or `make test`, to install it)")


def launch(*args: str, prefix: str = "mentari-chromium-", page_load_timeout: float = 30,
           script_timeout: float | None = 60, command_timeout: float | None = COMMAND_TIMEOUT):
    """Start headless Chromium with CHROMIUM_ARGS plus `args` and a profile of its own in a new
    folder; returns (driver, folder). The caller quits the driver and removes the folder:
    `chromium()` does both."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    home = tempfile.mkdtemp(prefix=prefix)
    options = webdriver.ChromeOptions()
    for arg in (*CHROMIUM_ARGS, *args):
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={os.path.join(home, 'profile')}")
    options.binary_location = CHROMIUM
    # Chromium writes caches and crash dumps under HOME and TMPDIR: keep them out of the
    # user's home, and leave the test process's environment as it was.
    saved = {k: os.environ.get(k) for k in ("HOME", "TMPDIR")}
    os.environ.update(HOME=home, TMPDIR=home)
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except BaseException:
        shutil.rmtree(home, ignore_errors=True)
        raise
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    if page_load_timeout:
        driver.set_page_load_timeout(page_load_timeout)
    if script_timeout:
        driver.set_script_timeout(script_timeout)
    if command_timeout:
        limit_command_time(driver, command_timeout)
    return driver, home


@contextlib.contextmanager
def chromium(*args: str, base_url: str | None = None, **options):
    """`launch` for a `with` block (a fixture's yield): quits and cleans up afterwards."""
    driver, home = launch(*args, **options)
    driver.base_url = base_url
    driver.visitor = None  # who the browser is signed in as; see routes.become
    try:
        yield driver
    finally:
        try:
            driver.quit()
        finally:
            shutil.rmtree(home, ignore_errors=True)


def limit_command_time(browser, seconds: float = COMMAND_TIMEOUT) -> None:
    """Give up on a WebDriver command after `seconds` (Selenium waits forever by default)."""
    executor = browser.command_executor
    executor.client_config.timeout = seconds
    executor._conn = executor._get_connection_manager()


def click_and_wait(driver, element, timeout: float = 15) -> None:
    """Click something that loads a new page, and wait until the new page has loaded.

    A mark left on the old page's window tells the pages apart; waiting for the old element
    to go stale is unreliable in chromedriver ("Node ... does not belong to the document")."""
    from selenium.webdriver.support.ui import WebDriverWait
    driver.execute_script("window.__mentariOldPage = true")
    element.click()
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(
        "return !window.__mentariOldPage && document.readyState === 'complete'"))
