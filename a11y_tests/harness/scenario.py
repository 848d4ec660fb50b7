"""The data the audit visits: the demo office of `make run` (pwa/demo/kantor.py: requests in
every state, returned with reasons, approved with an officer, reported, rated, overdue, objected
to; complaints, walk-in tickets, survey answers), plus citizen-form drafts answered up to the end.

Built through the store and `actions.apply`, the same path the blueprints use, so the history,
checks and notifications a page shows are the real ones. Ids are known before any test runs.
"""
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pwa import demo
from pwa.demo import kantor as demo_requests
from pwa.domain import uploads
from pwa.store import files
from pwa.web.db import get_db
from pwa.store import draf as drafts, layanan as catalogue
from pwa.domain.workflow import Mode
from pwa.services import kalender
from tests.flows import office_today

# A one-page PDF: the smallest document the upload check accepts.
PDF = demo_requests.PDF

CITIZEN = {
    "nama": "Ni Wayan Sukerti", "telepon": "081234567890", "nik": "",
    "alamat": "Jalan Raya Bebandem No. 12, Banjar Dinas Kangin", "desa": "Bebandem",
    "kecamatan": "Bebandem", "kategori": ["lansia", "disabilitas"], "disabilitas": ["netra"],
    "bantuan": ["pendamping", "dibacakan"], "bantuan_lain": "",
}

# Drafts use a service offered in every mode and needing documents, so every step has content.
DRAFT_SERVICE = "legalisir-ijazah"


@dataclass
class Demo:
    """What the audit needs to build URLs and citizen sessions."""
    permohonan: dict = field(default_factory=dict)  # label → {permohonan_id, dokumen_id, ...}
    drafts: dict = field(default_factory=dict)      # label → draft id (answers complete)
    empty_drafts: dict = field(default_factory=dict)  # label → draft id with no answers yet
    keberatan_id: int | None = None
    pengaduan_id: int | None = None
    pengaduan_nomor: str | None = None
    pengaduan_integritas_id: int | None = None    # for the Kepala Kantor and the integrity team
    pengaduan_integritas_nomor: str | None = None
    tiket_id: int | None = None
    staf_id: int | None = None
    layanan_ids: list = field(default_factory=list)
    isyarat_klip: str | None = None  # folder name of the recorded sign-language clip
    # Staff accounts (issue 17): sessions of a person with a first password and of one holding
    # two roles (put in the browser's cookie like a citizen's), a locked account (the admin's
    # notice) and one whose password the audit resets (the first-password page).
    sesi_sandi_pertama: str | None = None
    sesi_dua_peran: str | None = None
    staf_terkunci_id: int | None = None
    staf_reset_id: int | None = None
    # A family phone (issue 19): its id (the session's `perangkat`), Nenek (PIN) and Putu.
    keluarga_hp: str | None = None
    anggota_pin: str | None = None
    anggota_tanpa_pin: str | None = None
    # Consultation rooms (issue 18), owned by the citizen, assigned to the demo "petugas":
    # state (buka, belum, selesai) → request id.
    konsultasi: dict = field(default_factory=dict)

    @property
    def owned(self) -> list[int]:
        return [r["permohonan_id"] for r in self.permohonan.values()] + list(
            self.konsultasi.values())


def build(app) -> Demo:
    """Load the demo office into the app's (empty) database and add the audit's drafts."""
    out = Demo()
    with app.test_request_context("/"):
        db = get_db()
        office = demo.load_office(app, db, base_url="http://localhost")
        out.permohonan = office.permohonan
        out.keberatan_id = office.keberatan_id
        out.pengaduan_id, out.pengaduan_nomor = office.pengaduan_id, office.pengaduan_nomor
        out.pengaduan_integritas_id = office.pengaduan_integritas_id
        out.pengaduan_integritas_nomor = office.pengaduan_integritas_nomor
        out.tiket_id = office.tiket_id
        out.staf_id = office.permohonan["disetujui"]["petugas_id"]
        out.layanan_ids = [s["id"] for s in catalogue.list_services(db)]
        _staff_accounts(app, db, out)
        _family(db, out)
        out.konsultasi = consultations(app, db)
        for mode in Mode:
            out.drafts[str(mode)] = _draft(app, db, DRAFT_SERVICE, mode, complete=True)
            out.empty_drafts[str(mode)] = _draft(app, db, DRAFT_SERVICE, mode, complete=False)
        out.empty_drafts["baru"] = _draft(app, db, None, None, complete=False)
        db.conn.commit()
    out.isyarat_klip = _sign_clips(app)
    _prompt_recording(app)
    return out


def _family(db, out: Demo) -> None:
    from pwa.services import keluarga as family
    out.keluarga_hp = "a11y-keluarga-hp"
    phone = family.phone(db, out.keluarga_hp)
    out.anggota_pin = family.create(db, phone["id"], "Nenek", "2580", "", "id")["kode"]
    out.anggota_tanpa_pin = family.create(db, phone["id"], "Putu", None, "", "id")["kode"]


