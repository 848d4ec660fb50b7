"""The data the audit visits: demo services and staff, plus requests in the states that change
what a page shows (returned with reasons, approved with an officer, reported, rated, overdue,
objected to), a complaint, a walk-in ticket, and citizen-form drafts answered up to the end.

Built through the store and `actions.apply`, the same path the blueprints use, so the history,
checks and notifications a page shows are the real ones. Ids are known before any test runs.
"""
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from pwa import actions, demo, nomor, uploads
from pwa.database import get_db
from pwa.store import catalogue, drafts, requests, transaction
from pwa.store import staff as staff_store
from pwa.workflow import Aksi, Mode, Pelaku, Peran, Status

# A one-page PDF: the smallest document the upload check accepts.
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")

CITIZEN = {
    "nama": "Ni Wayan Sukerti", "telepon": "081234567890", "nik": "",
    "alamat": "Jalan Raya Bebandem No. 12, Banjar Dinas Kangin", "desa": "Bebandem",
    "kecamatan": "Bebandem", "kategori": ["lansia", "disabilitas"], "disabilitas": ["netra"],
    "bantuan": ["pendamping", "dibacakan"], "bantuan_lain": "",
    "catatan": "Mohon telepon dulu sebelum datang.",
}

# (label, service slug, mode, actions after submission, days overdue or None)
REQUESTS = (
    ("diajukan", "legalisir-ijazah", Mode.LANGSUNG, (), None),
    ("dikembalikan", "legalisir-ijazah", Mode.JEMPUT_BOLA, (Aksi.KEMBALIKAN,), None),
    ("disetujui", "rohaniwan", Mode.ANTAR_JEMPUT,
     (Aksi.TERUSKAN, Aksi.PARAF, Aksi.SETUJUI), None),
    ("di_kantor", "rekomendasi-paspor", Mode.ANTAR_JEMPUT,
     (Aksi.TERUSKAN, Aksi.PARAF, Aksi.SETUJUI, Aksi.JEMPUT, Aksi.TIBA_DI_KANTOR), None),
    ("diparaf", "legalisir-ijazah", Mode.KONSULTASI, (Aksi.TERUSKAN, Aksi.PARAF), None),
    ("dilaporkan", "surat-keterangan", Mode.JEMPUT_BOLA,
     (Aksi.TERUSKAN, Aksi.PARAF, Aksi.SETUJUI, Aksi.LAPOR), None),
    ("laporan_diparaf", "rohaniwan", Mode.LANGSUNG,
     (Aksi.TERUSKAN, Aksi.PARAF, Aksi.SETUJUI, Aksi.LAPOR, Aksi.PARAF_LAPORAN), None),
    ("selesai", "konsultasi", Mode.KONSULTASI,
     (Aksi.TERUSKAN, Aksi.PARAF, Aksi.SETUJUI, Aksi.LAPOR, Aksi.PARAF_LAPORAN,
      Aksi.TERIMA_LAPORAN), None),
    ("ditolak", "rumah-ibadah", Mode.LANGSUNG,
     (Aksi.TERUSKAN, Aksi.PARAF, Aksi.TOLAK), None),
    ("terlambat", "izin-pasraman", Mode.JEMPUT_BOLA, (Aksi.TERUSKAN,), 10),
    ("keberatan", "pendaftaran-haji", Mode.LANGSUNG, (), 10),
)

ACTOR = {
    Aksi.TERUSKAN: "verifikator", Aksi.KEMBALIKAN: "verifikator", Aksi.PARAF: "kasubag",
    Aksi.SETUJUI: "kepala", Aksi.TOLAK: "kepala", Aksi.JEMPUT: "petugas",
    Aksi.TIBA_DI_KANTOR: "petugas", Aksi.LAPOR: "petugas", Aksi.PARAF_LAPORAN: "kasubag",
    Aksi.TERIMA_LAPORAN: "kepala",
}
NOTES = {
    Aksi.KEMBALIKAN: "Foto KTP buram. Mohon unggah ulang yang jelas.",
    Aksi.TOLAK: "Lokasi belum memenuhi syarat jumlah pengguna rumah ibadah.",
}

