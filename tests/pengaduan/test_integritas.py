"""Complaints that go somewhere (issue 17.9): an integrity complaint reaches the Kepala Kantor
and the integrity team and not the admin; it can be made without a name and followed up, and
added to, with its number; the admin hands on a service complaint that is about integrity."""
import re

from pwa.domain import nomor
from pwa.services import pengaduan as service
from pwa.store import pengaduan as complaints

from tests.pages import text_of

REPORT = "Petugas loket meminta Rp 50.000 supaya legalisir saya cepat selesai."


def _file(client, jenis="pungli", **data) -> str:
    r = client.post("/pengaduan", data={"jenis": jenis, "uraian": REPORT, **data})
    assert r.status_code == 302, text_of(r)[:600]
    page = text_of(client.get(r.location))
    return nomor.normalise(re.search(r"Nomor pengaduan Anda: (\d{4} \d{4} \d{4})", page)
                           .group(1))


def _lookup(client, number: str) -> str:
    return text_of(client.post("/pengaduan/cek", data={"nomor": number}))


def test_an_integrity_complaint_reaches_the_head_and_the_team_and_not_the_admin(
        client, db, login):
    number = _file(client, nama="I Ketut Budi", kontak="0812 3456 7890")
    item = complaints.by_nomor(db, number)
    shown = nomor.grouped(number)

    login("admin")
    assert shown not in text_of(client.get("/staf/admin/pengaduan"))
    assert client.get(f"/staf/admin/pengaduan/{item['id']}").status_code == 404
    assert client.post(f"/staf/admin/pengaduan/{item['id']}", data={
        "tindak_lanjut": "Saya tutup.", "status": "selesai"}).status_code == 404
    assert complaints.get(db, item["id"])["status"] == "baru"
    assert "1 belum ditanggapi" not in text_of(client.get("/staf/admin/"))

    for role in ("kepala_kantor", "tim_integritas"):
        login(role)
        listing = text_of(client.get("/staf/integritas"))
        assert shown in listing and "Pungutan liar" in listing
        detail = text_of(client.get(f"/staf/integritas/{item['id']}"))
        assert "I Ketut Budi" in detail and REPORT in detail

    r = client.post(f"/staf/integritas/{item['id']}", data={
        "tindak_lanjut": "Petugas yang bersangkutan sudah diperiksa Kepala Kantor.",
        "status": "selesai"})
    assert r.status_code == 302
    client.post("/staf/keluar")
    page = _lookup(client, number)
    assert "Petugas yang bersangkutan sudah diperiksa Kepala Kantor." in page
    assert "Tim integritas" in page and "Ni Wayan Suartini" not in page  # the role, not a name
    assert "Kepala Kantor dan tim integritas" in page  # who handles it


def test_the_admin_list_and_count_keep_service_complaints(client, db, login):
    service_number = _file(client, jenis="layanan")
    _file(client, jenis="perilaku")
    login("admin")
    listing = text_of(client.get("/staf/admin/pengaduan"))
    assert nomor.grouped(service_number) in listing
    assert "(1 belum ditanggapi)" in text_of(client.get("/staf/admin/"))


def test_an_anonymous_report_stores_no_identity_and_leaves_no_trace_on_the_phone(client, db):
    r = client.post("/pengaduan", data={"jenis": "gratifikasi", "uraian": REPORT, "anonim": "y",
                                        "nama": "I Ketut Budi", "kontak": "0812 3456 7890"})
    first = client.get(r.location)
    assert "no-store" in first.headers["Cache-Control"]
    page = text_of(first)
    number = nomor.normalise(re.search(r"Nomor pengaduan Anda: (\d{4} \d{4} \d{4})", page)
                             .group(1))
    assert "halaman ini tidak akan tampil lagi" in page
    stored = complaints.by_nomor(db, number)
    assert (stored["nama"], stored["kontak"], stored["jenis"]) == ("", "", "gratifikasi")
    # Shown once: the next person holding the phone finds the empty form, not the number.
    again = client.get("/pengaduan/terkirim")
    assert again.status_code == 302 and again.location.endswith("/pengaduan")
    # The number alone still follows it up.
    assert REPORT in _lookup(client, number)


def test_a_named_complaint_keeps_its_confirmation_on_reload(client):
    _file(client, jenis="layanan", nama="I Ketut Budi")
    assert client.get("/pengaduan/terkirim").status_code == 200


