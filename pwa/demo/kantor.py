"""A lived-in demo office: requests in every state of the workflow, objections, walk-in tickets,
complaints and survey answers, so someone who runs `make run` finds work in every queue.

Built through the same paths the views use (services: `aksi.apply`, `keberatan`, `pengajuan`),
so histories, checks and notifications are real ones. Loaded by
`mentari init-db --demo` on top of `demo.load` (services and staff), and by the accessibility
audit (a11y_tests/harness/scenario.py). Registration numbers are fixed so the README can quote them.
"""
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone

from stdnum import damm

from ..domain import pengaduan as pengaduan_rules, sop, telepon, uploads
from ..domain.workflow import TRANSITIONS, Aksi, Mode, Pelaku, Peran, Status
from ..gateway import senders
from ..services import aksi as aksi_service, keberatan as keberatan_service
from ..services import kalender, notifikasi, pengajuan, pengiriman
from ..services.clock import office_day, office_today, office_zone
from ..store import files, layanan, maklumat, pengaduan, permohonan as store, rekap, tiket
from ..store import transaction
from ..store import skm as skm_store
from ..store import staf as staff_store

# A one-page PDF: the smallest document the upload check accepts.
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def demo_number(urut: int) -> str:
    """'2024 0000 0013'-style numbers: valid (Damm check digit), easy to type from the README,
    and obviously not a real citizen's (real ones are random)."""
    body = f"2024{urut:07d}"
    return body + damm.calc_check_digit(body)


@dataclass(frozen=True)
class Pemohon:
    """A made-up citizen of Karangasem (names, phones and NIK invented)."""
    nama: str
    telepon: str
    alamat: str
    desa: str
    kecamatan: str
    kategori: tuple
    bantuan: tuple = ()
    disabilitas: tuple = ()
    nik: str = ""
    catatan: str = ""


SUKERTI = Pemohon("Ni Wayan Sukerti", "081234567890",
                  "Jalan Raya Bebandem No. 12, Banjar Dinas Kangin", "Bebandem", "Bebandem",
                  ("lansia", "disabilitas"), ("pendamping", "dibacakan"), ("netra",),
                  catatan="Mohon telepon dulu sebelum datang.")
MURJANA = Pemohon("I Ketut Murjana", "085237114052", "Banjar Dinas Tengah, Desa Culik",
                  "Culik", "Abang", ("disabilitas",), ("kursi_roda",), ("daksa",))
SUASTINI = Pemohon("Ni Komang Suastini", "087861203349", "Banjar Dinas Kaler, Desa Tianyar",
                   "Tianyar", "Kubu", ("ibu_hamil",), ("pendamping",))
SUDIRA = Pemohon("I Made Sudira", "081999305517", "Jalan Segara No. 3, Padangbai", "Padangbai",
                 "Manggis", ("disabilitas",), ("juru_bahasa_isyarat",), ("rungu",),
                 catatan="Saya Tuli. Mohon kabari lewat pesan, jangan telepon.")
RASMINI = Pemohon("Ni Nyoman Rasmini", "082146770981", "Banjar Dinas Kedungdung, Desa Besakih",
                  "Besakih", "Rendang", ("lansia", "fakir_miskin"), ("tandu", "cetak_besar"),
                  nik="5107026507480001")
ARDANA = Pemohon("I Gede Ardana", "081338452260", "Banjar Dinas Kawan, Desa Duda", "Duda",
                 "Selat", ("umum",))
SUKARNI = Pemohon("Ni Luh Sukarni", "087762118834", "Banjar Dinas Tabola, Desa Sidemen",
                  "Sidemen", "Sidemen", ("lansia",), ("kursi_roda", "pendamping"))
ANDIKA = Pemohon("I Putu Andika Pratama", "081805447219", "Jalan Ngurah Rai No. 40, Subagan",
                 "Subagan", "Karangasem", ("anak",), ("pendamping",),
                 catatan="Pemohon berumur 16 tahun, didampingi ayahnya.")


