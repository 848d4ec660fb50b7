"""Installable (issue 3 §4): Chromium itself says the app can be installed, from the manifest
and service worker it finds on a citizen page."""
from .harness.offline import installed


def test_chromium_finds_no_installability_errors(driver):
    driver.get(driver.base_url + "/")
    installed(driver)
    errors = driver.execute_cdp_cmd("Page.getInstallabilityErrors", {})["installabilityErrors"]
    assert errors == [], errors
    manifest = driver.execute_cdp_cmd("Page.getAppManifest", {})
    assert manifest["url"].endswith("/manifest.webmanifest")
    assert manifest["errors"] == []


def test_installed_app_opens_on_the_home_page_in_its_own_window(driver):
    driver.get(driver.base_url + "/")
    # Chromium's own reading of the manifest (its enum names: kStandalone).
    parsed = driver.execute_cdp_cmd("Page.getAppManifest", {})["manifest"]
    assert parsed["display"].lower().endswith("standalone")
    assert parsed["startUrl"] == driver.base_url + "/"
    assert {i["url"].split("?")[0].rsplit("/", 1)[1] for i in parsed["icons"]} >= {
        "icon-192.png", "icon-512.png", "maskable-512.png"}
