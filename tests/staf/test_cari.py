"""Finding a citizen who lost their registration number (issue 17.3): staff search by name,
phone, registration number or the last digits of the NIK; a search shows no more of a citizen
than tells two apart, keeps nothing personal in the URL, and a petugas finds only their own
tasks."""
import pytest

from pwa.domain import nomor, pencarian
from pwa.domain.workflow import Status
from pwa.store import permohonan as requests

from tests.pages import text_of
from tests.factories import staff_id, submitted_request

NIK = "5107014501700001"


@pytest.fixture
def sari(app, db):
    """Ni Wayan Sari, who filed a request and lost its number."""
    return submitted_request(db, app.config["UPLOAD_FOLDER"], nik=NIK, telepon="081234567890",
                             nama="Ni Wayan Sari Dewi")


def search(client, jenis, kata):
    return client.post("/staf/cari", data={"jenis": jenis, "kata": kata})


@pytest.mark.parametrize("jenis, kata", [
    ("nama", "sari"),                      # part of the name, any case
    ("nama", "DEWI wayan"),                # several words, any order
    ("telepon", "+62 812-3456-7890"),      # typed the international way
    ("nik", "0001"),                       # the last four digits
    ("nik", "01700001"),                   # more of the end
])
def test_staff_find_the_request_by_what_the_citizen_remembers(client, login, sari, jenis, kata):
    login("verifikator")
    r = search(client, jenis, kata)
    assert r.status_code == 200
    assert f"/staf/permohonan/{sari['id']}" in r.get_data(as_text=True)
    assert "Ditemukan: 1 permohonan" in text_of(r)


def test_a_registration_number_finds_its_request(client, login, sari):
    login("kasubag_tu")
    r = search(client, "nomor", nomor.grouped(sari["nomor"]))
    assert f"/staf/permohonan/{sari['id']}" in r.get_data(as_text=True)


def test_nik_digits_match_only_the_end_of_the_nik(client, login, sari):
    login("admin")
    # "5107" begins this NIK (the district code every Karangasem NIK shares): no match.
    assert "Ditemukan: 0 permohonan" in text_of(search(client, "nik", "5107"))
    assert "Ditemukan: 0 permohonan" in text_of(search(client, "nik", "4501"))


def test_a_result_shows_no_full_nik_phone_or_address(client, login, sari):
    login("admin")
    r = search(client, "nama", "Sari")
    html = r.get_data(as_text=True)
    assert "Ni Wayan Sari Dewi" in html
    assert NIK not in html and "081234567890" not in html
    assert sari["alamat"] not in html and sari["desa"] not in html
    page = text_of(r)
    assert "HP berakhiran …7890" in page and "NIK berakhiran …0001" in page


def test_the_search_stays_out_of_urls_logs_and_caches(client, login, sari):
    login("verifikator")
    r = search(client, "telepon", "081234567890")
    assert r.headers["Cache-Control"] == "private, no-store"
    html = r.get_data(as_text=True)
    assert 'method="post" action="/staf/cari"' in html
    # Nothing typed goes into a link (a link would carry it into logs and history).
    assert "081234567890" not in "".join(
        part.split('"')[0] for part in html.split('href="')[1:])


def test_wildcards_in_a_name_are_letters_not_patterns(client, login, sari):
    login("admin")
    assert "Ditemukan: 0 permohonan" in text_of(search(client, "nama", "S_ri"))
    assert "Ditemukan: 0 permohonan" in text_of(search(client, "nama", "Sar% Dewi"))


def test_a_petugas_finds_only_the_requests_assigned_to_them(app, client, db, login, sari):
    login("petugas")
    assert "Ditemukan: 0 permohonan" in text_of(search(client, "nik", "0001"))
    requests.update_fields(db, sari["id"], {"petugas_id": staff_id(db, "petugas"),
                                            "status": Status.DISETUJUI})
    db.conn.commit()
    r = search(client, "nik", "0001")
    assert "Ditemukan: 1 permohonan" in text_of(r)
    assert "hanya menemukan permohonan yang ditugaskan kepada Anda" in text_of(r)
    requests.update_fields(db, sari["id"], {"petugas_id": staff_id(db, "petugas2")})
    db.conn.commit()
    assert "Ditemukan: 0 permohonan" in text_of(search(client, "nama", "Sari"))


@pytest.mark.parametrize("jenis, kata, message", [
    ("", "Sari", "Pilih cari berdasarkan apa."),
    ("nama", "", "Masukkan nama pemohon."),
    ("nama", "Si", "Tulis paling sedikit 3 huruf dari nama."),
    ("nik", "12a4", "Tulis 4 sampai 16 angka terakhir NIK, tanpa huruf."),
    ("nik", "001", "Tulis 4 sampai 16 angka terakhir NIK, tanpa huruf."),
    ("telepon", "12345", "Nomor HP tidak sesuai."),
    ("nomor", "1234 5678 9012", "Nomor registrasi tidak sesuai."),
])
def test_a_query_that_cannot_be_searched_says_why_and_keeps_what_was_typed(
        client, login, sari, jenis, kata, message):
    login("verifikator")
    r = search(client, jenis, kata)
    page = text_of(r)
    assert r.status_code == 200 and page.startswith("Kesalahan:")
    assert message in page and "Ditemukan" not in page
    if kata:
        assert f'value="{kata}"' in r.get_data(as_text=True)


def test_the_error_is_translated_into_balinese(client, login, sari):
    login("verifikator")
    client.set_cookie("bahasa", "ban")
    page = text_of(search(client, "nama", "Si"))
    assert "Tulis paling sedikit 3 huruf dari nama." not in page


def test_the_queue_links_to_the_search(client, login):
    login("kepala_kantor")
    assert 'href="/staf/cari"' in client.get("/staf/antrean").get_data(as_text=True)


def test_query_rules():
    assert pencarian.query("telepon", "0812 3456 7890") == "081234567890"
    assert pencarian.query("nik", "0170-0001") == "01700001"
    assert pencarian.query("nama", "  ni   wayan ") == "ni wayan"
    with pytest.raises(pencarian.CariDitolak):
        pencarian.query("alamat", "Subagan")
    with pytest.raises(pencarian.CariDitolak):
        pencarian.query("nik", "1" * 17)
    assert pencarian.tail("5107014501700001") == "…0001"
    assert pencarian.tail("") == ""


def test_the_guard_at_the_door_may_not_search(client, login):
    login("satpam")
    assert client.get("/staf/cari").status_code == 403
    assert client.post("/staf/cari", data={"jenis": "nama", "kata": "Sari"}).status_code == 403