@dataclass(frozen=True)
class Contoh:
    """One demo request: who, what, how, which steps the office has taken, and when filed."""
    label: str
    urut: int               # → its fixed registration number
    pemohon: Pemohon
    layanan: str            # service slug (demo.DEMO_SERVICES)
    mode: Mode
    langkah: tuple = ()     # actions taken after submission, in order
    hari_lalu: int = 0      # submitted this many days ago (old enough → past its SOP time)

    @property
    def nomor(self) -> str:
        return demo_number(self.urut)


_VERIFIED = (Aksi.TERUSKAN, Aksi.PARAF)
_APPROVED = _VERIFIED + (Aksi.SETUJUI,)
_REPORTED = _APPROVED + (Aksi.LAPOR,)

# Every state a queue shows, and the situations around them (the README's demo office lists these).
REQUESTS = (
    Contoh("diajukan", 1, SUKERTI, "legalisir-ijazah", Mode.LANGSUNG),
    Contoh("dikembalikan", 2, MURJANA, "legalisir-ijazah", Mode.JEMPUT_BOLA,
           (Aksi.KEMBALIKAN,), 2),
    Contoh("diajukan_ulang", 3, SUASTINI, "surat-keterangan", Mode.ANTAR_JEMPUT,
           (Aksi.KEMBALIKAN, Aksi.AJUKAN_ULANG), 4),
    Contoh("terlambat", 4, RASMINI, "izin-pasraman", Mode.JEMPUT_BOLA, (Aksi.TERUSKAN,), 30),
    Contoh("diparaf", 5, SUDIRA, "legalisir-ijazah", Mode.KONSULTASI, _VERIFIED, 1),
    Contoh("disetujui", 6, SUKARNI, "rohaniwan", Mode.ANTAR_JEMPUT, _APPROVED, 2),
    Contoh("di_kantor", 7, MURJANA, "rekomendasi-paspor", Mode.ANTAR_JEMPUT,
           _APPROVED + (Aksi.JEMPUT, Aksi.TIBA_DI_KANTOR), 3),
    Contoh("dilaporkan", 8, SUKERTI, "surat-keterangan", Mode.JEMPUT_BOLA, _REPORTED, 3),
    Contoh("laporan_diparaf", 9, ARDANA, "rohaniwan", Mode.LANGSUNG,
           _REPORTED + (Aksi.PARAF_LAPORAN,), 4),
    Contoh("selesai", 10, ANDIKA, "konsultasi", Mode.KONSULTASI,
           _REPORTED + (Aksi.PARAF_LAPORAN, Aksi.TERIMA_LAPORAN), 6),
    Contoh("ditolak", 11, ARDANA, "rumah-ibadah", Mode.LANGSUNG, _VERIFIED + (Aksi.TOLAK,), 5),
    Contoh("keberatan", 12, SUASTINI, "pendaftaran-haji", Mode.LANGSUNG, (), 14),
    Contoh("keberatan_diterima", 13, SUKARNI, "surat-keterangan", Mode.JEMPUT_BOLA,
           _VERIFIED, 12),
)

# Who takes each step (demo usernames).
ACTOR = {
    Aksi.TERUSKAN: "verifikator", Aksi.KEMBALIKAN: "verifikator", Aksi.PARAF: "kasubag",
    Aksi.SETUJUI: "kepala", Aksi.TOLAK: "kepala", Aksi.JEMPUT: "petugas",
    Aksi.TIBA_DI_KANTOR: "petugas", Aksi.LAPOR: "petugas", Aksi.PARAF_LAPORAN: "kasubag",
    Aksi.TERIMA_LAPORAN: "kepala",
}
RETURN_REASON = "Foto buram, tulisan tidak terbaca. Mohon unggah ulang yang jelas."
NOTES = {
    Aksi.TOLAK: "Lokasi belum memenuhi syarat jumlah pengguna rumah ibadah (PBM No. 9 dan 8 "
                "Tahun 2006).",
    Aksi.SETUJUI: "Bawa kursi roda lipat di mobil.",
    Aksi.PARAF_LAPORAN: "Laporan lengkap.",
}
REPORT = {"hasil": "berhasil", "catatan": "Dokumen sudah diserahkan langsung kepada pemohon."}
PENILAIAN = {"skor": 5, "komentar": "Penyuluhnya sabar dan menjelaskan dengan bahasa sederhana."}