# Drafts use a service offered in every mode and needing documents, so every step has content.
DRAFT_SERVICE = "legalisir-ijazah"


@dataclass
class Demo:
    """What the audit needs to build URLs and citizen sessions."""
    requests: dict = field(default_factory=dict)    # label → {permohonan_id, dokumen_id, ...}
    drafts: dict = field(default_factory=dict)      # label → draft id (answers complete)
    empty_drafts: dict = field(default_factory=dict)  # label → draft id with no answers yet
    keberatan_id: int | None = None
    pengaduan_id: int | None = None
    pengaduan_nomor: str | None = None
    tiket_id: int | None = None
    staf_id: int | None = None
    layanan_ids: list = field(default_factory=list)

    @property
    def owned(self) -> list[int]:
        return [r["permohonan_id"] for r in self.requests.values()]


def build(app) -> Demo:
    """Load demo data into the app's (empty) database and create the audited situations."""
    out = Demo()
    # A request context: notifications build absolute links and speak the request's language.
    with app.test_request_context("/"):
        db = get_db()
        demo.load(db, app.config)
        staff = {s["username"]: s for s in (staff_store.by_username(db, u)
                                           for u, _n, _p in demo.DEMO_STAFF)}
        for label, slug, mode, steps, overdue in REQUESTS:
            out.requests[label] = _request(app, db, staff, slug, mode, steps, overdue)
        out.keberatan_id = _objection(db, out.requests["keberatan"]["permohonan_id"])
        out.pengaduan_id, out.pengaduan_nomor = _complaint(db)
        out.tiket_id = _ticket(db, staff["satpam"]["id"])
        out.staf_id = staff["petugas"]["id"]
        out.layanan_ids = [s["id"] for s in catalogue.list_services(db)]
        for mode in Mode:
            out.drafts[str(mode)] = _draft(app, db, DRAFT_SERVICE, mode, complete=True)
            out.empty_drafts[str(mode)] = _draft(app, db, DRAFT_SERVICE, mode, complete=False)
        out.empty_drafts["baru"] = _draft(app, db, None, None, complete=False)
        db.conn.commit()
    return out


def _stored_pdf(app) -> dict:
    checked = uploads.check(PDF, "dokumen.pdf", app.config["UPLOAD_MAX_BYTES"])
    return {"berkas": uploads.save(app.config["UPLOAD_FOLDER"], checked), "mime": checked.mime,
            "ukuran": len(checked.data)}


def _request(app, db, staff, slug, mode, steps, overdue_days) -> dict:
    service = catalogue.get_service_by_slug(db, slug)
    assert str(mode) in service["modes"], (slug, mode)
    now = datetime.now(timezone.utc)
    submitted = now - timedelta(days=overdue_days + 20) if overdue_days else now
    deadline = (date.today() - timedelta(days=overdue_days) if overdue_days
                else date.today() + timedelta(days=service["sop_hari"] + 2))
    data = dict(CITIZEN, jadwal=_schedule(mode), alamat_jemput=(
        CITIZEN["alamat"] if mode is Mode.ANTAR_JEMPUT else None))
    with transaction(db):
        pid = requests.create(
            db, nomor=_fresh_number(db), idempotency_key=None, layanan_id=service["id"],
            mode=mode, status=Status.DIAJUKAN, data=data, bahasa="id",
            batas_sop=deadline.isoformat(), now=submitted.isoformat(timespec="seconds"))
        requests.record_transition(db, pid, staf_id=None, peran=Peran.PEMOHON, aksi=Aksi.AJUKAN,
                                   dari=None, ke=Status.DIAJUKAN)
        dokumen_ids = []
        for req in service["persyaratan"]:
            dokumen_ids.append(requests.replace_document(
                db, pid, req["id"], nama_asli=f"{req['nama']}.pdf", **_stored_pdf(app)))
    for aksi in steps:
        _act(db, pid, aksi, staff, service)
    first_req = service["persyaratan"][0]["id"] if service["persyaratan"] else None
    return {"permohonan_id": pid, "dokumen_id": dokumen_ids[0] if dokumen_ids else None,
            "layanan_id": service["id"], "persyaratan_id": first_req,
            "nomor": requests.get(db, pid)["nomor"]}


