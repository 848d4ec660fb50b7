"""Meragatan joined to the online request (issue 17.7): the satpam looks a registration number
up and the ticket carries the request; serving the ticket moves the request (the assigned
officer's service is its report; the Kasubag TU and Kepala Kantor steps stay theirs); the
waiting room's TV has a kiosk view that speaks and captions each call and plays the office's
sign-language information clips."""
import re

import pytest

from pwa.domain import nomor, tiket as rules
from pwa.domain.workflow import Status
from pwa.store import permohonan as requests

from tests.pages import text_of
from tests.factories import staff_id, submitted_request


def _langsung(app, db, status=Status.DISETUJUI, petugas="petugas", **data):
    """An online Layanan Langsung request, approved for `petugas` unless told otherwise."""
    data.setdefault("nama", "Ni Made Rai")
    data.setdefault("kategori", ["lansia"])
    data.setdefault("bantuan", ["kursi_roda"])
    data.setdefault("nik", "5107014501700001")
    p = submitted_request(db, app.config["UPLOAD_FOLDER"], mode="langsung", **data)
    fields = {"status": status}
    if petugas:
        fields["petugas_id"] = staff_id(db, petugas)
    requests.update_fields(db, p["id"], fields)
    db.conn.commit()
    return requests.get(db, p["id"])


def _look_up(client, number):
    return client.post("/staf/satpam", data={"cari-nomor": number, "tombol": "cari"})


def _register(client, p, loket="ptsp1"):
    r = client.post("/staf/satpam", data={
        "nama": p["nama"], "kebutuhan": "lansia", "layanan": str(p["layanan_id"]),
        "loket": loket, "nomor": nomor.grouped(p["nomor"])})
    assert r.status_code == 302, text_of(r)[:400]
    return int(r.location.rsplit("=", 1)[1])


def _call(client, login, who="petugas", loket="ptsp1"):
    login(who)
    client.post("/staf/loket", data={"loket": loket})
    return client.post("/staf/loket/panggil", follow_redirects=True)


# --- the satpam -------------------------------------------------------------------------------

def test_the_satpam_looks_the_number_up_and_the_form_is_filled_from_it(app, client, db, login):
    p = _langsung(app, db)
    login("satpam")
    r = _look_up(client, nomor.grouped(p["nomor"]))
    html, page = r.get_data(as_text=True), text_of(r)
    assert r.status_code == 200
    assert f"Permohonan {nomor.grouped(p['nomor'])}" in page and "Ni Made Rai" in page
    assert p["layanan_nama"] in page and "Bantuan yang diminta: Kursi roda" in page
    # Filled: the name, the priority group, the service and the number.
    assert 'id="nama" name="nama" type="text" value="Ni Made Rai"' in html
    assert re.search(r'name="kebutuhan" type="radio" value="lansia"\s+checked', html)
    assert re.search(rf'name="layanan" type="radio" value="{p["layanan_id"]}"\s+checked', html)
    assert f'value="{nomor.grouped(p["nomor"])}"' in html
    # The guard is not shown what they do not need: phone, NIK, address.
    assert p["telepon"] not in html and p["nik"] not in html and p["alamat"] not in html


@pytest.mark.parametrize("case, message", [
    ("kosong", "Masukkan nomor registrasi yang ditunjukkan pengunjung."),
    ("salah", "Nomor registrasi tidak sesuai."),
    ("tidak_ada", "Nomor registrasi tidak ditemukan."),
    ("bukan_langsung", "bukan Layanan Langsung"),
])
def test_a_number_that_cannot_be_joined_is_refused_with_a_reason(app, client, db, login, case,
                                                                 message):
    other = submitted_request(db, app.config["UPLOAD_FOLDER"], mode="jemput_bola")
    typed = {"kosong": "", "salah": "1234 5678 9012", "tidak_ada": nomor.grouped(
        nomor.generate()), "bukan_langsung": nomor.grouped(other["nomor"])}[case]
    login("satpam")
    r = _look_up(client, typed)
    page = text_of(r)
    assert page.startswith("Kesalahan:") and message in page
    assert 'href="#cari-nomor"' in r.get_data(as_text=True)  # the error summary's link


def test_a_request_gets_one_ticket_a_day(app, client, db, login):
    p = _langsung(app, db)
    login("satpam")
    _register(client, p)
    page = text_of(_look_up(client, nomor.grouped(p["nomor"])))
    assert "sudah mendapat nomor antrean P-001 hari ini" in page
    r = client.post("/staf/satpam", data={
        "nama": "Lagi", "kebutuhan": "lansia", "layanan": str(p["layanan_id"]),
        "loket": "ptsp1", "nomor": p["nomor"]})
    assert r.status_code == 200 and "sudah mendapat nomor antrean P-001" in text_of(r)
    assert db.execute("SELECT COUNT(*) FROM tiket").fetchone()[0] == 1