ALASAN_KEBERATAN = "Sudah lewat batas waktu layanan dan belum ada kabar."
UPHELD_NOTE = "Mohon maaf atas keterlambatan. Surat diantar ke rumah Ibu oleh petugas."

# SKM answers (u1..u9, each 1-4): this month and last month, so /skm has figures to show.
SKM_THIS_MONTH = (
    (4, 4, 3, 4, 4, 4, 4, 3, 3), (3, 4, 3, 4, 3, 4, 4, 3, 3), (4, 3, 2, 4, 3, 3, 4, 2, 3),
    (4, 4, 4, 4, 4, 4, 4, 4, 4), (3, 3, 3, 4, 3, 4, 4, 3, 2),
)
SKM_LAST_MONTH = (
    (3, 3, 2, 4, 3, 3, 4, 2, 2), (4, 3, 3, 4, 3, 4, 4, 3, 3), (3, 3, 2, 4, 3, 3, 3, 2, 3),
)
# Who answered (umur, jenis kelamin, pendidikan, pekerjaan; None: left blank) and which service
# (slug; None: "another service"): the first of this month is the finished request's survey,
# which takes its service from the request.
SKM_PROFIL_THIS_MONTH = (
    ("20_29", "laki_laki", "sma", "lainnya"), ("60_ke_atas", "perempuan", "sd", "lainnya"),
    ("30_39", "laki_laki", "s1", "pns"), ("40_49", "perempuan", "sma", "wirausaha"),
    (None, None, None, None),
)
SKM_LAYANAN_THIS_MONTH = (None, "legalisir-ijazah", "legalisir-ijazah", "surat-keterangan", None)
SKM_PROFIL_LAST_MONTH = (
    ("50_59", "laki_laki", "diploma", "swasta"), ("60_ke_atas", "perempuan", "sd", "lainnya"),
    ("30_39", "perempuan", "s2", "pns"),
)
SKM_LAYANAN_LAST_MONTH = ("rekomendasi-paspor", "legalisir-ijazah", "surat-keterangan")
SKM_FOLLOWUP = ("Waktu penyelesaian dan sarana dinilai paling rendah: kursi tunggu prioritas "
                "ditambah di loket PTSP dan jadwal verifikasi dipercepat menjadi setiap pagi.")

MAKLUMAT = ("Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar "
            "pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap "
            "menerima sanksi sesuai peraturan perundang-undangan yang berlaku.")

PENGADUAN_BARU = ("I Ketut Arsa", "081298765432",
                 "Antrean di loket PTSP lama dan tidak ada kursi untuk lansia.")
# An anonymous one: no name, no contact (anonymous complaints are allowed).
PENGADUAN_DIJAWAB = ("", "", ("Papan informasi persyaratan legalisir di depan kantor sudah "
                               "pudar dan sulit dibaca."),
                      ("Papan informasi sudah diganti dengan huruf besar pada minggu ini. "
                       "Terima kasih atas masukannya."))
# An anonymous integrity report (whistle-blowing): the Kepala Kantor asked a question with its
# answer, and the reporter answered with the number, so it waits on the handlers' list again.
PENGADUAN_INTEGRITAS = (
    "Saat mengurus legalisir ijazah, seorang petugas meminta uang Rp 50.000 supaya cepat "
    "selesai.",
    "Terima kasih atas laporan Anda. Mohon keterangan: hari dan jam berapa kejadiannya, dan di "
    "loket mana?",
    "Hari Senin minggu lalu sekitar pukul 10 pagi, di loket PTSP 1.")