def _act(db, pid, aksi, staff, service):
    p = requests.get(db, pid)
    who = staff[ACTOR[aksi]]
    updates = {}
    before = None
    if aksi in (Aksi.TERUSKAN, Aksi.KEMBALIKAN):
        def before(db, p=p, ok=aksi is Aksi.TERUSKAN):
            for i, req in enumerate(service["persyaratan"]):
                met = ok or i > 0  # returned: the first document is the one to fix
                requests.set_check(db, p["id"], req["id"], memenuhi=met,
                                   alasan="" if met else NOTES[Aksi.KEMBALIKAN],
                                   staf_id=who["id"])
    if aksi is Aksi.SETUJUI:
        updates = {"petugas_id": staff["petugas"]["id"],
                   "jadwal_petugas": _schedule(Mode.JEMPUT_BOLA)}
    if aksi is Aksi.LAPOR:
        def before(db, p=p):
            requests.save_report(db, p["id"], petugas_id=staff["petugas"]["id"],
                                 hasil="berhasil", catatan="Dokumen sudah diserahkan.",
                                 lampiran=None, lampiran_mime=None)
    actions.apply(db, p, aksi, Pelaku(Peran(who["peran"]), who["id"]),
                  note=NOTES.get(aksi, ""), updates=updates, before_commit=before)
    if aksi is Aksi.TERIMA_LAPORAN:
        requests.save_rating(db, pid, petugas_id=staff["petugas"]["id"], skor=5,
                             komentar="Petugas ramah dan sabar.")
        db.conn.commit()


def _objection(db, pid) -> int:
    from pwa.store import objections
    with transaction(db):
        return objections.create(db, pid, "Sudah lewat batas waktu layanan dan belum ada kabar.")


def _complaint(db) -> tuple[int, str]:
    from pwa.store import complaints
    number = nomor.generate()
    with transaction(db):
        return complaints.add(db, nomor=number, nama="I Ketut Arsa", kontak="081298765432",
                              isi="Antrean di loket PTSP lama dan tidak ada kursi untuk lansia."
                              ), number


def _ticket(db, satpam_id) -> int:
    from pwa.store import tickets
    with transaction(db):
        return tickets.create(db, nomor="P-001", tanggal=date.today().isoformat(),
                              nama="Ni Made Rai", kebutuhan="Legalisir ijazah",
                              layanan_id=None, loket="PTSP", prioritas=True,
                              permohonan_id=None, dibuat_oleh=satpam_id)


def _draft(app, db, slug, mode, complete: bool) -> str:
    """A citizen-form draft; complete ones have every step answered (documents uploaded)."""
    draft_id = f"audit-{slug or 'baru'}-{mode or 'none'}-{'penuh' if complete else 'kosong'}"
    drafts.create(db, draft_id)
    data = {"idempotency_key": draft_id + "-key"}
    if slug is not None:
        service = catalogue.get_service_by_slug(db, slug)
        data.update(layanan_id=service["id"], mode=str(mode))
        if complete:
            data.update({k: v for k, v in CITIZEN.items() if k != "catatan"})
            data["jadwal"] = _schedule(mode)
            if mode is Mode.ANTAR_JEMPUT:
                data["alamat_jemput"] = CITIZEN["alamat"]
            if mode is Mode.JEMPUT_BOLA:
                data["bawaan"] = "Formulir legalisir"
            for i, req in enumerate(service["persyaratan"]):
                if mode is Mode.JEMPUT_BOLA and i == 1:
                    drafts.add_document(db, draft_id, req["id"], diambil_petugas=True)
                else:
                    drafts.add_document(db, draft_id, req["id"],
                                        nama_asli=f"{req['nama']}.pdf", **_stored_pdf(app))
            data["dokumen_selesai"] = True
    drafts.save(db, draft_id, data)
    return draft_id


def _schedule(mode) -> str:
    day = date.today() + timedelta(days=3)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    if mode is Mode.LANGSUNG:
        return day.isoformat()
    return datetime.combine(day, datetime.min.time()).replace(hour=9).isoformat(
        timespec="minutes")


def _fresh_number(db) -> str:
    number = nomor.generate()
    while requests.nomor_exists(db, number):
        number = nomor.generate()
    return number
