"""Uploads over a slow link (issue 3 §5): a 4 MB phone photo leaves the phone as at most
~300 KB, the upload shows its progress, and a broken upload is sent again with one tap,
without choosing the files again. The server still checks the files by their content."""
import io
import os

from PIL import Image, ImageDraw
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from pwa import store

from .harness.offline import OFFLINE, ONLINE, phone  # noqa: F401 (the module's own browser)
from .harness.site import site

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]"
       b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
# Slow enough to watch the bar move: 300 KB take about 6 s.
SLOW_UPLOAD = {"offline": False, "latency": 100, "downloadThroughput": 50_000,
               "uploadThroughput": 50_000}


def phone_photo(path: str) -> int:
    """A 4000×3000 JPEG of about 4 MB: a card-like picture with the sensor noise of a cheap
    phone camera (noise is what makes real photos big)."""
    w, h = 4000, 3000
    noise = Image.effect_noise((w, h), 40)
    light = Image.linear_gradient("L").resize((w, h))
    photo = Image.merge("RGB", (Image.blend(light, noise, 0.35),
                                Image.blend(light.transpose(Image.FLIP_LEFT_RIGHT), noise, 0.3),
                                Image.blend(light, noise, 0.25)))
    draw = ImageDraw.Draw(photo)
    for y in range(300, 2700, 200):
        draw.rectangle((400, y, 3600, y + 80), fill=(235, 235, 225))
    photo.save(path, "JPEG", quality=95)
    return os.path.getsize(path)


def draft_documents(name: str) -> list[dict]:
    db = store.connect(site().app.config["DATABASE"])
    try:
        return [dict(r) for r in db.execute(
            "SELECT nama_asli, mime, ukuran, berkas FROM dokumen WHERE nama_asli = ? "
            "AND aktif = 1", (name,))]
    finally:
        db.conn.close()


def to_the_upload_step(driver) -> None:
    """Answer everything on the one-page form for a service that needs documents."""
    from pwa.domain.jadwal import upcoming_working_days
    from pwa.services import kalender
    from pwa.services.clock import office_today
    app = site().app
    with app.app_context():
        db = store.connect(app.config["DATABASE"])
        layanan = db.execute("SELECT id FROM layanan WHERE slug = 'surat-keterangan'"
                             ).fetchone()[0]
        db.conn.close()
        day = upcoming_working_days(office_today(), 1, kalender.national())[0]
    driver.get(driver.base_url + "/ajukan/satu-halaman")
    find = driver.find_element
    find(By.CSS_SELECTOR, f"input[name=layanan][value='{layanan}']").click()
    find(By.CSS_SELECTOR, "input[name=mode][value=langsung]").click()
    find(By.ID, "nama").send_keys("I Ketut Unggah")
    find(By.ID, "telepon").send_keys("0813 3700 5678")
    find(By.ID, "alamat").send_keys("Jalan Raya Amlapura")
    find(By.ID, "desa").send_keys("Subagan")
    Select(find(By.ID, "kecamatan")).select_by_value("Karangasem")
    find(By.CSS_SELECTOR, "input[name=kategori][value=lansia]").click()
    driver.execute_script("arguments[0].value = arguments[1]", find(By.ID, "tanggal"),
                          day.isoformat())
    find(By.ID, "persetujuan").click()
    find(By.CSS_SELECTOR, "form[data-luring] button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: d.current_url.endswith("/ajukan/dokumen"))


def test_photo_is_shrunk_and_a_broken_upload_is_retried(phone, tmp_path):  # noqa: F811
    driver, browser = phone
    to_the_upload_step(driver)
    photo = str(tmp_path / "ktp-dari-hp.jpg")
    original = phone_photo(photo)
    assert original > 3_500_000
    pdf = tmp_path / "surat-pengantar.pdf"
    pdf.write_bytes(PDF)

    inputs = driver.find_elements(By.CSS_SELECTOR, "input[type=file]")
    assert len(inputs) >= 2
    inputs[0].send_keys(photo)
    note = WebDriverWait(driver, 30).until(
        lambda d: d.find_element(By.ID, inputs[0].get_attribute("id") + "-perkecil").text
        if "diperkecil" in d.find_element(By.ID, inputs[0].get_attribute("id")
                                           + "-perkecil").text else None)
    assert "Foto diperkecil dari 4," in note or "Foto diperkecil dari 5," in note
    shrunk = driver.execute_script("return arguments[0].files[0].size", inputs[0])
    assert shrunk <= 300 * 1024, f"{shrunk} bytes after shrinking"
    for other in inputs[1:]:
        other.send_keys(str(pdf))

    # The signal drops as the form is sent: nothing is lost, one tap sends it again.
    browser.network(OFFLINE)
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", OFFLINE)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    retry = WebDriverWait(driver, 15).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "[data-unggah-status] button"))
    assert "Unggahan terputus" in driver.find_element(By.CSS_SELECTOR,
                                                      "[data-unggah-status]").text
    assert driver.switch_to.active_element == retry
    assert driver.execute_script("return arguments[0].files.length", inputs[0]) == 1

    browser.network(SLOW_UPLOAD)
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", SLOW_UPLOAD)
    retry.click()
    seen = set()
    WebDriverWait(driver, 60, poll_frequency=0.2).until(
        lambda d: seen.add(d.execute_script(
            "var p = document.querySelector('#unggah-progres'); return p ? p.value : -1"))
        or d.current_url.endswith("/ajukan/periksa"))
    browser.network(ONLINE)
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", ONLINE)
    assert any(0 < v < 100 for v in seen), f"progress values seen: {sorted(seen)}"

    stored = draft_documents("ktp-dari-hp.jpg")
    assert len(stored) == 1
    assert stored[0]["mime"] == "image/jpeg" and stored[0]["ukuran"] == shrunk
    with open(os.path.join(site().app.config["UPLOAD_FOLDER"], stored[0]["berkas"]),
              "rb") as f:
        width, height = Image.open(io.BytesIO(f.read())).size
    assert max(width, height) <= 1600