@dataclass
class Office:
    """What was built, for links and for the audit: label → request ids and numbers."""
    permohonan: dict = field(default_factory=dict)  # label → {permohonan_id, nomor, telepon, …}
    keberatan_id: int | None = None               # waiting for the Kepala Kantor's decision
    keberatan_diterima_id: int | None = None      # upheld: a delivery task for the petugas
    pengaduan_id: int | None = None
    pengaduan_nomor: str | None = None
    pengaduan_dijawab_nomor: str | None = None
    pengaduan_integritas_id: int | None = None    # for the Kepala Kantor and the integrity team
    pengaduan_integritas_nomor: str | None = None
    tiket_id: int | None = None


def build(app, db, base_url: str | None = None) -> Office:
    """Create the demo office's requests and the rest in a database that has the demo services
    and staff (demo.load). Notifications link to the app's public URL (MENTARI_PUBLIC_URL; by
    default where `make run` serves), or to `base_url` when given."""
    out = Office()
    # Notifications build absolute links and speak the request's language: a request context.
    with app.test_request_context("/"), _local_outbox(app, base_url):
        staff = {u["username"]: u for u in (staff_store.by_username(db, name) for name in (
            "verifikator", "kasubag", "kepala", "petugas", "satpam", "admin"))}
        for contoh in REQUESTS:
            out.permohonan[contoh.label] = _request(app, db, staff, contoh)
        _picked_up_this_morning(db, out.permohonan["di_kantor"]["permohonan_id"])
        out.keberatan_id = _keberatan(db, out.permohonan["keberatan"]["permohonan_id"])
        out.keberatan_diterima_id = _keberatan_diterima(
            db, out.permohonan["keberatan_diterima"]["permohonan_id"], staff)
        _penilaian_dan_skm(db, out.permohonan["selesai"]["permohonan_id"])
        _skm_walk_in(db, staff["admin"]["id"])
        out.pengaduan_id, out.pengaduan_nomor, out.pengaduan_dijawab_nomor = _pengaduan(
            db, staff["admin"]["id"])
        out.pengaduan_integritas_id, out.pengaduan_integritas_nomor = _pengaduan_integritas(
            db, staff["kepala"]["id"])
        with transaction(db):
            maklumat.save(db, MAKLUMAT, staf_id=staff["admin"]["id"])
        out.tiket_id = _tiket(db, staff["satpam"]["id"], staff["petugas"]["id"])
        # Sent now, to the local file: none may wait in the queue for a real gateway.
        local = senders.FileSender(app.config["NOTIFY_OUTBOX_FILE"])
        while sum(pengiriman.deliver_due(db, local)):
            pass
    return out


@contextmanager
def _local_outbox(app, base_url: str | None):
    """Demo phone numbers are invented: whatever sender is configured, demo messages go to the
    local outbox file, never to a real SMS/WhatsApp gateway."""
    saved = app.config["NOTIFY_SENDER"], app.config["PUBLIC_URL"]
    app.config["NOTIFY_SENDER"] = "file"
    app.config["PUBLIC_URL"] = (base_url or saved[1]).rstrip("/")
    try:
        yield
    finally:
        app.config["NOTIFY_SENDER"], app.config["PUBLIC_URL"] = saved


def _stored_pdf(app, name: str) -> dict:
    checked = uploads.check(PDF, name, app.config["UPLOAD_MAX_BYTES"])
    return {"nama_asli": checked.original_name,
            "berkas": files.save(app.config["UPLOAD_FOLDER"], checked),
            "mime": checked.mime, "ukuran": len(checked.data)}


# Requests filed this long ago (the late ones) were booked soon after filing, so their SOP
# clock did not move to a day still ahead (services/pengajuan.deadline).
LONG_AGO_DAYS = 10


def _schedule(db, mode: Mode, days_ahead: int = 3, start=None) -> str:
    """A working day ahead (of today, or of `start`): a date for a walk-in, a date and time
    otherwise."""
    day = sop.add_working_days(start or office_today(), days_ahead, kalender.of(db))
    if mode is Mode.LANGSUNG:
        return day.isoformat()
    return datetime.combine(day, time(9 if mode is not Mode.KONSULTASI else 10)).isoformat(
        timespec="minutes")