def test_the_reporter_answers_the_offices_question_with_the_number(client, db, login):
    number = _file(client, anonim="y")
    pid = complaints.by_nomor(db, number)["id"]
    other = _file(client)  # newer, also answered: the reporter's reply puts the first on top
    login("kepala_kantor")
    client.post(f"/staf/integritas/{pid}", data={
        "tindak_lanjut": "Mohon keterangan: di loket mana dan kapan?",
        "status": "ditindaklanjuti"})
    client.post(f"/staf/integritas/{complaints.by_nomor(db, other)['id']}", data={
        "tindak_lanjut": "Sedang kami periksa.", "status": "ditindaklanjuti"})
    client.post("/staf/keluar")

    page = _lookup(client, number)
    assert "Mohon keterangan: di loket mana dan kapan?" in page
    short = client.post("/pengaduan/keterangan", data={"nomor": number, "keterangan": "Loket"})
    assert short.status_code == 200
    refused = text_of(short)
    assert refused.startswith("Kesalahan:") and "Keterangan paling sedikit 10 huruf." in refused
    assert ">Loket</textarea>" in short.get_data(as_text=True)  # what was typed is kept
    r = client.post("/pengaduan/keterangan", data={
        "nomor": nomor.grouped(number), "keterangan": "Loket PTSP 1, hari Senin pukul 10."})
    page = text_of(r)
    assert r.status_code == 200 and "Keterangan Anda ditambahkan." in page
    assert "Keterangan tambahan dari pengadu" in page and "Loket PTSP 1, hari Senin" in page

    login("tim_integritas")
    listing = text_of(client.get("/staf/integritas"))
    assert "Pengadu menambahkan keterangan" in listing
    assert listing.index(nomor.grouped(number)) < listing.index(nomor.grouped(other))


def test_nothing_is_added_to_a_finished_complaint(client, db):
    number = _file(client)
    pid = complaints.by_nomor(db, number)["id"]
    service.respond(db, pid, tindak_lanjut="Sudah ditindak.", status="selesai",
                    peran="kepala_kantor", staf_id=None)
    assert "Tambahkan keterangan" not in _lookup(client, number)
    r = client.post("/pengaduan/keterangan", data={"nomor": number,
                                                   "keterangan": "Masih ada yang kurang."})
    assert r.status_code == 409
    assert "sudah selesai ditindaklanjuti" in text_of(r)
    assert [e["aksi"] for e in complaints.thread(db, pid)] == ["tanggapi"]


def test_adding_to_a_number_that_is_not_a_complaint_is_not_found(client):
    body = "12345678901"
    unknown = body + nomor.damm.calc_check_digit(body)
    for number in (unknown, "1234"):
        r = client.post("/pengaduan/keterangan", data={"nomor": number,
                                                       "keterangan": "Keterangan tambahan."})
        assert r.status_code == 404


def test_a_finished_complaint_is_not_answered_again(client, db, login):
    number = _file(client)
    pid = complaints.by_nomor(db, number)["id"]
    service.respond(db, pid, tindak_lanjut="Selesai.", status="selesai",
                    peran="kepala_kantor", staf_id=None)
    login("tim_integritas")
    r = client.post(f"/staf/integritas/{pid}", data={"tindak_lanjut": "Dibuka lagi.",
                                                    "status": "ditindaklanjuti"})
    assert r.status_code == 409 and "sudah selesai ditindaklanjuti" in text_of(r)
    assert complaints.get(db, pid)["status"] == "selesai"


def test_the_admin_hands_on_a_service_complaint_that_is_about_integrity(client, db, login):
    number = _file(client, jenis="layanan", kontak="081234567890")
    pid = complaints.by_nomor(db, number)["id"]
    login("admin")
    refused = client.post(f"/staf/admin/pengaduan/{pid}/alihkan", data={})
    assert refused.status_code == 200
    assert "Pilih jenis pelanggaran integritas." in text_of(refused)
    tampered = client.post(f"/staf/admin/pengaduan/{pid}/alihkan", data={"jenis": "layanan"})
    assert "Pilih jenis pelanggaran integritas." in text_of(tampered)
    assert complaints.get(db, pid)["jenis"] == "layanan"

    r = client.post(f"/staf/admin/pengaduan/{pid}/alihkan", data={"jenis": "pungli"})
    assert r.status_code == 302
    assert complaints.get(db, pid)["jenis"] == "pungli"
    assert "diteruskan kepada Kepala Kantor" in text_of(client.get(r.location))
    assert nomor.grouped(number) not in text_of(client.get("/staf/admin/pengaduan"))
    assert client.get(f"/staf/admin/pengaduan/{pid}").status_code == 404

    login("kepala_kantor")
    assert nomor.grouped(number) in text_of(client.get("/staf/integritas"))
    client.post("/staf/keluar")
    assert "Diteruskan kepada Kepala Kantor dan tim integritas" in _lookup(client, number)


def test_the_complaint_form_explains_a_missing_or_tampered_kind_and_keeps_the_text(client, db):
    for data in ({"uraian": REPORT}, {"uraian": REPORT, "jenis": "lainnya"}):
        r = client.post("/pengaduan", data=data)
        page = text_of(r)
        assert page.startswith("Kesalahan:") and "Pilih tentang apa pengaduan Anda." in page
        assert REPORT in r.get_data(as_text=True)
    assert db.execute("SELECT COUNT(*) FROM pengaduan").fetchone()[0] == 0


def test_the_form_errors_are_in_basa_bali_for_a_balinese_reader(client):
    client.set_cookie("bahasa", "ban")
    page = text_of(client.post("/pengaduan", data={"uraian": REPORT}))
    assert "Pilih indik punapi pengaduan Ida dané." in page


def test_a_link_from_the_standard_chooses_the_kind(client):
    html = client.get("/pengaduan?jenis=pungli").get_data(as_text=True)
    assert re.search(r'value="pungli"\s+checked', html)
