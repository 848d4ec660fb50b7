"""The field officer's phone (issue 17.6): a card per task with when, where (and a geo: link for
the maps app), what the citizen needs, call / SMS / WhatsApp and the next step; today's first,
by time."""
import re
from datetime import date, datetime, timedelta

from pwa.domain import tugas
from pwa.domain.workflow import Aksi, Status

from pwa.store import permohonan as requests

from tests.pages import text_of
from tests.factories import staff_id, submitted_request
from tests.flows import office_today


def _task(id, when, status="disetujui", mode="jemput_bola"):
    return {"id": id, "jadwal_petugas": when, "status": status, "mode": mode, "petugas_id": 7}


def test_today_comes_first_by_time_then_unfinished_days_then_days_ahead():
    today = date(2026, 12, 7)
    tasks = [_task(1, "2026-12-08T08:00"), _task(2, "2026-12-07T13:00"),
             _task(3, "2026-12-04T09:00"), _task(4, "2026-12-07T08:30"),
             _task(5, None), _task(6, "2026-12-09T07:00")]
    assert [(g, [t["id"] for t in items]) for g, items in tugas.grouped(tasks, today)] == [
        (tugas.HARI_INI, [4, 2]), (tugas.TERLEWAT, [3]), (tugas.AKAN_DATANG, [1, 6, 5])]


def test_the_next_step_follows_the_workflow():
    assert tugas.next_step(_task(1, None, mode="antar_jemput"), 7) is Aksi.JEMPUT
    assert tugas.next_step(_task(1, None, "di_kantor", "antar_jemput"), 7) is Aksi.ANTAR_PULANG
    assert tugas.next_step(_task(1, None), 7) is Aksi.LAPOR
    assert tugas.next_step(_task(1, None), 8) is None  # not their task


def test_a_geo_link_searches_the_address_in_karangasem():
    link = tugas.geo_link(["Jl. Untung Surapati 5", "Subagan"], "Karangasem")
    assert link.startswith("geo:0,0?q=")
    assert "Subagan" in link and "Kabupaten%20Karangasem%2C%20Bali" in link
    assert " " not in link and "&" not in link.split("?q=")[1]


def _assigned(app, db, mode, when: datetime | None, **data):
    p = submitted_request(db, app.config["UPLOAD_FOLDER"], mode=mode, **data)
    requests.update_fields(db, p["id"], {
        "status": Status.DISETUJUI, "petugas_id": staff_id(db, "petugas"),
        "jadwal_petugas": when.isoformat(timespec="minutes") if when else None})
    db.conn.commit()
    return p


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def test_the_officer_sees_cards_not_a_table_today_first(app, client, db, login):
    today = office_today()
    later = _assigned(app, db, "jemput_bola", _at(today + timedelta(days=1), 8),
                      nama="Besok Pagi", bantuan=["kursi_roda"], disabilitas=["daksa"])
    afternoon = _assigned(app, db, "antar_jemput", _at(today, 14), nama="Siang Ini",
                          bantuan=["pendamping"], disabilitas=[],
                          alamat_jemput="Banjar Dinas Kangin, Bebandem")
    morning = _assigned(app, db, "jemput_bola", _at(today, 9, 30), nama="Pagi Ini",
                        bantuan=[], disabilitas=[], catatan="Rumah cat hijau dekat pura.")
    login("petugas")
    r = client.get("/staf/antrean")
    html, page = r.get_data(as_text=True), text_of(r)
    assert "Tugas layanan saya" in page and "<table" not in html.split("Pengantaran")[0]
    # In the order of the officer's day.
    order = [page.index(n) for n in ("09.30 · Pagi Ini", "14.00 · Siang Ini", "Besok Pagi")]
    assert order == sorted(order)
    assert page.index("Hari ini") < page.index("Pagi Ini") < page.index("Hari berikutnya")
    # Where, with a link for the maps app; the pick-up address for antar jemput.
    assert "Jemput di Banjar Dinas Kangin, Bebandem" in page
    assert re.search(r'href="geo:0,0\?q=Banjar%20Dinas%20Kangin', html)
    # Needs, the citizen's note, how to reach them, and the next step.
    assert "Kursi roda" in page and "Daksa (fisik)" in page
    assert "Rumah cat hijau dekat pura." in page
    assert 'href="tel:081234567890"' in html and 'href="sms:+6281234567890"' in html
    assert 'href="https://wa.me/6281234567890?text=' in html
    assert "Berikutnya: Jemput pemohon, lalu tandai sudah dijemput." in page
    assert f'href="/staf/permohonan/{afternoon["id"]}#aksi-jemput-title"' in html
    assert f'href="/staf/permohonan/{morning["id"]}#aksi-lapor-title"' in html
    assert later["nama"] in page


def test_a_deaf_citizen_is_written_to_and_their_interpreter_is_not_missed(app, client, db,
                                                                         login):
    _assigned(app, db, "jemput_bola", _at(office_today(), 10), nama="I Made Tuli",
              disabilitas=["rungu"], bantuan=["juru_bahasa_isyarat"])
    login("petugas")
    r = client.get("/staf/antrean")
    html, page = r.get_data(as_text=True), text_of(r)
    assert "Perlu juru bahasa isyarat Pastikan juru bahasa isyarat (BISINDO) ikut" in page
    assert "Hubungi lewat pesan teks, bukan telepon suara." in page
    assert 'href="tel:' not in html.split("Tugas layanan saya")[1].split("Pengantaran")[0]
    assert 'href="sms:+6281234567890"' in html


def test_office_and_online_services_have_no_address_to_go_to(app, client, db, login):
    _assigned(app, db, "langsung", _at(office_today(), 9), nama="Datang Sendiri")
    _assigned(app, db, "konsultasi", _at(office_today(), 10), nama="Lewat Video")
    login("petugas")
    r = client.get("/staf/antrean")
    page = text_of(r)
    assert "Di kantor: pemohon datang sendiri." in page
    assert "Konsultasi online, di ruang konsultasi MENTARI" in page
    assert "Buka ruang konsultasi" in page
    assert "geo:" not in r.get_data(as_text=True)


def test_another_officers_task_is_not_on_my_phone(app, client, db, login):
    p = _assigned(app, db, "jemput_bola", _at(office_today(), 9), nama="Bukan Tugas Saya")
    requests.update_fields(db, p["id"], {"petugas_id": staff_id(db, "petugas2")})
    db.conn.commit()
    login("petugas")
    assert "Bukan Tugas Saya" not in text_of(client.get("/staf/antrean"))


def test_the_other_roles_keep_their_queue_table(app, client, db, login):
    submitted_request(db, app.config["UPLOAD_FOLDER"], nama="Menunggu Periksa")
    login("verifikator")
    r = client.get("/staf/antrean")
    assert "<table" in r.get_data(as_text=True) and "Tugas layanan saya" not in text_of(r)
