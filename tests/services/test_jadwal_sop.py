"""Working days as the citizen, the Kepala Kantor and the admin meet them: a day the office is
closed cannot be booked and is named; a day chosen after the SOP time moves the deadline and the
pages say so; the office cannot set a day after the deadline the citizen did not choose; the
admin adds and takes back closure days (/staf/admin/hari-tutup)."""
import io
from datetime import date, timedelta

from pwa.domain import sop
from pwa.services import kalender
from pwa.store import permohonan as requests

from tests.pages import text_of
from tests.factories import submitted_request
from tests.flows import (PNG, answers, next_working_day, office_today, requirement_ids, service_id,
                     submit_request)

CEREMONY = "Upacara piodalan pura kantor"


def _to_schedule(client, db, slug: str, mode: str) -> dict:
    """A citizen's draft answered up to the jadwal step."""
    a = answers(mode)
    for url, data in [("/ajukan", {"mulai": "baru"}),
                      ("/ajukan/layanan", {"layanan": str(service_id(db, slug))}),
                      ("/ajukan/cara", {"mode": mode}),
                      ("/ajukan/data-diri", {k: a[k] for k in ("nama", "telepon", "nik")}),
                      ("/ajukan/alamat", {k: a[k] for k in ("alamat", "desa", "kecamatan")}),
                      ("/ajukan/kebutuhan", {k: a[k] for k in ("kategori", "bantuan")})]:
        assert client.post(url, data=data).status_code == 302, url
    return a


def _close(client, login, day: date, reason: str = CEREMONY):
    login("admin")
    r = client.post("/staf/admin/hari-tutup", data={"tanggal": day.isoformat(), "alasan": reason})
    assert r.status_code == 302, text_of(r)[:1500]
    client.post("/staf/keluar")


def test_a_day_the_office_closed_cannot_be_booked_and_is_named(app, client, db, login):
    day = next_working_day()
    _close(client, login, day)
    after = next_working_day(day)
    _to_schedule(client, db, "legalisir-ijazah", "jemput_bola")
    page = client.get("/ajukan/jadwal")
    shown = text_of(page)
    assert CEREMONY in shown  # listed among the days the office is closed
    with app.test_request_context():
        first = app.jinja_env.filters["tanggal"](after.isoformat(), "EEEE, d MMMM y")
    assert f"mulai {first}" in shown  # "tomorrow" is the next day the office is open
    html = page.get_data(as_text=True)  # the voice dialogue's numbered days skip it too
    assert after.isoformat() in html and day.isoformat() not in html
    r = client.post("/ajukan/jadwal", data={"tanggal": day.isoformat(), "jam": "09:00"})
    assert r.status_code == 200 and (
        f"Kantor tutup pada hari itu ({CEREMONY}). Pilih hari kerja lain." in text_of(r))
    r = client.post("/ajukan/jadwal", data={"tanggal": after.isoformat(), "jam": "09:00"})
    assert r.status_code == 302


def test_a_day_chosen_after_the_sop_time_moves_the_deadline_and_every_page_says_so(
        app, client, db):
    sop_days = db.execute("SELECT sop_hari FROM layanan WHERE slug = 'legalisir-ijazah'"
                          ).fetchone()[0]
    days = kalender.national()
    today = office_today()
    normal = sop.deadline(today, sop_days, days)
    chosen = sop.add_working_days(normal, 5, days)
    assert chosen <= today + timedelta(days=60)

    _to_schedule(client, db, "legalisir-ijazah", "langsung")
    assert client.post("/ajukan/jadwal", data={"tanggal": chosen.isoformat()}).status_code == 302
    lid = service_id(db, "legalisir-ijazah")
    files = {f"dok_{rid}": (io.BytesIO(PNG), f"d{rid}.png") for rid in requirement_ids(db, lid)}
    assert client.post("/ajukan/dokumen", data=files,
                       content_type="multipart/form-data").status_code == 302
    check = text_of(client.get("/ajukan/periksa"))
    assert "dihitung dari tanggal yang Anda pilih karena tanggal itu setelah" in check
    r = client.post("/ajukan/periksa", data={"persetujuan": "y"})
    pid = int(r.location.rsplit("/", 1)[1])

    p = requests.get(db, pid)
    assert p["batas_sop"] == sop.deadline(chosen, sop_days, days).isoformat()
    assert p["batas_dari_jadwal"] == 1
    done = text_of(client.get(f"/ajukan/selesai/{pid}"))
    assert "Batas waktu ini dihitung dari tanggal yang Anda pilih" in done
    status = text_of(client.get(f"/permohonan/{pid}"))
    assert "(dihitung dari tanggal yang Anda pilih)" in status
    assert "Ajukan keberatan" not in status and "sudah terlewati" not in status
    # The message the citizen receives gives the moved deadline.
    with app.test_request_context():
        moved = app.jinja_env.filters["tanggal"](p["batas_sop"], "EEE d MMM")
    isi = db.execute("SELECT isi FROM pesan WHERE permohonan_id = ?", (pid,)).fetchone()[0]
    assert f"selesai paling lambat {moved}." in isi


