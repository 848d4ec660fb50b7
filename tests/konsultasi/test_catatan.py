"""The room's record stays with the request (issue 18.6): on the officer's request page, the
citizen's request page and the A4 print, and the officer's report starts from it."""
import re

from ..conftest import text_of


def _talk(citizen, officer, pid):
    citizen.post(f"/konsultasi/{pid}/kirim", data={"teks": "Bagaimana cara mengurus rujuk?"})
    officer.post(f"/konsultasi/{pid}/kirim", data={"teks": "Datang berdua ke KUA kecamatan."})


def test_the_conversation_is_on_the_request_pages_and_the_print(citizen, officer, konsultasi,
                                                                  login, client):
    pid = konsultasi["id"]
    _talk(citizen, officer, pid)
    staff_page = officer.get(f"/staf/permohonan/{pid}")
    seen = text_of(staff_page)
    assert "Percakapan Konsultasi Online" in seen
    assert "Bagaimana cara mengurus rujuk?" in seen and "Datang berdua ke KUA kecamatan." in seen
    assert f'href="/konsultasi/{pid}"' in staff_page.get_data(as_text=True)
    printed = text_of(officer.get(f"/staf/permohonan/{pid}/cetak"))
    assert "Bagaimana cara mengurus rujuk?" in printed
    own = text_of(citizen.get(f"/permohonan/{pid}"))
    assert "Datang berdua ke KUA kecamatan." in own and "Buka ruang konsultasi" in own
    # A verifikator may read the request but is not in the room: no link to a 404.
    login("verifikator")
    other = client.get(f"/staf/permohonan/{pid}").get_data(as_text=True)
    assert "Datang berdua ke KUA kecamatan." in other
    assert f'href="/konsultasi/{pid}"' not in other


def test_the_report_starts_from_the_conversation(citizen, officer, konsultasi):
    pid = konsultasi["id"]
    _talk(citizen, officer, pid)
    html = officer.get(f"/staf/permohonan/{pid}").get_data(as_text=True)
    note = re.search(r'<textarea[^>]*name="lapor-catatan"[^>]*>(.*?)</textarea>', html, re.S)
    assert note is not None
    assert "Pemohon: Bagaimana cara mengurus rujuk?" in note.group(1)
    assert "Petugas: Datang berdua ke KUA kecamatan." in note.group(1)


def test_other_requests_have_no_conversation(db, app, login, client):
    from ..factories import submitted_request
    p = submitted_request(db, app.config["UPLOAD_FOLDER"])
    login("verifikator")
    page = client.get(f"/staf/permohonan/{p['id']}")
    assert page.status_code == 200
    assert "Percakapan Konsultasi Online" not in text_of(page)


def test_the_officers_task_card_opens_the_room(officer, konsultasi):
    """The field officer's day (issue 17.6) leads to the consultation's room."""
    html = officer.get("/staf/antrean").get_data(as_text=True)
    assert f'href="/konsultasi/{konsultasi["id"]}"' in html
    assert "Perlu juru bahasa isyarat" in html   # asked for, before the room opens
