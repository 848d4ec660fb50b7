"""Meragatan: vulnerable walk-ins are called before the normal queue, at the counter they need."""
import re

from pwa.domain import nomor, tiket as queueing
from pwa.store import permohonan as requests

from tests.pages import text_of


def _ticket(id, loket, prioritas, dibuat_at, status="menunggu"):
    return {"id": id, "loket": loket, "prioritas": prioritas, "dibuat_at": dibuat_at,
            "status": status}


def test_priority_is_called_before_normal_whatever_the_arrival_order():
    tickets = [
        _ticket(1, "ptsp1", 0, "2026-11-05T01:00:00+00:00"),
        _ticket(2, "ptsp1", 0, "2026-11-05T01:05:00+00:00"),
        _ticket(3, "ptsp1", 1, "2026-11-05T01:30:00+00:00"),
        _ticket(4, "ptsp1", 1, "2026-11-05T01:10:00+00:00"),
    ]
    assert [t["id"] for t in queueing.ordered(tickets)] == [4, 3, 1, 2]
    assert queueing.next_for_counter(tickets, "ptsp1")["id"] == 4


def test_each_counter_calls_only_its_own_tickets():
    tickets = [
        _ticket(1, "ptsp1", 0, "2026-11-05T01:00:00+00:00"),
        _ticket(2, "haji", 1, "2026-11-05T00:50:00+00:00"),
    ]
    assert queueing.next_for_counter(tickets, "ptsp1")["id"] == 1
    assert queueing.next_for_counter(tickets, "haji")["id"] == 2
    assert queueing.next_for_counter(tickets, "konsultasi") is None


def test_called_and_served_tickets_are_not_called_again():
    tickets = [
        _ticket(1, "ptsp1", 1, "2026-11-05T01:00:00+00:00", status="dipanggil"),
        _ticket(2, "ptsp1", 1, "2026-11-05T01:01:00+00:00", status="selesai"),
        _ticket(3, "ptsp1", 0, "2026-11-05T01:02:00+00:00"),
    ]
    assert queueing.next_for_counter(tickets, "ptsp1")["id"] == 3


def test_every_category_but_umum_is_priority_and_numbers_say_so():
    assert all(queueing.is_priority(k) for k in
               ("lansia", "disabilitas", "ibu_hamil", "anak", "fakir_miskin"))
    assert not queueing.is_priority("umum")
    assert queueing.ticket_number(queueing.prefix_for(True), 1) == "P-001"
    assert queueing.ticket_number(queueing.prefix_for(False), 12) == "A-012"


def _register(client, nama, kebutuhan, loket="ptsp1", layanan="1", **extra):
    return client.post("/staf/satpam", data=dict(nama=nama, kebutuhan=kebutuhan, loket=loket,
                                                 layanan=layanan, **extra))


def test_satpam_registers_a_walk_in_and_sees_the_ticket_and_counter(client, login):
    login("satpam")
    _register(client, "I Ketut Normal", "umum")
    r = _register(client, "Ni Nyoman Lansia", "lansia", loket="haji")
    assert r.status_code == 302
    page = text_of(client.get(r.location))
    assert "P-001" in page and "Antar ke Loket Haji." in page
    assert "Prioritas: dipanggil sebelum antrean biasa." in page
    # Today's list shows both, the normal one numbered in its own series.
    assert "A-001" in page and "I Ketut Normal" in page


def test_anonymous_and_citizens_cannot_register_walk_ins(client, db, login):
    r = _register(client, "Penyusup", "umum")
    assert r.status_code == 302 and "/staf/masuk" in r.location
    login("petugas")  # counter staff call tickets; registering is the guard's job
    assert _register(client, "Penyusup", "umum").status_code == 403
    assert db.execute("SELECT COUNT(*) FROM tiket").fetchone()[0] == 0


def test_registration_errors_are_listed_and_the_name_is_kept(client, login):
    login("satpam")
    r = client.post("/staf/satpam", data={"nama": "Ni Luh", "loket": "ptsp1"})
    page = text_of(r)
    assert r.status_code == 200 and page.startswith("Kesalahan:")
    assert "Pilih kelompok pengunjung" in page and "Pilih layanan yang diperlukan." in page
    assert 'value="Ni Luh"' in r.get_data(as_text=True)


def test_a_mistyped_registration_number_is_refused(client, login):
    login("satpam")
    body = "12345678901"
    wrong = body + str((int(nomor.damm.calc_check_digit(body)) + 1) % 10)
    page = text_of(_register(client, "Ni Luh", "lansia", nomor=wrong))
    assert "Nomor registrasi tidak sesuai." in page


def test_a_walk_in_can_be_linked_to_their_online_langsung_request(client, db, login):
    number = nomor.generate()
    pid = requests.create(db, nomor=number, idempotency_key=None, layanan_id=1, mode="langsung",
                          status="disetujui", bahasa="id", batas_sop="2099-01-01",
                          data={"nama": "Ni Luh", "telepon": "081234567890", "alamat": "-",
                                "desa": "Subagan", "kecamatan": "Karangasem"})
    login("satpam")
    r = _register(client, "Ni Luh", "disabilitas", nomor=nomor.grouped(number))
    assert r.status_code == 302
    tiket_id = int(r.location.rsplit("=", 1)[1])
    assert db.execute("SELECT permohonan_id FROM tiket WHERE id = ?",
                      (tiket_id,)).fetchone()[0] == pid