def _request(app, db, staff, c: Contoh) -> dict:
    service = layanan.get_service_by_slug(db, c.layanan)
    assert str(c.mode) in service["modes"], (c.layanan, c.mode)
    submitted = datetime.now(timezone.utc) - timedelta(days=c.hari_lalu)
    at = submitted.isoformat(timespec="seconds")
    p = c.pemohon
    data = {
        "nama": p.nama, "telepon": p.telepon, "nik": p.nik, "alamat": p.alamat,
        "desa": p.desa, "kecamatan": p.kecamatan, "kategori": list(p.kategori),
        "disabilitas": list(p.disabilitas), "bantuan": list(p.bantuan), "catatan": p.catatan,
        "jadwal": _schedule(db, c.mode, start=office_day(submitted)
                            if c.hari_lalu >= LONG_AGO_DAYS else None),
        "alamat_jemput": p.alamat if c.mode is Mode.ANTAR_JEMPUT else None,
        "bawaan": "Stempel dan formulir permohonan" if c.mode is Mode.JEMPUT_BOLA else "",
    }
    batas, from_booking = pengajuan.deadline(db, office_day(submitted), service["sop_hari"],
                                             data["jadwal"])
    with transaction(db):
        pid = store.create(
            db, nomor=c.nomor, idempotency_key=None, layanan_id=service["id"], mode=c.mode,
            status=Status.DIAJUKAN, data=data, bahasa="id", batas_sop=batas,
            batas_dari_jadwal=from_booking, now=at)
        store.record_transition(db, pid, staf_id=None, peran=Peran.PEMOHON, aksi=Aksi.AJUKAN,
                                   dari=None, ke=Status.DIAJUKAN, now=at)
        dokumen_ids = [store.replace_document(
            db, pid, req["id"], now=at, **_stored_pdf(app, f"{req['nama']}.pdf"))
            for req in service["persyaratan"]]
        notifikasi.tell(db, store.get(db, pid), Aksi.AJUKAN, at)
    for aksi in c.langkah:
        _act(app, db, pid, aksi, staff, service)
    first_req = service["persyaratan"][0]["id"] if service["persyaratan"] else None
    return {"permohonan_id": pid, "dokumen_id": dokumen_ids[0] if dokumen_ids else None,
            "layanan_id": service["id"], "persyaratan_id": first_req, "nomor": c.nomor,
            "telepon": p.telepon, "petugas_id": store.get(db, pid)["petugas_id"]}


def _act(app, db, pid: int, aksi: Aksi, staff: dict, service: dict) -> None:
    p = store.get(db, pid)
    if aksi is Aksi.AJUKAN_ULANG:
        return _resubmit(app, db, p, service)
    who = staff[ACTOR[aksi]]
    note, updates, before = NOTES.get(aksi, ""), None, None
    if aksi in (Aksi.TERUSKAN, Aksi.KEMBALIKAN):
        returning = aksi is Aksi.KEMBALIKAN
        reqs = service["persyaratan"]

        def before(db):
            for i, req in enumerate(reqs):
                met = not returning or i > 0  # returned: the first document needs fixing
                store.set_check(db, pid, req["id"], memenuhi=met,
                                   alasan="" if met else RETURN_REASON, staf_id=who["id"])
        if returning:
            note = f"{reqs[0]['nama']}: {RETURN_REASON}"
    elif aksi is Aksi.SETUJUI:
        updates = {"petugas_id": staff["petugas"]["id"],
                   "jadwal_petugas": _schedule(db, Mode.JEMPUT_BOLA, 2)}
    elif aksi is Aksi.LAPOR:
        # One report carries a photo, so the Kepala Kantor has an attachment to open.
        attachment = (_stored_pdf(app, "berita-acara.pdf")
                      if p["mode"] == Mode.LANGSUNG else None)

        def before(db):
            store.save_report(db, pid, petugas_id=staff["petugas"]["id"], **REPORT,
                                 lampiran=attachment["berkas"] if attachment else None,
                                 lampiran_mime=attachment["mime"] if attachment else None)
    aksi_service.apply(db, p, aksi, Pelaku(TRANSITIONS[aksi].peran, who["id"]), note=note,
                       updates=updates, before_commit=before)