def test_a_day_within_the_sop_time_leaves_the_deadline_from_submission(app, client, db):
    pid, _number = submit_request(client, db, "legalisir-ijazah", "langsung")
    p = requests.get(db, pid)
    assert p["batas_sop"] == sop.deadline(office_today(), p["sop_hari"],
                                          kalender.national()).isoformat()
    assert p["batas_dari_jadwal"] == 0
    assert "dihitung dari tanggal" not in text_of(client.get(f"/permohonan/{pid}"))


def test_the_kepala_kantor_cannot_set_a_day_after_the_deadline_the_citizen_did_not_choose(
        app, client, db, login):
    days = kalender.national()
    chosen = sop.add_working_days(office_today(), 20, days)
    p = submitted_request(db, app.config["UPLOAD_FOLDER"], jadwal=f"{chosen.isoformat()}T09:00")
    with db.conn:
        requests.update_fields(db, p["id"], {"status": "diparaf"})
    deadline = date.fromisoformat(p["batas_sop"])
    petugas = str(db.execute("SELECT id FROM staf WHERE username = 'petugas'").fetchone()[0])
    login("kepala_kantor")

    def approve(day: date):
        return client.post(f"/staf/permohonan/{p['id']}/aksi/setujui", data={
            "setujui-petugas": petugas, "setujui-tanggal": day.isoformat(),
            "setujui-jam": "10:00"})

    later = sop.next_working_day(deadline, days)
    r = approve(later)
    assert r.status_code == 400
    with app.test_request_context():
        written = app.jinja_env.filters["tanggal"](deadline.isoformat())
    assert (f"Tanggal layanan melewati batas waktu SOP ({written}). Pilih tanggal sampai "
            f"{written}, atau tanggal yang dipilih pemohon.") in text_of(r)
    assert f'value="{later.isoformat()}"' in r.get_data(as_text=True)  # kept as typed
    saturday = deadline + timedelta(days=(5 - deadline.weekday()) % 7)
    assert "Kantor tutup hari Sabtu dan Minggu" in text_of(approve(saturday))
    assert requests.get(db, p["id"])["status"] == "diparaf"
    r = approve(chosen)  # the citizen's own day, after the deadline: allowed
    assert r.status_code == 302
    assert requests.get(db, p["id"])["jadwal_petugas"] == f"{chosen.isoformat()}T10:00"


def test_the_admin_closes_a_day_and_opens_it_again(app, client, db, login):
    login("admin")
    page = text_of(client.get("/staf/admin/hari-tutup"))
    assert "Hari Raya Natal" in page and "Libur nasional" in page

    r = client.post("/staf/admin/hari-tutup", data={"tanggal": "", "alasan": ""})
    assert r.status_code == 200 and "Masukkan tanggal kantor tutup" in text_of(r)
    assert "Tuliskan alasan kantor tutup" in text_of(r)
    today = office_today()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    refusals = {
        today.isoformat(): "Pilih tanggal setelah hari ini.",
        saturday.isoformat(): "Kantor memang tutup hari Sabtu dan Minggu.",
    }
    holiday = kalender.national().closures_between(today + timedelta(days=1),
                                                   today + timedelta(days=366))[0]
    refusals[holiday.tanggal.isoformat()] = f"Kantor sudah tutup pada hari itu: {holiday.nama}."
    for day, message in refusals.items():
        r = client.post("/staf/admin/hari-tutup", data={"tanggal": day, "alasan": CEREMONY})
        assert message in text_of(r), day
        assert f'value="{CEREMONY}"' in r.get_data(as_text=True)  # what was typed is kept

    day = next_working_day()
    r = client.post("/staf/admin/hari-tutup", data={"tanggal": day.isoformat(),
                                                    "alasan": CEREMONY}, follow_redirects=True)
    assert "Kantor tutup pada" in text_of(r) and CEREMONY in text_of(r)
    assert "Ditetapkan kantor" in text_of(r) and "Buka kembali" in text_of(r)
    assert not kalender.of(db).is_working_day(day)
    again = client.post("/staf/admin/hari-tutup", data={"tanggal": day.isoformat(),
                                                        "alasan": "Lagi"})
    assert f"Kantor sudah tutup pada hari itu: {CEREMONY}." in text_of(again)

    r = client.post(f"/staf/admin/hari-tutup/{day.isoformat()}/hapus", follow_redirects=True)
    assert "Kantor buka lagi pada" in text_of(r) and CEREMONY not in text_of(r)
    assert kalender.of(db).is_working_day(day)
    assert client.post("/staf/admin/hari-tutup/bukan-tanggal/hapus").status_code == 404