# --- the counter ------------------------------------------------------------------------------

def test_the_assigned_officer_serving_the_ticket_reports_the_request(app, client, db, login):
    p = _langsung(app, db)
    login("satpam")
    tiket_id = _register(client, p)
    page = text_of(_call(client, login))
    assert f"Permohonan online {nomor.grouped(p['nomor'])}" in page
    assert "hasil layanan ini menjadi laporan permohonan" in page
    assert "P-001 selesai dilayani dan kirim laporan" in page

    r = client.post(f"/staf/loket/{tiket_id}/selesai", data={
        f"layanan{tiket_id}-hasil": "berhasil",
        f"layanan{tiket_id}-catatan": "Legalisir diserahkan di loket."}, follow_redirects=True)
    page = text_of(r)
    assert "P-001 sudah selesai dilayani." in page
    assert "Status sekarang: Layanan selesai, laporan dikirim." in page
    assert db.execute("SELECT status FROM tiket WHERE id = ?", (tiket_id,)).fetchone()[0] == \
        rules.SERVED
    moved = requests.get(db, p["id"])
    assert moved["status"] == Status.DILAPORKAN
    assert requests.report(db, p["id"])["hasil"] == "berhasil"
    last = requests.history(db, p["id"])[-1]
    assert (last["aksi"], last["peran"], last["staf_id"]) == (
        "lapor", "petugas", staff_id(db, "petugas"))
    assert last["catatan"] == "Legalisir diserahkan di loket."
    # The citizen is told, and the next steps stay with the Kasubag TU and the Kepala Kantor.
    assert db.execute("SELECT COUNT(*) FROM pesan WHERE permohonan_id = ?",
                      (p["id"],)).fetchone()[0] >= 1
    login("kasubag_tu")
    assert nomor.grouped(p["nomor"]) in text_of(client.get("/staf/antrean"))


def test_a_report_without_a_result_is_refused_and_nothing_moves(app, client, db, login):
    p = _langsung(app, db)
    login("satpam")
    tiket_id = _register(client, p)
    _call(client, login)
    r = client.post(f"/staf/loket/{tiket_id}/selesai", data={
        f"layanan{tiket_id}-hasil": "sebagian", f"layanan{tiket_id}-catatan": ""})
    page = text_of(r)
    assert r.status_code == 400 and page.startswith("Kesalahan:")
    assert "Tuliskan apa yang belum dapat dilayani dan mengapa." in page
    # What was chosen stays chosen.
    assert re.search(r'value="sebagian"\s+checked', r.get_data(as_text=True))
    assert db.execute("SELECT status FROM tiket").fetchone()[0] == rules.CALLED
    assert requests.get(db, p["id"])["status"] == Status.DISETUJUI


def test_another_counter_person_closes_only_the_ticket(app, client, db, login):
    """The verifikator at the counter is not the assigned officer: the ticket closes, the
    request waits for its officer, and no step is skipped."""
    p = _langsung(app, db)
    login("satpam")
    tiket_id = _register(client, p)
    page = text_of(_call(client, login, who="verifikator"))
    assert "Permohonan ini menunggu langkah Petugas" in page
    r = client.post(f"/staf/loket/{tiket_id}/selesai", follow_redirects=True)
    page = text_of(r)
    assert "P-001 sudah selesai dilayani." in page
    assert f"Permohonan {nomor.grouped(p['nomor'])} tidak berubah" in page
    assert requests.get(db, p["id"])["status"] == Status.DISETUJUI


def test_a_verifikator_at_the_counter_is_pointed_to_their_own_step(app, client, db, login):
    p = _langsung(app, db, status=Status.DIAJUKAN, petugas=None)
    login("satpam")
    _register(client, p)
    page = text_of(_call(client, login, who="verifikator"))
    assert "Langkah Anda untuk permohonan ini ada di halaman permohonan: Teruskan ke Kasubag TU" \
        in page


def test_an_officer_not_assigned_gets_no_link_they_could_not_open(app, client, db, login):
    p = _langsung(app, db, petugas="petugas2")
    login("satpam")
    _register(client, p)
    html = _call(client, login).get_data(as_text=True)
    assert f'href="/staf/permohonan/{p["id"]}"' not in html
    assert "selesai dilayani dan kirim laporan" not in html