def _picked_up_this_morning(db, pid: int) -> None:
    """The citizen at the office now was fetched this morning: the officer's day (issue 17.6)
    starts with a task for today, beside the ones of the days ahead."""
    with transaction(db):
        store.update_fields(db, pid, {"jadwal_petugas": f"{office_today().isoformat()}T08:30"})


def _resubmit(app, db, p: dict, service: dict) -> None:
    """The citizen replaces the returned document; the SOP clock starts again (as on /status)."""
    returned = [pid for pid, c in store.checks(db, p["id"]).items() if not c["memenuhi"]]

    def replace(db):
        for req in service["persyaratan"]:
            if req["id"] in returned:
                store.replace_document(db, p["id"], req["id"],
                                          **_stored_pdf(app, f"{req['nama']} (baru).pdf"))
                store.clear_check(db, p["id"], req["id"])

    pengajuan.resubmit(db, p, office_today(), before_commit=replace)


def _keberatan(db, pid: int) -> int:
    # Filed through the citizen's own path, whose rules allow it: the request is overdue.
    return keberatan_service.file(db, store.get(db, pid), ALASAN_KEBERATAN, office_today())


def _keberatan_diterima(db, pid: int, staff: dict) -> int:
    kid = _keberatan(db, pid)
    kepala = staff["kepala"]
    keberatan_service.decide(db, {"id": kid, "status": "diajukan", "permohonan_id": pid},
                             Pelaku(Peran.KEPALA_KANTOR, kepala["id"]), uphold=True,
                             catatan=UPHELD_NOTE, petugas_id=staff["petugas"]["id"])
    return kid


def _profil(answers: tuple) -> dict:
    return dict(zip(("umur", "jenis_kelamin", "pendidikan", "pekerjaan"), answers))


def _penilaian_dan_skm(db, pid: int) -> None:
    p = store.get(db, pid)
    with transaction(db):
        store.save_penilaian(db, pid, petugas_id=p["petugas_id"], **PENILAIAN)
        skm_store.save(db, dict(zip(skm_store.KEYS, SKM_THIS_MONTH[0])), permohonan_id=pid,
                       layanan_id=p["layanan_id"], profil=_profil(SKM_PROFIL_THIS_MONTH[0]))


def _skm_walk_in(db, admin_id: int) -> None:
    """Answers from walk-ins (no online request): the rest of this month and last month."""
    first_of_month = office_today().replace(day=1)
    last_month = (first_of_month - timedelta(days=1)).replace(day=1)
    noon = datetime.combine(last_month, time(12), office_zone())

    def service_id(slug):
        return layanan.get_service_by_slug(db, slug)["id"] if slug else None
    with transaction(db):
        for scores, slug, profil in list(zip(SKM_THIS_MONTH, SKM_LAYANAN_THIS_MONTH,
                                             SKM_PROFIL_THIS_MONTH))[1:]:
            skm_store.save(db, dict(zip(skm_store.KEYS, scores)), layanan_id=service_id(slug),
                           profil=_profil(profil))
        for i, (scores, slug, profil) in enumerate(zip(SKM_LAST_MONTH, SKM_LAYANAN_LAST_MONTH,
                                                       SKM_PROFIL_LAST_MONTH)):
            at = (noon + timedelta(days=3 * i + 2)).astimezone(timezone.utc)
            skm_store.save(db, dict(zip(skm_store.KEYS, scores)),
                           now=at.isoformat(timespec="seconds"), layanan_id=service_id(slug),
                           profil=_profil(profil))
        rekap.add_skm_followup(db, last_month.strftime("%Y-%m"), SKM_FOLLOWUP, admin_id)


