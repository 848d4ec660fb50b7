"""Browser audits: the real app on a live server, driven by headless Chromium, checked by axe.

The helpers live in a11y_tests/harness/ (see its __init__): this file only holds the fixtures.
One browser serves the whole session (per pytest-xdist worker): starting Chromium costs more
than auditing a page.
"""
import pytest

# Older imports of conftest keep working; new code imports from the harness.
from .harness.axe import AUDITED, AXE_OPTIONS, audit, violation_report  # noqa: F401
from .harness.browser import (CHROMEDRIVER, CHROMIUM, CHROMIUM_ARGS, COMMAND_TIMEOUT,  # noqa: F401
                              browser_missing as _browser_missing, chromium, click_and_wait,
                              limit_command_time, require_browser)
from .harness.site import ROLE_USER, Site, login_as, remove_site, serve, site  # noqa: F401


def pytest_sessionfinish(session):
    remove_site()


@pytest.fixture(scope="session")
def live_server():
    """Serve the app on 127.0.0.1 and a free port; yields the base URL."""
    # speech/ has one configuration per process, and the unit tests that ran before pointed
    # it at their own temporary folders: the audited app takes its own back.
    from pwa import suara
    suara.configure_speech(site().app)
    with serve(site().app) as url:
        yield url


@pytest.fixture(scope="session")
def driver(live_server):
    require_browser()
    with chromium(base_url=live_server) as browser:
        yield browser


@pytest.fixture(autouse=True)
def _count_audits(record_property):
    """How many page-states axe checked in this test, summed at the end of the run (also
    across pytest-xdist workers, which send their reports back)."""
    before = len(AUDITED)
    yield
    record_property("axe_audited", len(AUDITED) - before)


_audited = [0]


def pytest_runtest_logreport(report):
    if report.when == "teardown":
        _audited[0] += sum(v for k, v in report.user_properties if k == "axe_audited")


def pytest_terminal_summary(terminalreporter):
    if _audited[0]:
        terminalreporter.write_sep("-", f"axe audited {_audited[0]} page-states")
