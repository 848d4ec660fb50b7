"""'Cek status': finding a request safely, and what the citizen sees there."""
import re


from pwa import create_app, demo, nomor, store

from .conftest import text_of
from .flows import submit_request

NEUTRAL = "Nomor registrasi atau 4 angka HP tidak cocok. Periksa lagi."


def _fresh_client(app):
    return app.test_client()  # a different browser: owns nothing


def test_lookup_with_number_and_phone_digits_opens_the_status(app, client, db):
    pid, number = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    other = _fresh_client(app)
    r = other.post("/status", data={"nomor": nomor.grouped(number, "-"), "telepon4": "7890"})
    assert r.status_code == 302 and r.location.endswith(f"/permohonan/{pid}")
    page = text_of(other.get(r.location))
    assert "Riwayat permohonan" in page and "Batas waktu (SOP)" in page


def test_wrong_digits_and_unknown_number_get_the_same_message(app, client, db):
    _pid, number = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    other = _fresh_client(app)
    wrong_digits = text_of(other.post("/status", data={"nomor": number, "telepon4": "0000"}))
    body = "12345678901"
    unknown = body + nomor.damm.calc_check_digit(body)
    assert unknown != number
    unknown_page = text_of(other.post("/status", data={"nomor": unknown, "telepon4": "7890"}))
    assert NEUTRAL in wrong_digits and NEUTRAL in unknown_page
    # Apart from the typed number, the two answers are identical.
    assert wrong_digits.replace(number, "") == unknown_page.replace(unknown, "").replace(
        number, "")


def test_mistyped_number_is_caught_by_the_check_digit(app, client, db):
    _pid, number = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    # Swap the first pair of neighbouring digits that differ (12 random digits always have one).
    i = next(i for i in range(len(number) - 1) if number[i] != number[i + 1])
    typo = number[:i] + number[i + 1] + number[i] + number[i + 2:]
    page = text_of(_fresh_client(app).post("/status", data={"nomor": typo, "telepon4": "7890"}))
    assert "Nomor registrasi tidak valid" in page


def test_status_page_is_private_to_whoever_proved_ownership(app, client, db):
    pid, _ = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    doc = db.execute("SELECT id FROM dokumen WHERE permohonan_id = ?", (pid,)).fetchone()[0]
    other = _fresh_client(app)
    assert other.get(f"/permohonan/{pid}").location.endswith("/status")
    assert other.get(f"/permohonan/{pid}/dokumen/{doc}").status_code == 403
    own = client.get(f"/permohonan/{pid}/dokumen/{doc}")
    assert own.status_code == 200 and own.mimetype == "image/png"


def test_lookups_are_rate_limited_per_client(tmp_path):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "t.db"),
                      "UPLOAD_FOLDER": str(tmp_path / "u"), "WTF_CSRF_ENABLED": False,
                      "STATUS_RATE_LIMIT": "3 per minute", "RATELIMIT_ENABLED": True,
                      "NOTIFY_OUTBOX_FILE": str(tmp_path / "o.log")})
    with app.app_context():
        demo.load(store.connect(app.config["DATABASE"]), app.config)
    client = app.test_client()
    codes = [client.post("/status", data={"nomor": "123456789012", "telepon4": "1234"},
                         environ_base={"REMOTE_ADDR": "10.9.8.7"}).status_code
             for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    elsewhere = client.post("/status", data={"nomor": "1", "telepon4": "1"},
                            environ_base={"REMOTE_ADDR": "10.9.8.8"})
    assert elsewhere.status_code == 200


def test_registration_number_is_shown_in_groups_for_reading_aloud(client, db):
    pid, number = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    html = client.get(f"/permohonan/{pid}").get_data(as_text=True)
    assert re.search(r"\d{4} \d{4} \d{4}", html)