def _staff_accounts(app, db, out: Demo) -> None:
    from pwa.services import akun
    from pwa.store import staf as staff_store
    baru, _first = akun.create(db, username="baru", nama="I Putu Baru", roles=["petugas"],
                               oleh=akun.CLI)
    out.sesi_sandi_pertama = akun.start_session(db, baru, "petugas")
    tu = staff_store.by_username(db, "tu")
    out.sesi_dua_peran = akun.start_session(db, tu["id"], "verifikator")
    out.staf_reset_id, _first = akun.create(db, username="lupa.sandi", nama="Ni Luh Lupa",
                                            roles=["satpam"], oleh=akun.CLI)
    locked = staff_store.by_username(db, "petugas2")
    out.staf_terkunci_id = locked["id"]
    # Locked until the admin opens it: the notice stays however long the audit runs.
    for _ in range(app.config["LOGIN_LOCK_ADMIN_AFTER"]):
        staff_store.record_failure(db, locked["id"], lock_every=app.config["LOGIN_LOCK_AFTER"],
                                   locked_until="2000-01-01T00:00:00+00:00")


def consultation(app, db, starts: timedelta = timedelta(minutes=5),
                 talk: bool = False, interpreter: bool = True) -> int:
    """An approved consultation of the citizen's for the demo petugas, booked `starts` from now
    (the room opens ten minutes before); with `talk`, a message from each side. The citizen
    is deaf and asked for a sign-language interpreter (the room offers video first), or
    without `interpreter` asked for no help at all."""
    from pwa.services import konsultasi, clock
    from pwa.store import permohonan as requests, staf as staff_store
    from tests.factories import submitted_request
    petugas = staff_store.by_username(db, "petugas")["id"]
    now = clock.office_now().replace(tzinfo=None, second=0, microsecond=0)
    needs = {} if interpreter else {"kategori": [], "disabilitas": [], "bantuan": []}
    p = submitted_request(db, app.config["UPLOAD_FOLDER"], slug="konsultasi",
                          mode=Mode.KONSULTASI, **needs)
    requests.update_fields(db, p["id"], {
        "status": "disetujui", "petugas_id": petugas,
        "jadwal_petugas": (now + starts).isoformat(timespec="minutes")})
    if talk:
        konsultasi.send(db, p["id"], "pemohon", "Apakah saya perlu membawa buku nikah?")
        konsultasi.send(db, p["id"], "petugas", "Ya, bawa buku nikah asli dan fotokopinya.",
                        staf_id=petugas)
    return p["id"]


def consultations(app, db) -> dict:
    """The rooms the audit visits: open now (with a message from each side), opening
    tomorrow, ended by the officer."""
    from pwa.services import konsultasi
    out = {"buka": consultation(app, db, talk=True),
           "belum": consultation(app, db, timedelta(days=1)),
           "selesai": consultation(app, db, timedelta(minutes=-30), talk=True)}
    konsultasi.end(db, out["selesai"], "petugas", staf_id=None)
    return out


# The office's recording of one Balinese prompt, so its admin page is audited recorded too.
RECORDED_PROMPT = ("ban", "sambutan")


def _prompt_recording(app) -> None:
    from pwa import suara
    from speech import audio, espeak, rekaman
    samples, rate = espeak.synthesise("Rahajeng rauh ring MENTARI", voice="id")
    rekaman.install(suara.recordings_folder(app), *RECORDED_PROMPT, audio.wav_bytes(samples, rate))


SIGN_VTT = {"id": "WEBVTT\n\n00:00.000 --> 00:01.000\nSelamat datang di MENTARI.\n",
            "ban": "WEBVTT\n\n00:00.000 --> 00:01.000\nRahajeng rauh ring MENTARI.\n"}


def _sign_clips(app) -> str:
    """Sign-language clips (issue 6), so the player is audited wherever it appears: one as the
    office would record it (home page), one synthetic sample (a form step). Tiny: 1 s."""
    import tempfile
    from pathlib import Path

    from pwa.isyarat import contoh as isyarat_contoh, pustaka as isyarat_pustaka
    root = app.config["ISYARAT_FOLDER"]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "klip.mp4"
        isyarat_contoh.buat_video(source, "audit", seconds=1.0, width=320, height=180)
        clip = isyarat_pustaka.add(root, source, "page:permohonan.beranda", "Selamat datang",
                                   "Ni Made Juru", captions=SIGN_VTT)
        isyarat_pustaka.add(root, source, "langkah:kebutuhan", "Kebutuhan khusus",
                            "Contoh", captions={"id": SIGN_VTT["id"]}, contoh=True)
        # "Siapa yang memakai HP ini?" (issue 19): a deaf member meets it signed.
        isyarat_pustaka.add(root, source, "page:keluarga.anggota", "Siapa yang memakai HP ini",
                            "Contoh", captions={"id": SIGN_VTT["id"]}, contoh=True)
    return clip.name


def _stored_pdf(app) -> dict:
    checked = uploads.check(PDF, "dokumen.pdf", app.config["UPLOAD_MAX_BYTES"])
    return {"berkas": files.save(app.config["UPLOAD_FOLDER"], checked), "mime": checked.mime,
            "ukuran": len(checked.data)}


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
    day = office_today() + timedelta(days=3)
    while not kalender.national().is_working_day(day):  # not a weekend nor a holiday
        day += timedelta(days=1)
    if mode is Mode.LANGSUNG:
        return day.isoformat()
    return datetime.combine(day, datetime.min.time()).replace(hour=9).isoformat(
        timespec="minutes")
