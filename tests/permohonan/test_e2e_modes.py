"""End to end, through the HTTP client only, as browsers without JavaScript would: a citizen's
request in each of the four modes from the wizard to the rating, and the ways a request can go
otherwise (returned and fixed, rejected, late with an objection).

The citizen and the office use different browsers (clients). What is asserted is what people
read: page text, the status page's timeline, flash messages, and the SMS/WhatsApp outbox.
Where time must pass (a request filed ten days ago), the request's dates are moved in the
store; every action is an HTTP request.
"""
import io
import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from babel.dates import format_date

from pwa.domain import nomor, pesan, sop
from pwa.services import kalender
from pwa.store import permohonan as request_store

from tests.pages import text_of
from tests.flows import (PDF, PNG, deliver_notifications, next_working_day, office_day, office_today,
                    submit_request)

# One service per mode, each with documents to check (konsultasi: a service that needs some).
SERVICE_FOR_MODE = {
    "antar_jemput": "rekomendasi-paspor",
    "jemput_bola": "rumah-ibadah",
    "konsultasi": "izin-pasraman",
    "langsung": "legalisir-ijazah",
}
# What the status page tells the citizen to do once an officer is assigned.
READY = {
    "antar_jemput": "Bersiaplah untuk dijemput petugas pada waktu yang tertera.",
    "jemput_bola": "Petugas akan datang ke rumah Anda pada waktu yang tertera.",
    "konsultasi": "Pada waktu konsultasi yang tertera, buka ruang Konsultasi Online di halaman "
                  "ini (dibuka 10 menit sebelumnya).",
    "langsung": "Datanglah ke kantor pada waktu yang tertera dan tunjukkan nomor registrasi",
}
PICKUP_STEPS = (  # antar jemput only: (action, button text, status the citizen then reads)
    ("jemput", "Pemohon sudah dijemput", "Dijemput petugas"),
    ("tiba_di_kantor", "Sudah tiba di kantor", "Sedang dilayani di kantor"),
    ("antar_pulang", "Pemohon sudah diantar pulang", "Diantar pulang"),
)
OFFICER = "I Wayan Sudarma"  # the demo "petugas"
# What the approval's SMS says the officer does, per mode.
SMS_DAY = {"antar_jemput": "menjemput Anda", "jemput_bola": "datang ke rumah Anda",
           "konsultasi": "konsultasi dengan", "langsung": "di kantor"}
WAIT = "Tidak ada yang perlu Anda lakukan sekarang. Kami akan memberi kabar."


# --- the two sides: a citizen's browser and the office's browser ------------------------------

class Citizen:
    """A citizen's own browser: it owns the request it submitted (nothing else)."""

    def __init__(self, app, db):
        self.client, self.db = app.test_client(), db

    def submit(self, mode: str, slug: str | None = None) -> tuple[int, str]:
        self.pid, self.number = submit_request(self.client, self.db,
                                               slug or SERVICE_FOR_MODE[mode], mode)
        return self.pid, self.number

    def status(self):
        r = self.client.get(f"/permohonan/{self.pid}")
        assert r.status_code == 200, r.location
        return r

    def status_text(self) -> str:
        return text_of(self.status())

    def timeline(self) -> list[dict]:
        return timeline_of(self.status().get_data(as_text=True))


class Office:
    """The office's shared browser: staff sign in and out by role."""

    def __init__(self, client, login):
        self.client, self.login = client, login

    def as_role(self, role: str) -> "Office":
        self.login(role)
        return self

    def queue(self) -> str:
        return text_of(self.client.get("/staf/antrean"))

    def request_page(self, pid: int):
        r = self.client.get(f"/staf/permohonan/{pid}")
        assert r.status_code == 200
        return r

    def act(self, pid: int, aksi: str, data: dict | None = None, **kwargs):
        """Press an action's button on the request page (the form must be offered there)."""
        html = self.request_page(pid).get_data(as_text=True)
        action = f"/staf/permohonan/{pid}/aksi/{aksi}"
        assert f'action="{action}"' in html, f"{aksi} is not offered on the request page"
        return self.client.post(action, data=data or {}, follow_redirects=True, **kwargs)

    def check_all_met(self, pid: int):
        """The verifikator marks every requirement on the page as met and passes it on."""
        html = self.request_page(pid).get_data(as_text=True)
        questions = sorted(set(re.findall(r'name="(periksa-m_\d+)"', html)))
        assert questions, "no requirement to check on the request page"
        data = {q: "ya" for q in questions}
        data["tombol"] = "teruskan"
        return self.client.post(f"/staf/permohonan/{pid}/periksa", data=data,
                                follow_redirects=True)

    def approve(self, pid: int, day, hour: str, officer: str = OFFICER):
        html = self.request_page(pid).get_data(as_text=True)
        return self.act(pid, "setujui", {
            "setujui-petugas": option_value(html, "setujui-petugas", officer),
            "setujui-tanggal": day.isoformat(), "setujui-jam": hour,
            "setujui-catatan": "Bawa kursi roda lipat."})