def test_counter_calls_priority_first_and_only_for_its_counter(client, login):
    login("satpam")
    _register(client, "Pertama Datang", "umum", loket="ptsp1")
    _register(client, "Ibu Hamil", "ibu_hamil", loket="ptsp1")
    _register(client, "Lansia Di Loket Haji", "lansia", loket="haji")
    login("petugas")
    assert client.post("/staf/loket", data={"loket": "ptsp1"}).status_code == 302

    first = text_of(client.post("/staf/loket/panggil", follow_redirects=True))
    assert "Silakan layani P-001: Ibu Hamil." in first
    _finish_current(client)
    second = text_of(client.post("/staf/loket/panggil", follow_redirects=True))
    assert "Silakan layani A-001: Pertama Datang." in second
    _finish_current(client)
    third = text_of(client.post("/staf/loket/panggil", follow_redirects=True))
    assert "Tidak ada yang menunggu di Loket 1 PTSP." in third  # P-002 waits at Loket Haji


def _finish_current(client):
    import re
    html = client.get("/staf/loket").get_data(as_text=True)
    tiket_id = re.search(r'action="/staf/loket/(\d+)/selesai"', html).group(1)
    assert client.post(f"/staf/loket/{tiket_id}/selesai").status_code == 302


def test_a_counter_serves_one_ticket_at_a_time(client, db, login):
    login("satpam")
    _register(client, "Pertama", "umum", loket="ptsp1")
    _register(client, "Kedua", "umum", loket="ptsp1")
    login("petugas")
    client.post("/staf/loket", data={"loket": "ptsp1"})
    client.post("/staf/loket/panggil")
    page = text_of(client.post("/staf/loket/panggil", follow_redirects=True))
    assert "Selesaikan dulu tiket yang sedang Anda layani" in page
    assert [r[0] for r in db.execute("SELECT status FROM tiket ORDER BY id")] == [
        "dipanggil", "menunggu"]


def test_only_the_calling_counter_finishes_a_called_ticket(app, client, db, login):
    login("satpam")
    _register(client, "Belum Dipanggil", "umum", loket="ptsp1")
    _register(client, "Di Loket Haji", "lansia", loket="haji")
    waiting, at_haji = [r[0] for r in db.execute("SELECT id FROM tiket ORDER BY id")]
    login("petugas")
    client.post("/staf/loket", data={"loket": "haji"})
    client.post("/staf/loket/panggil")  # Loket Haji calls its own
    client.post("/staf/loket", data={"loket": "ptsp1"})  # the same person moves to PTSP 1
    refused_other = text_of(client.post(f"/staf/loket/{at_haji}/selesai", follow_redirects=True))
    assert "dilayani di loket lain" in refused_other
    refused_waiting = text_of(client.post(f"/staf/loket/{waiting}/selesai",
                                          follow_redirects=True))
    assert "belum dipanggil" in refused_waiting
    assert [r[0] for r in db.execute("SELECT status FROM tiket ORDER BY id")] == [
        "menunggu", "dipanggil"]


def test_calling_needs_a_chosen_counter(client, login):
    login("verifikator")
    page = text_of(client.post("/staf/loket/panggil", follow_redirects=True))
    assert "Pilih dulu loket tempat Anda melayani." in page


def test_served_ticket_leaves_the_counter(client, db, login):
    login("satpam")
    _register(client, "Ni Kadek", "anak")
    login("petugas")
    client.post("/staf/loket", data={"loket": "ptsp1"})
    client.post("/staf/loket/panggil")
    tiket_id = db.execute("SELECT id FROM tiket").fetchone()[0]
    assert "Sedang dilayani: P-001" in text_of(client.get("/staf/loket"))
    page = text_of(client.post(f"/staf/loket/{tiket_id}/selesai", follow_redirects=True))
    assert "P-001 sudah selesai dilayani." in page and "Sedang dilayani" not in page
    assert db.execute("SELECT status FROM tiket").fetchone()[0] == "selesai"


def test_display_shows_the_called_ticket_and_counter_without_names(app, client, login):
    login("satpam")
    _register(client, "Nama Rahasia", "lansia", loket="haji")
    _register(client, "Masih Menunggu", "umum", loket="haji")
    login("admin")
    client.post("/staf/loket", data={"loket": "haji"})
    client.post("/staf/loket/panggil")

    public = app.test_client()  # the TV is not signed in
    page = text_of(public.get("/antrian"))
    assert "Nomor P-001, silakan ke Loket Haji." in page
    assert "Nama Rahasia" not in page and "Masih Menunggu" not in page
    # One normal ticket still waits at Loket Haji.
    assert re.search(r"Loket Haji 0 1", page)


def test_display_refresh_returns_only_the_board(client):
    for response in (client.get("/antrian", headers={"HX-Request": "true"}),
                     client.get("/antrian?fragment=1")):
        html = response.get_data(as_text=True)
        assert response.status_code == 200 and "<html" not in html
        assert "Panggilan terakhir" in html
        assert response.headers["Cache-Control"] == "no-store"
    full = client.get("/antrian").get_data(as_text=True)
    assert "<html" in full and 'aria-live="polite"' in full
    assert 'http-equiv="refresh"' not in full
