"""Issue 16 point 8, in the browser: under the strict Content-Security-Policy every kind of page
still works and the browser reports no violation (a blocked inline script or style would mean
a broken page for someone)."""
import pytest

from .harness.browser import click_and_wait
from .harness.site import login_as, site

RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile
                    + ':' + e.lineNumber);
});
"""
CITIZEN_PAGES = ("/", "/layanan", "/ajukan", "/ajukan/satu-halaman", "/status", "/skm",
                 "/skm/isi", "/pengaduan", "/tampilan", "/luring", "/antrian")
STAFF_PAGES = {"admin": ("/staf/admin/", "/staf/admin/isyarat/tambah", "/staf/admin/laporan"),
               "verifikator": ("/staf/antrean",)}


@pytest.fixture(scope="module")
def watched(driver):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD})
    return driver


def _violations(driver, path):
    driver.get(driver.base_url + path)
    driver.execute_script("return document.readyState")
    return driver.execute_script("return window.__csp || []")


@pytest.mark.parametrize("aksara", [False, True])
def test_citizen_pages_run_under_the_policy(watched, aksara):
    watched.delete_all_cookies()
    watched.visitor = None
    if aksara:
        watched.get(watched.base_url + "/healthz")
        watched.add_cookie({"name": "tampilan", "value": "aksara-aktif.suara-aktif"})
    found = {path: v for path in CITIZEN_PAGES if (v := _violations(watched, path))}
    assert not found, found


def test_staff_pages_and_the_recorders_run_under_the_policy(watched):
    found = {}
    for role, paths in STAFF_PAGES.items():
        login_as(watched, role)
        found.update({path: v for path in paths if (v := _violations(watched, path))})
    watched.delete_all_cookies()
    assert not found, found


def test_the_print_button_still_prints(watched):
    request = site().demo.permohonan["diajukan"]
    watched.delete_all_cookies()
    watched.visitor = None
    # Prove the request as a citizen does, then open its "sent" page; printing is counted.
    watched.get(watched.base_url + "/status?lain=1")
    watched.find_element("id", "nomor").send_keys(request["nomor"])
    watched.find_element("id", "telepon4").send_keys(request["telepon"][-4:])
    click_and_wait(watched, watched.find_element("css selector", "main form button[type=submit]"))
    watched.get(f"{watched.base_url}/ajukan/selesai/{request['permohonan_id']}")
    watched.execute_script("window.__printed = 0; window.print = function () { window.__printed++; };")
    watched.find_element("css selector", "[data-cetak]").click()
    assert watched.execute_script("return window.__printed") == 1