def option_value(html: str, select_name: str, label: str) -> str:
    select = re.search(rf'<select[^>]*name="{select_name}".*?</select>', html, re.S).group(0)
    return re.search(rf'<option[^>]*value="([^"]+)"[^>]*>\s*{re.escape(label)}\s*</option>',
                     select).group(1)


def timeline_of(html: str) -> list[dict]:
    """Each step of the status page's timeline: title, date-time, and the line under it."""
    section = re.search(r'<section class="timeline".*?</section>', html, re.S).group(0)
    steps = []
    for item in re.findall(r'<li class="timeline__item">(.*?)</li>', section, re.S):
        meta = re.search(r'<p class="timeline__meta">(.*?)</p>', item, re.S).group(1)
        note = re.search(r'<p class="timeline__note">(.*?)</p>', item, re.S)
        steps.append({
            "title": _text(re.search(r"<h3[^>]*>(.*?)</h3>", item, re.S).group(1)),
            "datetime": re.search(r'<time datetime="([^"]+)"', meta).group(1),
            "meta": _text(meta),
            "note": _text(note.group(1)) if note else "",
        })
    return steps


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def outbox(app, number: str) -> list[str]:
    """Messages the (file) sender delivered about this request, oldest first."""
    deliver_notifications(app)
    path = app.config["NOTIFY_OUTBOX_FILE"]
    grouped = nomor.grouped(number)
    with open(path, encoding="utf-8") as f:
        sent = [json.loads(line) for line in f]
    return [m["text"] for m in sent if grouped in m["text"]]


def flashed(response) -> str:
    return text_of(response)


def _tanggal(app, day) -> str:
    """A date as the pages write it (the `tanggal` filter)."""
    with app.test_request_context():
        return app.jinja_env.filters["tanggal"](day.isoformat())


# --- each mode, from the wizard to the rating ------------------------------------------------

