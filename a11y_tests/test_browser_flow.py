"""A citizen requests a service in a real browser, in each of the four modes, with mouse and
keyboard only through the pages (no JavaScript of ours is needed), and gets a registration
number that "cek status" then finds."""
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from .harness.browser import click_and_wait
from .harness.scenario import PDF

SERVICE = "Legalisir ijazah"  # offered in every mode, with documents to upload
PHONE = "0812 3456 7890"


def _choose(driver, name: str, value: str) -> None:
    """Click the label of a radio or checkbox, as a person taps the words, not the circle."""
    box = driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']")
    driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").click()
    assert box.is_selected(), f"{name}={value} not selected by clicking its label"


def _type(driver, name: str, text: str) -> None:
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(text)


def _set_native(driver, name: str, value: str) -> None:
    # Date and time inputs are the browser's own pickers, whose typing order follows the
    # browser's locale; set the value the picker would produce.
    field = driver.find_element(By.NAME, name)
    driver.execute_script("arguments[0].value = arguments[1]", field, value)


def _continue(driver) -> None:
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def _heading(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "main h1, main legend h1").text


@pytest.mark.parametrize("mode", ["antar_jemput", "jemput_bola", "konsultasi", "langsung"])
def test_a_citizen_requests_a_service_in_each_mode(driver, mode, tmp_path):
    from tests.flows import next_working_day
    driver.visitor = None  # this test signs nobody in; the audit must sign in again after it
    driver.delete_all_cookies()
    driver.set_window_size(360, 740)  # a phone
    document = tmp_path / "ijazah.pdf"
    document.write_bytes(PDF)

    driver.get(driver.base_url + "/ajukan")
    _continue(driver)                                               # Mulai sekarang
    service = driver.find_element(By.XPATH, f"//label[contains(., '{SERVICE}')]")
    service.click()
    _continue(driver)
    _choose(driver, "mode", mode)
    _continue(driver)
    _type(driver, "nama", "Ni Wayan Sukerti")
    _type(driver, "telepon", PHONE)
    _continue(driver)
    _type(driver, "alamat", "Jalan Raya Bebandem No. 12")
    _type(driver, "desa", "Bebandem")
    Select(driver.find_element(By.NAME, "kecamatan")).select_by_visible_text("Bebandem")
    _continue(driver)
    _choose(driver, "kategori", "lansia")
    _choose(driver, "bantuan", "kursi_roda")
    _continue(driver)
    if mode == "konsultasi":
        free = driver.find_element(By.CSS_SELECTOR, "input[name='slot']:not([disabled])")
        _choose(driver, "slot", free.get_attribute("value"))
    else:
        _set_native(driver, "tanggal", next_working_day().isoformat())
        if driver.find_elements(By.NAME, "jam"):
            _set_native(driver, "jam", "09:00")
    _continue(driver)
    assert "dokumen" in driver.current_url, _heading(driver)
    for upload in driver.find_elements(By.CSS_SELECTOR, "input[type=file]"):
        upload.send_keys(str(document))
    _continue(driver)

    # Check your answers: every answer is there, then consent and send.
    page = driver.find_element(By.TAG_NAME, "main").text
    for answer in ("Ni Wayan Sukerti", "Bebandem", SERVICE, "ijazah.pdf"):
        assert answer in page, f"{answer!r} missing from the check-your-answers page"
    driver.find_element(By.CSS_SELECTOR, "label[for='persetujuan']").click()
    _continue(driver)

    main = driver.find_element(By.TAG_NAME, "main").text
    found = re.search(r"\d{4} \d{4} \d{4}", main)
    assert found, f"no registration number on the confirmation page: {main[:300]}"
    number = found.group(0)

    # The number works on "cek status" from a fresh browser session.
    driver.delete_all_cookies()
    driver.get(driver.base_url + "/status")
    _type(driver, "nomor", number)
    _type(driver, "telepon4", PHONE[-4:])
    _continue(driver)
    assert number in driver.find_element(By.TAG_NAME, "main").text
    driver.delete_all_cookies()
