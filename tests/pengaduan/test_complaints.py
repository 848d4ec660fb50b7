"""Complaints (pengaduan): filing one, following it with its number, and the office's answer."""
import re

import pytest

from pwa import create_app
from pwa.domain import nomor
from pwa.services import pengaduan as service
from pwa.store import pengaduan as complaints

from tests.pages import text_of

COMPLAINT = "Petugas datang terlambat dua jam dan tidak memberi kabar sebelumnya."


def _file(client, **data) -> str:
    """File a complaint; returns the tracking number shown on the confirmation page."""
    r = client.post("/pengaduan", data={"jenis": "layanan", "uraian": COMPLAINT, **data})
    assert r.status_code == 302, text_of(r)
    page = text_of(client.get(r.location))
    number = re.search(r"Nomor pengaduan Anda: (\d{4} \d{4} \d{4})", page).group(1)
    assert "Cek pengaduan" in page  # and how to follow it up
    return nomor.normalise(number)


def test_anonymous_complaint_stores_no_name_or_contact(client, db):
    number = _file(client, anonim="y", nama="I Ketut Budi", kontak="0812 3456 7890")
    stored = complaints.by_nomor(db, number)
    assert stored["isi"] == COMPLAINT
    assert stored["nama"] == "" and stored["kontak"] == ""
    assert nomor.is_valid(number)


def test_named_complaint_keeps_name_and_normalised_phone(client, db):
    number = _file(client, nama="I Ketut Budi", kontak="+62 812-3456-7890")
    stored = complaints.by_nomor(db, number)
    assert (stored["nama"], stored["kontak"], stored["status"]) == (
        "I Ketut Budi", "081234567890", "baru")


@pytest.mark.parametrize("data, message", [
    ({"uraian": ""}, "Tuliskan pengaduan Anda."),
    ({"uraian": "Lambat."}, "Pengaduan paling sedikit 10 huruf."),
    ({"uraian": "x" * 2001}, "Pengaduan paling banyak 2000 huruf."),
    ({"uraian": COMPLAINT, "kontak": "12345"}, "Tulis nomor HP yang benar"),
    ({"uraian": COMPLAINT, "kontak": "budi@"}, "Tulis alamat email yang benar"),
])
def test_complaint_form_explains_what_to_fix(client, db, data, message):
    r = client.post("/pengaduan", data=data)
    page = text_of(r)
    assert r.status_code == 200 and page.startswith("Kesalahan:") and message in page
    assert db.execute("SELECT COUNT(*) FROM pengaduan").fetchone()[0] == 0
    if data.get("kontak"):
        assert f'value="{data["kontak"]}"' in r.get_data(as_text=True)  # answers kept


def test_a_bad_contact_does_not_block_an_anonymous_complaint(client, db):
    number = _file(client, anonim="y", kontak="bukan kontak")
    assert complaints.by_nomor(db, number)["kontak"] == ""


def test_wrong_check_digit_is_caught_before_any_lookup(client):
    number = _file(client)
    last = int(number[-1])
    typo = number[:-1] + str((last + 1) % 10)
    page = text_of(client.post("/pengaduan/cek", data={"nomor": typo}))
    assert "Nomor tidak valid, periksa lagi" in page
    assert COMPLAINT not in page


def test_unknown_valid_number_is_not_found(client):
    body = "12345678901"
    page = text_of(client.post("/pengaduan/cek",
                               data={"nomor": body + nomor.damm.calc_check_digit(body)}))
    assert "Nomor pengaduan tidak ditemukan." in page


def test_lookup_shows_status_and_not_the_name(client):
    number = _file(client, nama="I Ketut Budi", kontak="0812 3456 7890")
    page = text_of(client.post("/pengaduan/cek", data={"nomor": nomor.grouped(number, "-")}))
    assert "Diterima, belum ditanggapi" in page and COMPLAINT in page
    assert "Belum ada tindak lanjut." in page
    assert "I Ketut Budi" not in page and "0812" not in page


def test_admin_follow_up_becomes_visible_on_the_lookup_page(client, db, login):
    number = _file(client)
    pid = complaints.by_nomor(db, number)["id"]
    login("admin")
    listing = text_of(client.get("/staf/admin/pengaduan"))
    assert nomor.grouped(number) in listing
    refused = client.post(f"/staf/admin/pengaduan/{pid}", data={"tindak_lanjut": ""})
    assert "Tuliskan tindak lanjut" in text_of(refused) and "Pilih status pengaduan." in (
        text_of(refused))
    r = client.post(f"/staf/admin/pengaduan/{pid}", data={
        "status": "selesai",
        "tindak_lanjut": "Petugas sudah ditegur. Jadwal jemput kini dikirim lewat SMS."})
    assert r.status_code == 302
    client.post("/staf/keluar")
    page = text_of(client.post("/pengaduan/cek", data={"nomor": number}))
    assert "Selesai ditindaklanjuti" in page
    assert "Jadwal jemput kini dikirim lewat SMS." in page
    assert "Tanggapan kantor" in page  # the entry of the thread, with its time


def test_admin_list_puts_unanswered_complaints_first(client, db, login):
    answered = _file(client)
    waiting = _file(client)
    service.respond(db, complaints.by_nomor(db, answered)["id"], tindak_lanjut="Sudah.",
                    status="ditindaklanjuti", peran="admin", staf_id=None)
    newest_answered = _file(client)
    service.respond(db, complaints.by_nomor(db, newest_answered)["id"],
                    tindak_lanjut="Sudah.", status="selesai", peran="admin", staf_id=None)
    login("admin")
    page = text_of(client.get("/staf/admin/pengaduan"))
    order = sorted((page.index(nomor.grouped(n)), n)
                   for n in (answered, waiting, newest_answered))
    # Unanswered first; then those still being handled, before finished ones.
    assert [n for _pos, n in order] == [waiting, answered, newest_answered]


def test_confirmation_page_without_a_complaint_goes_to_the_form(client):
    r = client.get("/pengaduan/terkirim")
    assert r.status_code == 302 and r.location.endswith("/pengaduan")


def test_lookups_are_rate_limited(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "WTF_CSRF_ENABLED": False,
                      "DATABASE": str(tmp_path / "t.db"), "UPLOAD_FOLDER": str(tmp_path / "u"),
                      "NOTIFY_OUTBOX_FILE": str(tmp_path / "o.log"),
                      "STATUS_RATE_LIMIT": "2 per minute", "RATELIMIT_ENABLED": True})
    client = app.test_client()
    # Its own address: the limiter's memory is shared by every app in this test run.
    codes = [client.post("/pengaduan/cek", data={"nomor": "1"},
                         environ_base={"REMOTE_ADDR": "10.9.7.1"}).status_code
             for _ in range(3)]
    assert codes == [200, 200, 429]