@pytest.mark.parametrize("mode", list(SERVICE_FOR_MODE))
def test_a_request_in_each_mode_goes_from_the_wizard_to_the_rating(app, client, db, login,
                                                                   mode):
    citizen, office = Citizen(app, db), Office(client, login)
    pid, number = citizen.submit(mode)
    shown = nomor.grouped(number)
    done = text_of(citizen.client.get(f"/ajukan/selesai/{pid}"))
    assert shown in done
    page = citizen.status_text()
    assert "Diajukan, menunggu pemeriksaan" in page and WAIT in page
    assert "Belum ditugaskan" in page

    # Verifikator: the request waits in their queue; each requirement is checked, then passed on.
    office.as_role("verifikator")
    assert shown in office.queue()
    r = office.check_all_met(pid)
    assert "Diverifikasi dan diteruskan. Status sekarang: Diverifikasi, menunggu paraf" in (
        flashed(r))
    assert shown not in office.queue()

    # Kasubag TU initials it.
    office.as_role("kasubag_tu")
    assert shown in office.queue()
    r = office.act(pid, "paraf", {"paraf-catatan": "Lengkap."})
    assert "Status sekarang: Diparaf, menunggu persetujuan Kepala Kantor" in flashed(r)

    # Kepala Kantor approves, assigning an officer and a time.
    office.as_role("kepala_kantor")
    assert shown in office.queue()
    day = next_working_day(next_working_day())
    r = office.approve(pid, day=day, hour="10:30")
    assert "Status sekarang: Disetujui, petugas ditugaskan" in flashed(r)

    page = citizen.status_text()
    assert "Disetujui, petugas ditugaskan" in page and READY[mode] in page
    assert f"Petugas {OFFICER}" in page
    assert f"{_tanggal(app, day)}, 10.30" in page  # the officer's time, as the citizen reads it
    assert "Beri penilaian" not in page  # not before the service is given

    # The officer: their task list, the pick-up steps (antar jemput), then the report.
    office.as_role("petugas")
    assert shown in office.queue()
    if mode == "antar_jemput":
        refused = office.client.post(f"/staf/permohonan/{pid}/aksi/lapor",
                                     data={"lapor-hasil": "berhasil"})
        assert refused.status_code == 409  # not before the citizen is home again
        for aksi, button, status in PICKUP_STEPS:
            assert button in text_of(office.request_page(pid))
            r = office.act(pid, aksi)
            assert f"Status sekarang: {status}" in flashed(r)
            assert status in citizen.status_text()
    attach = mode in ("antar_jemput", "jemput_bola")
    report = {"lapor-hasil": "berhasil", "lapor-catatan": f"Dilayani ({mode}) dengan baik."}
    if attach:
        report["lapor-lampiran"] = (io.BytesIO(PDF), "berita-acara.pdf")
    r = office.act(pid, "lapor", report, content_type="multipart/form-data")
    assert "Status sekarang: Layanan selesai, laporan dikirim" in flashed(r)
    assert shown not in office.queue()

    # The report goes to the Kepala Kantor through the Kasubag TU.
    office.as_role("kasubag_tu")
    assert "Laporan petugas menunggu paraf" in office.queue() and shown in office.queue()
    r = office.act(pid, "paraf_laporan")
    assert "Status sekarang: Laporan diparaf Kasubag TU" in flashed(r)
    office.as_role("kepala_kantor")
    page = text_of(office.request_page(pid))
    assert f"Dilayani ({mode}) dengan baik." in page and "Layanan berhasil diberikan" in page
    attachment = office.client.get(f"/staf/laporan/{pid}/lampiran")
    if attach:
        assert "Lihat lampiran laporan" in page
        assert attachment.status_code == 200 and attachment.data.startswith(b"%PDF")
    else:
        assert attachment.status_code == 404
    r = office.act(pid, "terima_laporan")
    assert "Status sekarang: Selesai" in flashed(r)
    assert shown not in office.queue()

    # The citizen sees every step: date, role, the officer, what to do next.
    page = citizen.status_text()
    assert "Selesai" in page and f"Dilayani ({mode}) dengan baik." in page
    assert "Layanan sudah diberikan. Mohon beri penilaian untuk petugas." in page
    steps = citizen.timeline()
    expected = [("Permohonan diajukan", "Pemohon"),
                ("Diverifikasi dan diteruskan", "Verifikator (I Made Wirawan)"),
                ("Diparaf", "Kasubag TU (Dra. Ni Komang Ayu)"),
                ("Disetujui dan petugas ditugaskan", "Kepala Kantor (H. I Gusti Ngurah Rai)")]
    if mode == "antar_jemput":
        expected += [("Pemohon dijemput", f"Petugas ({OFFICER})"),
                     ("Tiba di kantor", f"Petugas ({OFFICER})"),
                     ("Pemohon diantar pulang", f"Petugas ({OFFICER})")]
    expected += [("Petugas melaporkan hasil layanan", f"Petugas ({OFFICER})"),
                 ("Laporan diparaf Kasubag TU", "Kasubag TU (Dra. Ni Komang Ayu)"),
                 ("Laporan diterima Kepala Kantor", "Kepala Kantor (H. I Gusti Ngurah Rai)")]
    assert [(s["title"], s["meta"].split(" · ")[1]) for s in steps] == expected
    for s in steps:  # every step carries its date and time, written for people
        when = datetime.fromisoformat(s["datetime"])
        assert abs(datetime.now(timezone.utc) - when) < timedelta(minutes=5)
        assert re.match(r"\d{1,2} \w+ \d{4}, \d{2}\.\d{2}", s["meta"]), s["meta"]

    # Three messages, not one per step: received, the service set (the officer, the day and
    # the time), and given (please rate). The office's inner steps are in the timeline above.
    messages = outbox(app, number)
    assert len(messages) == 3
    assert "diterima, selesai paling lambat" in messages[0]
    assert OFFICER in messages[1] and SMS_DAY[mode] in messages[1]
    with app.test_request_context():
        assert format_date(day, "EEE d MMM", locale="id") + " 10.30" in messages[1]
    assert f"selesai. Mohon nilai {OFFICER}:" in messages[2]
    for m in messages:
        assert pesan.septets(m) is not None and pesan.septets(m) <= 160
        assert app.config["PUBLIC_URL"] + "/status" in m
        assert "Info " + app.config["KANTOR_TELEPON"] in m
    inbox = page[page.index("Pesan untuk Anda"):]  # the same messages, newest first
    assert inbox.index(messages[-1]) < inbox.index(messages[0])

    # The citizen rates the officer, then answers the SKM.
    rate = citizen.client.get(f"/permohonan/{pid}/nilai")
    assert OFFICER in text_of(rate)
    r = citizen.client.post(f"/permohonan/{pid}/nilai",
                            data={"skor": "5", "komentar": "Sangat membantu."})
    assert r.status_code == 302 and r.location.endswith(f"/permohonan/{pid}/survei")
    r = citizen.client.post(f"/permohonan/{pid}/survei",
                            data={f"u{i}": "4" for i in range(1, 10)}, follow_redirects=True)
    assert "Penilaian dan jawaban survei Anda sudah kami terima." in text_of(r)
    assert "Beri penilaian untuk petugas" not in citizen.status_text()
    assert "Jumlah responden 1" in text_of(citizen.client.get("/skm"))
    office.as_role("kepala_kantor")
    page = text_of(office.request_page(pid))
    assert "Penilaian pemohon" in page and "5 dari 5" in page and "Sangat membantu." in page


