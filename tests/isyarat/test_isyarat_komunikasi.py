"""Text everywhere for Deaf citizens (issue 6): an interpreter asked for on the request form
reaches the assigned officer's queue and task page, and every phone link has text beside it."""
from pwa.domain import komunikasi
from pwa.store import permohonan as requests

from tests.pages import text_of
from tests.factories import staff_id, submitted_request
from tests.flows import submit_request


def _assign(db, pid: int, officer: str = "petugas") -> None:
    # The approval itself is tested in test_staff_workflow; here only its outcome matters.
    requests.update_fields(db, pid, {"status": "disetujui", "petugas_id": staff_id(db, officer),
                                     "jadwal_petugas": "2030-01-07T10:30"})
    db.conn.commit()


def test_interpreter_asked_on_the_form_reaches_the_assigned_officer(client, db, login):
    pid, _nomor = submit_request(client, db, "surat-keterangan", "jemput_bola",
                                 bantuan=["juru_bahasa_isyarat"])
    _assign(db, pid)
    login("petugas")
    queue = text_of(client.get("/staf/antrean"))
    assert "Perlu juru bahasa isyarat" in queue
    task = client.get(f"/staf/permohonan/{pid}")
    page = text_of(task)
    assert "Pemohon memerlukan juru bahasa isyarat (BISINDO)." in page
    # Before the facts list, not somewhere below it.
    assert page.index("juru bahasa isyarat (BISINDO)") < page.index("Cara pelayanan")
    html = task.get_data(as_text=True)
    assert 'href="sms:+6281234567890"' in html and 'href="https://wa.me/6281234567890"' in html
    assert "Hubungi pemohon lewat pesan teks, bukan telepon suara" in page
    # Text is offered first; the number stays (a family member may answer a call).
    assert html.index('href="https://wa.me/') < html.index('href="tel:')


def test_request_without_interpreter_shows_no_interpreter_alert_but_still_offers_text(
        app, client, db, login):
    p = submitted_request(db, app.config["UPLOAD_FOLDER"], disabilitas=[], bantuan=["kursi_roda"])
    _assign(db, p["id"])
    login("petugas")
    assert "Perlu juru bahasa isyarat" not in text_of(client.get("/staf/antrean"))
    html = client.get(f"/staf/permohonan/{p['id']}").get_data(as_text=True)
    assert "juru bahasa isyarat (BISINDO)" not in html
    assert 'href="tel:081234567890"' in html and 'href="sms:+6281234567890"' in html


def test_deaf_citizen_without_interpreter_is_contacted_by_text(app, client, db, login):
    p = submitted_request(db, app.config["UPLOAD_FOLDER"], disabilitas=["rungu"], bantuan=[])
    _assign(db, p["id"])
    login("petugas")
    page = text_of(client.get(f"/staf/permohonan/{p['id']}"))
    assert "Hubungi pemohon lewat pesan teks, bukan telepon suara" in page
    assert "Pemohon memerlukan juru bahasa isyarat" not in page


def test_text_links_use_the_international_number():
    links = komunikasi.text_links("0812 3456 7890", greeting="Salam dari Kemenag")
    assert links["sms"] == "sms:+6281234567890"
    assert links["whatsapp"] == "https://wa.me/6281234567890?text=Salam%20dari%20Kemenag"
