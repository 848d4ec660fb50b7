"""'Cek status': finding a request safely, and what the citizen sees there."""
import re
from datetime import datetime, timezone

import pytest

from pwa import create_app, demo, store
from pwa.domain import nomor

from tests.pages import text_of
from tests.flows import submit_request

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
    other.get("/")   # past the first page's first-visit offers
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
    # The document too: the same answer as the page, never the file.
    refused = other.get(f"/permohonan/{pid}/dokumen/{doc}")
    assert refused.status_code == 303 and refused.location.endswith("/status")
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


# --- the phone's own requests (no twelve digits to recite) ----------------------------------

def _listed(client) -> list[str]:
    """The requests /status lists, as the links read: "<service>, <number>"."""
    html = client.get("/status").get_data(as_text=True)
    return re.findall(r'<a class="card__link" href="/permohonan/\d+">([^<]+)</a>', html)


def test_the_phone_that_sent_requests_lists_them_newest_first(client, db):
    first, n1 = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    second, n2 = submit_request(client, db, "konsultasi", "langsung")
    listed = _listed(client)
    assert [entry.rsplit(", ", 1)[1] for entry in listed] == [nomor.grouped(n2),
                                                                 nomor.grouped(n1)]
    assert listed[0].startswith("Konsultasi keagamaan")
    page = text_of(client.get("/status"))
    assert "Permohonan di HP ini" in page and "Diajukan" in page
    # Nothing personal on a list a shared phone shows: no name, NIK or phone number.
    for private in ("Ni Wayan", "081234567890", "0812 3456 7890", "Bebandem"):
        assert private not in page
    # Another number is one link away, and its form works as before.
    assert 'href="/status?lain=1"' in client.get("/status").get_data(as_text=True)
    assert 'name="telepon4"' in client.get("/status?lain=1").get_data(as_text=True)


def test_a_fresh_phone_gets_the_number_form_and_a_lookup_joins_the_list(app, client, db):
    _pid, number = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    other = _fresh_client(app)
    assert 'name="telepon4"' in other.get("/status").get_data(as_text=True)
    assert _listed(other) == []
    r = other.post("/status", data={"nomor": number, "telepon4": "7890"})
    assert r.status_code == 302
    assert [e.rsplit(", ", 1)[1] for e in _listed(other)] == [nomor.grouped(number)]


def test_the_phone_remembers_its_requests_after_the_browser_closes(app, client, db):
    _pid, number = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    other = _fresh_client(app)
    r = other.post("/status", data={"nomor": number, "telepon4": "7890"})
    cookie = next(h for h in r.headers.getlist("Set-Cookie") if h.startswith("session="))
    # A session cookie (no Expires) would be gone when the phone's browser is closed.
    assert "Expires=" in cookie
    expires = other.get_cookie("session").expires
    days = (expires - datetime.now(timezone.utc)).days
    assert 85 <= days <= 90
    # …counted from the lookup: once the page's form token is kept, pages and files after it
    # do not send the cookie again.
    other.get("/status")
    for path in ("/status", f"/permohonan/{_pid}", "/static/css/mentari.css"):
        again = other.get(path)
        assert not [h for h in again.headers.getlist("Set-Cookie") if h.startswith("session=")]


def test_forgetting_a_request_takes_it_off_this_phone_only(app, client, db):
    pid, number = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    other = _fresh_client(app)
    other.post("/status", data={"nomor": number, "telepon4": "7890"})
    assert "HP ini dipakai bersama?" in text_of(client.get(f"/permohonan/{pid}"))
    # The button asks first, showing the number she needs to bring it back; asking hides
    # nothing.
    question = client.get(f"/permohonan/{pid}/lupakan")
    assert question.status_code == 200
    asked = text_of(question)
    assert "Hapus permohonan ini dari HP ini?" in asked and nomor.grouped(number) in asked
    assert "Ya, hapus dari HP ini" in asked
    assert len(_listed(client)) == 1
    # Another phone's citizen cannot even be asked about it.
    stranger = _fresh_client(app)
    assert stranger.get(f"/permohonan/{pid}/lupakan").location.endswith("/status")
    r = client.post(f"/permohonan/{pid}/lupakan")
    assert r.status_code == 302 and r.location.endswith("/status")
    page = text_of(client.get(r.location))
    assert f"Permohonan {nomor.grouped(number)} tidak lagi tercantum di HP ini" in page
    assert _listed(client) == []
    assert client.get(f"/permohonan/{pid}").location.endswith("/status")
    # The request itself goes on, and the other phone still has it.
    assert db.execute("SELECT status FROM permohonan WHERE id = ?", (pid,)).fetchone()[0]
    assert len(_listed(other)) == 1
    # Looking it up again brings it back.
    client.post("/status", data={"nomor": number, "telepon4": "7890"})
    assert len(_listed(client)) == 1


def test_the_list_speaks_balinese(client, db):
    submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    page = text_of(client.get("/status?lang=ban"))
    assert "Pinunas ring HP puniki" in page and "Cingakin pinunas lianan" in page


@pytest.mark.parametrize("page", ["/permohonan/{pid}", "/permohonan/{pid}/lupakan"])
def test_a_screen_reader_hears_what_the_big_number_is(client, db, page):
    """ARIA forbids naming a paragraph, and NVDA and JAWS ignore aria-label there: the label
    must be text a screen reader reads (hidden from the eye), before the number."""
    pid, number = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    html = client.get(page.format(pid=pid)).get_data(as_text=True)
    big = re.search(r'<p class="reg-number"([^>]*)>(.*?)</p>', html, re.S)
    assert big and "aria-label" not in big[1]
    assert re.fullmatch(r'<span class="visually-hidden">Nomor registrasi </span>'
                        + re.escape(nomor.grouped(number)), big[2].strip()), big[2]