# --- returned, fixed and resubmitted -----------------------------------------------------------

def _file_ten_days_ago(db, pid: int) -> str:
    """Time passes: the request was filed ten days ago; returns its (old) SOP deadline."""
    p = request_store.get(db, pid)
    filed = datetime.now(timezone.utc) - timedelta(days=10)
    deadline = sop.deadline(office_day(filed), p["sop_hari"], kalender.national()).isoformat()
    with db.conn:
        request_store.update_fields(db, pid, {"diajukan_at": filed.isoformat(timespec="seconds"),
                                              "batas_sop": deadline})
    return deadline


def test_a_returned_request_is_fixed_and_resubmitted_keeping_everything_given(
        app, client, db, login):
    citizen, office = Citizen(app, db), Office(client, login)
    pid, number = citizen.submit("jemput_bola", "rekomendasi-paspor")
    old_deadline = _file_ten_days_ago(db, pid)
    names = re.findall(r'/dokumen/\d+">([^<]+)</a>', citizen.status().get_data(as_text=True))
    assert len(names) == 3  # KTP, proof of payment, family card: as uploaded

    # The verifikator returns it with a reason for each of two documents; the third is fine.
    office.as_role("verifikator")
    html = office.request_page(pid).get_data(as_text=True)
    ktp, setoran, kk = sorted(set(re.findall(r'name="periksa-m_(\d+)"', html)), key=int)
    r = office.client.post(f"/staf/permohonan/{pid}/periksa", data={
        "tombol": "kembalikan",
        f"periksa-m_{ktp}": "tidak", f"periksa-alasan_{ktp}": "KTP sudah tidak berlaku",
        f"periksa-m_{setoran}": "tidak", f"periksa-alasan_{setoran}": "Foto bukti buram",
        f"periksa-m_{kk}": "ya"}, follow_redirects=True)
    assert "Status sekarang: Dikembalikan untuk diperbaiki" in text_of(r)

    page = citizen.status_text()
    assert "Dikembalikan untuk diperbaiki" in page
    assert "Perbaiki dokumen yang dikembalikan, lalu ajukan ulang." in page
    assert "Dokumen yang perlu diperbaiki" in page
    assert "Kartu Tanda Penduduk (KTP): KTP sudah tidak berlaku" in page
    assert "Bukti setoran atau surat dari travel: Foto bukti buram" in page
    assert "Unggah Kartu Keluarga yang baru" not in page  # the good one is not asked again
    assert any("perlu diperbaiki. Alasannya:" in m for m in outbox(app, number))

    # One good file and one wrong file: the good one is kept at once, the wrong one explained.
    r = citizen.client.post(f"/permohonan/{pid}/perbaiki", data={
        f"dok_{ktp}": (io.BytesIO(PNG), "ktp-baru.png"),
        f"dok_{setoran}": (io.BytesIO(b"MZ\x90\x00 not a picture"), "setoran.png")},
        content_type="multipart/form-data")
    assert r.status_code == 400
    assert "Berkas harus berupa PDF, JPG, PNG, atau WebP." in text_of(r)
    page = citizen.status_text()
    assert "Dikembalikan untuk diperbaiki" in page
    assert "Unggah Kartu Tanda Penduduk (KTP) yang baru" not in page
    assert "Unggah Bukti setoran atau surat dari travel yang baru" in page

    # The last fixed file goes in: back to the verifikator, with a new SOP deadline from today.
    r = citizen.client.post(f"/permohonan/{pid}/perbaiki", data={
        f"dok_{setoran}": (io.BytesIO(PDF), "setoran-jelas.pdf")},
        content_type="multipart/form-data", follow_redirects=True)
    page = text_of(r)
    assert "Dokumen terkirim. Permohonan Anda diperiksa kembali." in page
    assert "Diajukan, menunggu pemeriksaan" in page
    new_deadline = sop.deadline(office_today(), request_store.get(db, pid)["sop_hari"],
                                kalender.national())
    assert new_deadline.isoformat() > old_deadline
    assert f"Batas waktu (SOP) {_tanggal(app, new_deadline)}" in page
    assert _tanggal(app, datetime.fromisoformat(old_deadline).date()) not in page
    titles = [s["title"] for s in citizen.timeline()]
    assert titles == ["Permohonan diajukan", "Dikembalikan kepada pemohon",
                      "Permohonan diajukan ulang"]
    assert citizen.timeline()[1]["note"] == ("Kartu Tanda Penduduk (KTP): KTP sudah tidak "
                                             "berlaku; Bukti setoran atau surat dari travel: "
                                             "Foto bukti buram")

    # Nothing given was lost: the family card as first uploaded, the two new files beside it.
    now_names = re.findall(r'/dokumen/\d+">([^<]+)</a>', r.get_data(as_text=True))
    assert now_names == ["ktp-baru.png", "setoran-jelas.pdf", names[2]]

    # The verifikator finds the same answers, the family card still marked met, and only the
    # two new files to check again.
    office.as_role("verifikator")
    assert nomor.grouped(number) in office.queue()
    staff_page = office.request_page(pid)
    html = staff_page.get_data(as_text=True)
    for kept in ("Ni Wayan Sari", "081234567890", "Jl. Untung Surapati 5, Banjar Kaler",
                 "Stempel dan formulir", "Kursi roda"):
        assert kept in text_of(staff_page)
    assert re.search(rf'name="periksa-m_{kk}"[^>]*value="ya" checked', html)
    for fixed in (ktp, setoran):
        assert not re.search(rf'name="periksa-m_{fixed}"[^>]*checked', html)
    assert "ktp-baru.png" in html and "setoran-jelas.pdf" in html
    r = office.check_all_met(pid)
    assert "Status sekarang: Diverifikasi, menunggu paraf Kasubag TU" in text_of(r)