def test_while_serving_the_counter_offers_no_next_call(app, client, db, login):
    p = _langsung(app, db)
    login("satpam")
    _register(client, p)
    r = _call(client, login)
    assert 'action="/staf/loket/panggil"' not in r.get_data(as_text=True)
    assert "satu loket melayani satu orang" in text_of(r)


def test_the_request_page_lists_the_visit(app, client, db, login):
    p = _langsung(app, db)
    login("satpam")
    _register(client, p)
    _call(client, login)
    page = text_of(client.get(f"/staf/permohonan/{p['id']}"))
    assert "Kunjungan ke kantor (Meragatan)" in page
    assert re.search(r"Nomor antrean P-001, .*Loket 1 PTSP: Dipanggil, dipanggil \d\d\.\d\d "
                     r"oleh I Wayan Sudarma", page)


# --- the waiting room's TV ----------------------------------------------------------------------

def test_the_kiosk_shows_the_call_large_with_its_caption_and_nothing_else(app, client, db,
                                                                          login):
    p = _langsung(app, db, nama="Nama Rahasia")
    login("satpam")
    _register(client, p)
    _call(client, login)
    tv = app.test_client()
    r = tv.get("/antrian/kiosk")
    html, page = r.get_data(as_text=True), text_of(r)
    assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store"
    assert "Nomor P-001, silakan ke Loket 1 PTSP." in page
    assert 'data-panggilan-ucap="Nomor P 0 0 1, silakan ke Loket 1 PTSP."' in html
    assert 'aria-live="polite"' in html and 'src="/static/js/antrian.js' in html
    # No header, menu, footer, language or voice offer, and no names.
    for absent in ("<header", "<footer", "<nav", "Nama Rahasia", "Mode suara", "Basa Bali"):
        assert absent not in html, absent


def test_the_kiosk_board_refresh_carries_a_fresh_token_for_the_voice(app, client):
    r = client.get("/antrian/kiosk", headers={"HX-Request": "true"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html and 'data-csrf="' in html
    assert r.headers["Cache-Control"] == "no-store"


def test_the_kiosk_says_when_no_sign_language_clip_is_recorded(client):
    assert "belum direkam kantor" in text_of(client.get("/antrian/kiosk"))


def test_the_kiosk_plays_the_offices_information_clips_with_captions(app, client, tmp_path):
    from pwa.isyarat import contoh, pustaka
    source = tmp_path / "klip.mp4"
    contoh.buat_video(source, "kiosk", seconds=1.0, width=320, height=180)
    vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nKelompok rentan didahulukan.\n"
    pustaka.add(app.config["ISYARAT_FOLDER"], source, "info:meragatan", "Meragatan",
                "Ni Made Juru", captions={"id": vtt})
    r = client.get("/antrian/kiosk")
    html, page = r.get_data(as_text=True), text_of(r)
    assert "belum direkam kantor" not in page and "Meragatan" in page
    assert re.search(r"<video[^>]*data-kiosk-video[^>]*muted[^>]*autoplay", html)
    assert re.search(r'<track kind="captions" srclang="id"[^>]*default>', html)


def test_the_information_clips_are_on_the_admins_list_to_record(client, login):
    login("admin")
    page = text_of(client.get("/staf/admin/isyarat"))
    assert "info:meragatan" in page and "Layar antrean di ruang tunggu" in page


def test_the_kiosk_voice_is_the_apps_own_and_accepts_the_boards_token(app, tmp_path):
    """The TV speaks through /suara/ucap with the CSRF token of the last board refresh (a
    page's token is valid for an hour; the TV runs all day)."""
    from speech import tts
    tts.configure(tmp_path / "suara")
    app.config["WTF_CSRF_ENABLED"] = True
    tv = app.test_client()
    html = tv.get("/antrian/kiosk?fragment=1").get_data(as_text=True)
    token = re.search(r'data-csrf="([^"]+)"', html).group(1)
    refused = tv.post("/suara/ucap", data={"teks": "Nomor P 0 0 1.", "lang": "id"})
    assert refused.status_code == 400
    r = tv.post("/suara/ucap", data={"teks": "Nomor P 0 0 1, silakan ke Loket 1 PTSP.",
                                     "lang": "id"}, headers={"X-CSRFToken": token})
    assert r.status_code == 200 and r.mimetype == "audio/ogg" and len(r.data) > 1000


def test_a_ticket_number_is_spoken_letter_then_digits():
    assert rules.spoken_number("P-001") == "P 0 0 1"
    assert rules.spoken_number("A-012") == "A 0 1 2"
