"""The states a URL alone does not reach, checked by axe: every form after a failed submission
(ERROR_CASES in a11y_tests/harness/routes.py) and its error summary taking focus, the first
password of a new staff account, a complaint followed up with its number.

The staff-account tests change the accounts the other audits visit: they run last in this file,
and this file after test_pages_audit.py and test_pages_display.py (pytest-xdist hands a worker its
files in that order too; every worker has its own app and data).
"""
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from .harness.browser import click_and_wait
from .harness.routes import (CLEAR_FORM, ERROR_CASES, WIDTHS, become, check_state, citizen_session,
                             page_state, resize)
from .harness.site import site


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("label", list(ERROR_CASES))
def test_form_after_failed_submission(driver, label, width):
    """The error state: title prefixed "Kesalahan:", the error summary shown, and the whole
    page still passing axe (and reflowing at 320)."""
    case = ERROR_CASES[label]
    path = site().app.url_map.bind("localhost").build(case.endpoint, dict(case.values))
    become(driver, case.visitor)
    resize(driver, width)
    if case.visitor == "anonim":
        citizen_session(driver, {**({"draf_id": case.draft} if case.draft else {}),
                                 **dict(case.session)})
    driver.get(driver.base_url + path)
    state = page_state(driver)
    assert (state["status"], state["path"]) == (200, path.split("?")[0]), (
        f"{path} as {case.visitor} did not show its form: {state}")
    submit = driver.find_element(By.CSS_SELECTOR, case.button)
    form = submit.find_element(By.XPATH, "./ancestor::form")
    driver.execute_script(CLEAR_FORM, form)
    for field_id, value in case.fill:
        driver.find_element(By.ID, field_id).send_keys(value)
    click_and_wait(driver, submit)
    state = page_state(driver)
    assert state["status"] < 500, f"submitting {label}: server error {state['status']}"
    assert state["title"].startswith("Kesalahan:"), (
        f"after submitting {label} the title is {state['title']!r} ({state['path']})")
    assert driver.find_elements(By.CSS_SELECTOR, ".error-summary"), (
        f"{label}: no error summary shown")
    check_state(driver, (width, "error", label), f"{label} (after submitting) at {width}px",
                width)


def test_error_summary_takes_focus(driver):
    """A screen reader announces the summary at once; keyboard users start from it."""
    become(driver, "anonim")
    resize(driver, 1280)
    citizen_session(driver, {})
    driver.get(driver.base_url + "/staf/masuk")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    focused = driver.execute_script("return document.activeElement.className")
    assert "error-summary" in focused, f"focus is on {focused!r}, not the error summary"


# --- Staff accounts (issue 17.1): last, since they change the accounts the audits above visit --
# The page showing a first password is a POST's answer (no URL to visit); a newcomer replaces
# their first password with the keyboard alone.

NEW_PASSWORD = "kebo ngigel di carik"
STAFF_FOCUS = """
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    return {id: el.id, name: el.name || '', inMain: !!el.closest('main'),
            drawn: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
                   cs.boxShadow !== 'none',
            submit: el.matches('main form button[type=submit]')};"""


def test_the_first_password_page_passes_axe(driver):
    from pwa.web import language
    become(driver, "admin")
    for lang in ("id", "ban"):
        for width in (1280, 320):
            resize(driver, width)
            driver.add_cookie({"name": language.COOKIE, "value": lang, "path": "/"})
            path = f"/staf/admin/akun/{site().demo.staf_reset_id}/reset-sandi"
            driver.get(driver.base_url + path)
            click_and_wait(driver, driver.find_element(
                By.CSS_SELECTOR, "main form button[type=submit]"))
            state = page_state(driver)
            assert state["status"] == 200 and driver.find_elements(By.CSS_SELECTOR,
                                                                   ".reg-number"), state
            check_state(driver, (width, lang, "kata-sandi-pertama", state["fingerprint"]),
                        f"first password page ({lang}) at {width}px", width)
    driver.delete_cookie(language.COOKIE)


def test_a_first_password_is_replaced_with_the_keyboard_alone(driver):
    become(driver, "anonim")
    resize(driver, 1280)
    citizen_session(driver, {"staf_session": site().demo.sesi_sandi_pertama})
    driver.get(driver.base_url + "/staf/sandi-pertama")
    typed = {"sandi_baru": NEW_PASSWORD, "sandi_ulang": NEW_PASSWORD}
    for _ in range(80):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focus = driver.execute_script(STAFF_FOCUS)
        if focus is None:
            continue
        assert focus["drawn"], f"focus not visible on {focus}"
        if focus["name"] in typed:
            ActionChains(driver).send_keys(typed.pop(focus["name"])).perform()
        if focus["submit"]:
            assert not typed, f"the button came before the fields {sorted(typed)}"
            driver.execute_script("window.__oldPage = true")
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            WebDriverWait(driver, 15).until(lambda d: d.execute_script(
                "return !window.__oldPage && document.readyState === 'complete'"))
            break
    else:
        raise AssertionError("80 Tabs never reached the button")
    state = page_state(driver)
    assert state["path"] == "/staf/antrean", state
    driver.visitor = None  # signed in as the newcomer now: the next test signs in afresh
# --- a complaint followed up with its number (issue 17.9) --------------------------------------

THREAD_VIEWS = [(width, None) for width in WIDTHS] + [
    (320, "kontras-tinggi"), (320, "teks-200"), (320, "ban")]


@pytest.mark.parametrize("width, setting", THREAD_VIEWS,
                         ids=[f"{w}-{s or 'biasa'}" for w, s in THREAD_VIEWS])
def test_complaint_thread_and_its_error(driver, width, setting):
    """The complaint's page, shown only as the answer to its number (never by address): its
    thread of follow-ups and the form to add to it, then that form refused (empty), in each
    language and display mode."""
    from pwa.web import language, tampilan as display
    demo = site().demo
    become(driver, "anonim")
    resize(driver, width)
    cookies = {}
    if setting == "ban":
        cookies[language.COOKIE] = "ban"
    elif setting:
        cookies[display.COOKIE] = setting
    citizen_session(driver, {}, cookies)
    driver.get(driver.base_url + "/pengaduan/cek")
    driver.find_element(By.ID, "nomor").send_keys(demo.pengaduan_integritas_nomor)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR,
                                               "main form[action$='/cek'] button"))
    state = page_state(driver)
    assert state["status"] == 200 and driver.find_elements(By.ID, "keterangan"), state
    check_state(driver, (width, setting, "pengaduan-utas", state["fingerprint"]),
                f"complaint thread ({setting or 'default'}) at {width}px", width)
    click_and_wait(driver, driver.find_element(
        By.CSS_SELECTOR, "main form[action$='/keterangan'] button[type=submit]"))
    state = page_state(driver)
    assert state["title"].startswith(("Kesalahan:", "Iwang:")), state["title"]
    assert driver.find_elements(By.CSS_SELECTOR, ".error-summary")
    check_state(driver, (width, setting, "pengaduan-utas-error", state["fingerprint"]),
                f"complaint thread, addition refused ({setting or 'default'}) at {width}px",
                width)