# --- rejected ---------------------------------------------------------------------------------

def test_a_rejected_request_tells_the_citizen_why_and_ends_there(app, client, db, login):
    citizen, office = Citizen(app, db), Office(client, login)
    pid, number = citizen.submit("langsung", "rumah-ibadah")
    office.as_role("verifikator")
    office.check_all_met(pid)
    office.as_role("kasubag_tu")
    office.act(pid, "paraf")
    office.as_role("kepala_kantor")
    r = office.act(pid, "tolak")  # a rejection needs its reason
    assert "Tuliskan alasannya." in text_of(r)
    assert "Diparaf, menunggu persetujuan Kepala Kantor" in citizen.status_text()
    reason = "Jumlah pengguna rumah ibadah belum memenuhi syarat."
    r = office.act(pid, "tolak", {"tolak-catatan": reason})
    assert "Status sekarang: Ditolak" in text_of(r)
    assert "Tidak ada langkah untuk Anda pada status ini." in text_of(office.request_page(pid))
    assert nomor.grouped(number) not in office.queue()

    page = citizen.status_text()
    assert "Permohonan ditolak. Alasannya tertulis di riwayat di bawah." in page
    last = citizen.timeline()[-1]
    assert last["title"] == "Ditolak" and last["note"] == reason
    assert "Kepala Kantor (H. I Gusti Ngurah Rai)" in last["meta"]
    assert "Beri penilaian" not in page and "Ajukan keberatan" not in page
    assert "ditolak. Alasannya:" in outbox(app, number)[-1]
    rate = citizen.client.get(f"/permohonan/{pid}/nilai")
    assert "Belum bisa dinilai" in text_of(rate)


