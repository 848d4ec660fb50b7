"""Every page of the app, as each visitor sees it, at 1280 and 320 CSS pixels, checked by axe.

Pages are discovered from `app.url_map`, so a new page is audited without anyone remembering to
add it. A route whose URL needs values gets them from ARG_SAMPLES (or ENDPOINT_CASES); a route
that is not a page (a download, a JSON answer, a POST action) must be listed in EXCLUDED with the
reason. `test_every_route_is_audited_or_excluded` fails for anything else.

Visitors: `anonim` is a citizen's browser that has proven it owns the demo requests (as after
"cek status"); the others are the demo staff accounts. A visitor who may not see a page sees a
sign-in page, a redirect or a 403 page instead: that is audited too. Who may see a page visits
every case of it; others visit its first case only (the refusal does not depend on the id).
Axe runs once per distinct page-state (same markup at the same width), so the run stays short.
"""
import pytest

from .harness.routes import (CASES, CASE_BY_KEY, EXCLUDED, PLAN, REDIRECT_ONLY, UNCOVERED,
                             VISITORS, become, check_state, citizen_session, may_see, page_state,
                             resize)
from .harness.site import site

# What each visit showed (the page-state checks' results are kept in harness/routes.py).
VISITS: dict[tuple, bool] = {}      # (endpoint, visitor, width, label) → landed on the page
TITLES: dict[str, set] = {}          # title of a page shown as itself → its endpoints


# --- the audits -----------------------------------------------------------------------------

def test_every_route_is_audited_or_excluded():
    stale = sorted(set(EXCLUDED) - set(site().app.view_functions))
    assert not UNCOVERED, (
        "Routes not audited: add sample values (ARG_SAMPLES / ENDPOINT_CASES) or list them in "
        "EXCLUDED with the reason:\n  " + "\n  ".join(UNCOVERED))
    assert not stale, f"EXCLUDED lists routes that no longer exist: {stale}"


@pytest.mark.parametrize("visitor, width, key", PLAN,
                         ids=[f"{v}-{w}-{k}" for v, w, k in PLAN])
def test_page(driver, visitor, width, key):
    case = CASE_BY_KEY[key]
    become(driver, visitor)
    resize(driver, width)
    if visitor == "anonim":
        citizen_session(driver, case.session)
    driver.get(driver.base_url + case.path)
    state = page_state(driver)
    landed = state["status"] == 200 and state["path"] == case.path.split("?")[0]
    VISITS[(case.endpoint, visitor, width, case.label)] = landed
    if landed:
        TITLES.setdefault(state["title"], set()).add(case.endpoint)
    assert state["status"] < 500, f"{case.path} as {visitor}: server error {state['status']}"
    assert state["type"] == "text/html", (
        f"{case.path} is {state['type']}, not a page: list {case.endpoint} in EXCLUDED")
    if case.must_land and visitor == "anonim":
        assert landed, (f"{case.path} should show the page itself to its citizen, but showed "
                        f"{state['path']} ({state['status']}, {state['title']!r})")
    # Roles that see the same markup (a print page, a 403 page, the sign-in page reached from
    # any staff URL) share one audit: axe would find the same thing.
    check_state(driver, (width, state["status"], state["fingerprint"]),
                f"{case.key} as {visitor} at {width}px", width)


def test_titles_tell_pages_apart():
    """A screen reader reads the title first, and the browser's tab list and history show
    only titles: two different pages must never share one (WCAG 2.4.2)."""
    if not TITLES:
        pytest.skip("no page audit ran in this session")
    shared = {title: sorted(endpoints) for title, endpoints in TITLES.items()
              if len(endpoints) > 1}
    assert not shared, f"pages sharing a title: {shared}"
    untitled = sorted(e for t, es in TITLES.items() if not t.split("MENTARI")[0].strip(" –")
                      for e in es)
    assert not untitled, f"pages without a title of their own: {untitled}"


def test_each_page_was_seen_by_who_may_see_it():
    """Coverage must not quietly shrink: every page rendered (not redirected) for the citizen
    (public pages) or for each role allowed to open it, in at least one of its cases."""
    planned = {(CASE_BY_KEY[k].endpoint, v, w, CASE_BY_KEY[k].label) for v, w, k in PLAN}
    if not planned <= set(VISITS):
        pytest.skip("only part of the page audits ran in this session")
    missing = []
    for endpoint in sorted({c.endpoint for c in CASES} - set(REDIRECT_ONLY)):
        for visitor in (v for v in VISITORS if may_see(endpoint, v)):
            if not any(landed for (e, v, _w, _l), landed in VISITS.items()
                       if e == endpoint and v == visitor):
                missing.append(f"{endpoint} as {visitor}")
    assert not missing, ("Pages never shown to those allowed to see them (redirected or "
                         "refused in every case; fix the page or its sample data):\n  "
                         + "\n  ".join(missing))
