"""Every page in every display mode (high contrast, 200% text, ...) and in Basa Bali, at both
widths, checked by axe: the cases of test_pages_audit.py (a11y_tests/harness/routes.py), in a file of
their own so pytest-xdist can run them beside the plain audit."""
import pytest

from .harness.routes import (CASES, CASE_BY_KEY, EVERY_CASE_SWEPT, VISITORS, WIDTHS, become,
                             check_state, citizen_session, page_state, resize, roles_of)


def _display_plan():
    """Every display mode at both widths, on the first case of every page (shown to the citizen
    for a public page, to the first role allowed for a staff page), and on every case of the
    pages in EVERY_CASE_SWEPT (every component example, every state of a consultation room).
    Pages that look alike share one audit (the fingerprint), which keeps this affordable."""
    first, plan = set(), []
    for c in CASES:
        if c.endpoint in first and c.endpoint not in EVERY_CASE_SWEPT:
            continue
        first.add(c.endpoint)
        roles = roles_of(c.endpoint)
        visitor = next((v for v in VISITORS if v in roles), None) if roles else "anonim"
        if visitor is None:
            continue
        plan += [(setting, width, visitor, c.key) for setting in ("kontras-tinggi", "teks-200")
                 for width in WIDTHS]
        # Aksara Bali (issue 4) adds a script line to every heading: every page on a phone.
        plan.append(("aksara-aktif", 320, visitor, c.key))
    # One visitor at a time: signing in again for every page would cost more than the audits.
    return sorted(plan, key=lambda p: (VISITORS.index(p[2]), p[0], p[1]))


DISPLAY_PLAN = _display_plan()


@pytest.mark.parametrize("setting, width, visitor, key", DISPLAY_PLAN,
                         ids=[f"{s}-{w}-{v}-{k}" for s, w, v, k in DISPLAY_PLAN])
def test_page_with_display_setting(driver, setting, width, visitor, key):
    """The display settings (/tampilan) restyle every page: they must stay accessible too."""
    from pwa.web import tampilan as display
    case = CASE_BY_KEY[key]
    become(driver, visitor)
    resize(driver, width)
    if visitor == "anonim":
        citizen_session(driver, case.session, {display.COOKIE: setting})
    else:
        driver.add_cookie({"name": display.COOKIE, "value": setting, "path": "/"})
    try:
        driver.get(driver.base_url + case.path)
        state = page_state(driver)
        assert state["status"] < 500, f"{case.path}: server error {state['status']}"
        applied = driver.execute_script("return document.documentElement.className")
        assert setting in applied.split(), f"{setting} not applied to <html> ({applied!r})"
        check_state(driver, (width, setting, state["status"], state["fingerprint"]),
                    f"{case.key} as {visitor} with {setting} at {width}px", width)
    finally:
        # The signed-in visitor stays for the next test: in the default display.
        driver.delete_cookie(display.COOKIE)


def _locale_plan():
    """Every page in Basa Bali too (issue 4 §6), at both widths: the first case of every page
    (every case of those in EVERY_CASE_SWEPT), seen by the citizen or by the first role allowed
    to open it. Balinese words are longer
    and the lang attribute differs, so these are page-states of their own."""
    first, plan = set(), []
    for c in CASES:
        if c.endpoint in first and c.endpoint not in EVERY_CASE_SWEPT:
            continue
        first.add(c.endpoint)
        roles = roles_of(c.endpoint)
        visitor = next((v for v in VISITORS if v in roles), None) if roles else "anonim"
        if visitor is not None:
            plan += [(width, visitor, c.key) for width in WIDTHS]
    return sorted(plan, key=lambda p: (VISITORS.index(p[1]), p[0]))


LOCALE_PLAN = _locale_plan()


@pytest.mark.parametrize("width, visitor, key", LOCALE_PLAN,
                         ids=[f"ban-{w}-{v}-{k}" for w, v, k in LOCALE_PLAN])
def test_page_in_balinese(driver, width, visitor, key):
    from pwa.web import language
    case = CASE_BY_KEY[key]
    become(driver, visitor)
    resize(driver, width)
    if visitor == "anonim":
        citizen_session(driver, case.session, {language.COOKIE: "ban"})
    else:
        driver.add_cookie({"name": language.COOKIE, "value": "ban", "path": "/"})
    try:
        driver.get(driver.base_url + case.path)
        state = page_state(driver)
        assert state["status"] < 500, f"{case.path}: server error {state['status']}"
        lang = driver.execute_script("return document.documentElement.lang")
        assert lang == "ban", f"{case.path} in Balinese has lang={lang!r}"
        check_state(driver, (width, "ban", state["status"], state["fingerprint"]),
                    f"{case.key} as {visitor} in Basa Bali at {width}px", width)
    finally:
        driver.delete_cookie(language.COOKIE)