# --- overdue, objection upheld ---------------------------------------------------------------

def test_an_overdue_request_gets_an_objection_that_the_kepala_kantor_upholds(
        app, client, db, login, auth):
    citizen, office = Citizen(app, db), Office(client, login)
    pid, number = citizen.submit("jemput_bola", "legalisir-ijazah")
    shown = nomor.grouped(number)
    assert "Ajukan keberatan" not in citizen.status_text()  # not while on time

    _file_ten_days_ago(db, pid)
    page = citizen.status_text()
    assert "Batas waktu layanan sudah terlewati." in page and "Ajukan keberatan" in page
    office.as_role("verifikator")
    queue = office.queue()
    assert shown in queue and "Terlambat" in queue

    # The citizen objects: a reason is needed, and is kept when missing something.
    r = citizen.client.post(f"/permohonan/{pid}/keberatan", data={"alasan": ""})
    assert r.status_code == 400 and "Tuliskan alasan keberatan Anda." in text_of(r)
    reason = "Sudah sepuluh hari belum ada kabar, padahal batasnya dua hari."
    r = citizen.client.post(f"/permohonan/{pid}/keberatan", data={"alasan": reason},
                            follow_redirects=True)
    page = text_of(r)
    assert "Keberatan Anda diterima dan akan diperiksa Kepala Kantor." in page
    assert "Keberatan diajukan, sedang diperiksa" in page
    assert "Ajukan keberatan" not in page  # one at a time

    # The Kepala Kantor finds it in the queue and upholds it, choosing who delivers.
    office.as_role("kepala_kantor")
    queue_html = office.client.get("/staf/antrean").get_data(as_text=True)
    assert "Keberatan menunggu keputusan" in text_of(office.client.get("/staf/antrean"))
    link = re.search(r'href="(/staf/keberatan/\d+)"', queue_html).group(1)
    decision = office.client.get(link)
    assert reason in text_of(decision) and shown in text_of(decision)
    officer = option_value(decision.get_data(as_text=True), "petugas", "Ni Kadek Dewi")
    r = office.client.post(link, data={"keputusan": "terima", "petugas": officer,
                                       "catatan": "Mohon maaf, surat diantar besok pagi."},
                           follow_redirects=True)
    assert "Pemohon sudah diberi kabar." in text_of(r)

    page = citizen.status_text()
    assert "Keberatan diterima: hasil layanan diantar ke rumah" in page
    assert "Mohon maaf, surat diantar besok pagi." in page
    assert "keberatan diterima, Ni Kadek Dewi mengantar hasilnya" in outbox(app, number)[-1]

    # The chosen officer delivers, and the citizen is told.
    auth.logout()
    auth.login("petugas2")
    queue = text_of(office.client.get("/staf/antrean"))
    assert "Pengantaran hasil layanan ke rumah" in queue and shown in queue
    kid = link.rsplit("/", 1)[1]
    # The finished document exists once the Kepala Kantor approves the request.
    with db.conn:
        request_store.update_fields(db, pid, {"status": "disetujui"})
    r = office.client.post(f"/staf/keberatan/{kid}/diantar", follow_redirects=True)
    assert f"Tercatat: hasil layanan permohonan {shown} sudah diantar." in text_of(r)
    assert "Hasil layanan sudah diantar ke rumah" in citizen.status_text()
    # Handed over in person: no SMS about it (the last one is still the decision).
    assert "keberatan diterima" in outbox(app, number)[-1]