def _pengaduan(db, admin_id: int) -> tuple[int, str, str]:
    """One new complaint (for the admin's list) and one already answered (its follow-up shows
    on /pengaduan/cek)."""
    new_nomor, answered_nomor = demo_number(901), demo_number(902)
    nama, kontak, isi = PENGADUAN_BARU
    a_nama, a_kontak, a_isi, follow_up = PENGADUAN_DIJAWAB
    now = datetime.now(timezone.utc)
    earlier = (now - timedelta(days=8)).isoformat(timespec="seconds")
    answered_at = (now - timedelta(days=6)).isoformat(timespec="seconds")
    with transaction(db):
        new_id = pengaduan.add(db, nomor=new_nomor, nama=nama, kontak=kontak, isi=isi,
                               jenis=pengaduan_rules.LAYANAN)
        answered = pengaduan.add(db, nomor=answered_nomor, nama=a_nama, kontak=a_kontak,
                                 isi=a_isi, jenis=pengaduan_rules.LAYANAN, now=earlier)
        _answer(db, answered, follow_up, pengaduan_rules.SELESAI, admin_id, Peran.ADMIN,
                answered_at)
    return new_id, new_nomor, answered_nomor


def _answer(db, pengaduan_id: int, text: str, status: str, staf_id: int, peran: Peran,
            at: str) -> None:
    pengaduan.add_entry(db, pengaduan_id, oleh=pengaduan_rules.OLEH_KANTOR,
                        aksi=pengaduan_rules.TANGGAPI, isi=text, status=status, staf_id=staf_id,
                        peran=str(peran), now=at)
    pengaduan.set_answered(db, pengaduan_id, status=status, staf_id=staf_id, now=at)


def _pengaduan_integritas(db, kepala_id: int) -> tuple[int, str]:
    number = demo_number(903)
    report, question, answer = PENGADUAN_INTEGRITAS
    now = datetime.now(timezone.utc)
    at = [(now - timedelta(days=d)).isoformat(timespec="seconds") for d in (5, 4, 3)]
    with transaction(db):
        pid = pengaduan.add(db, nomor=number, isi=report, jenis=pengaduan_rules.PUNGLI,
                            now=at[0])
        _answer(db, pid, question, pengaduan_rules.DITINDAKLANJUTI, kepala_id,
                Peran.KEPALA_KANTOR, at[1])
        pengaduan.add_entry(db, pid, oleh=pengaduan_rules.OLEH_PENGADU,
                            aksi=pengaduan_rules.KETERANGAN, isi=answer, now=at[2])
    return pid, number


def _tiket(db, satpam_id: int, petugas_id: int) -> int:
    """Today's Meragatan walk-ins: one being served, a priority one and a normal one waiting
    (priority goes first). Tickets belong to the office day they were registered."""
    today = office_today().isoformat()
    haji = layanan.get_service_by_slug(db, "pendaftaran-haji")["id"]
    legalisir = layanan.get_service_by_slug(db, "legalisir-ijazah")["id"]
    walk_ins = (  # number, name, need (category), service, counter, priority
        ("P-001", "Ni Made Rai", "lansia", legalisir, "ptsp1", True),
        ("A-001", "I Wayan Gede", "umum", legalisir, "ptsp1", False),
        ("P-002", "I Nengah Sumerta", "disabilitas", haji, "haji", True),
    )
    with transaction(db):
        ids = [tiket.create(db, nomor=n, tanggal=today, nama=name, kebutuhan=need,
                              layanan_id=lid, loket=loket, prioritas=prio, permohonan_id=None,
                              dibuat_oleh=satpam_id)
               for n, name, need, lid, loket, prio in walk_ins]
        tiket.call(db, ids[0], petugas_id)
    return ids[-1]


def phone_digits(number: str) -> str:
    """The last four digits asked by /status."""
    return telepon.last_four(number)
