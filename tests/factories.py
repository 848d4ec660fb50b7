"""Requests made straight through the store, for staff tests that start where the citizen's
wizard ends (state `diajukan`, documents on disk)."""
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

from pwa.domain import nomor, sop
from pwa.services import kalender
from pwa.store import layanan as catalogue, permohonan as requests, transaction
from pwa.domain.workflow import Aksi, Peran, Status

from .flows import next_working_day, office_day

# The smallest real files of two accepted kinds: documents are served by their stored type.
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]"
       b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def service(db, slug: str) -> dict:
    row = db.execute("SELECT id FROM layanan WHERE slug = ?", (slug,)).fetchone()
    return catalogue.get_service(db, row[0])


def staff_id(db, username: str) -> int:
    return db.execute("SELECT id FROM staf WHERE username = ?", (username,)).fetchone()[0]


def submitted_request(db, upload_folder: str, slug: str = "legalisir-ijazah",
                      mode: str = "antar_jemput", collect_by_officer: bool = False,
                      submitted: datetime | None = None, **data) -> dict:
    """A request in state diajukan, with one document per requirement (PNG and PDF in turn),
    or documents marked to be collected by the officer. Returns the stored request."""
    layanan = service(db, slug)
    when = submitted or datetime.now(timezone.utc)
    now = when.isoformat(timespec="seconds")
    fields = {
        "nama": "Ni Wayan Sari", "telepon": "081234567890", "nik": "5107014501700001",
        "alamat": "Jl. Untung Surapati 5, Banjar Kaler", "desa": "Subagan",
        "kecamatan": "Karangasem", "kategori": ["lansia", "disabilitas"],
        "disabilitas": ["rungu"], "bantuan": ["juru_bahasa_isyarat"],
        "jadwal": datetime.combine(next_working_day(), time(9, 0)).isoformat(
            timespec="minutes"),
        "alamat_jemput": "Jl. Untung Surapati 5, Banjar Kaler" if mode == "antar_jemput" else None,
        "bawaan": "Stempel dan formulir" if mode == "jemput_bola" else "",
    }
    fields.update(data)
    folder = Path(upload_folder)
    folder.mkdir(parents=True, exist_ok=True)
    with transaction(db):
        number = nomor.generate()
        pid = requests.create(
            db, nomor=number, idempotency_key=None, layanan_id=layanan["id"], mode=mode,
            status=Status.DIAJUKAN, data=fields, bahasa="id",
            batas_sop=sop.deadline(office_day(when), layanan["sop_hari"],
                                     kalender.national()).isoformat(), now=now)
        requests.record_transition(db, pid, staf_id=None, peran=Peran.PEMOHON,
                                   aksi=Aksi.AJUKAN, dari=None, ke=Status.DIAJUKAN, now=now)
        for i, r in enumerate(layanan["persyaratan"]):
            if collect_by_officer:
                requests.replace_document(db, pid, r["id"], nama_asli="", berkas=None,
                                          mime=None, ukuran=0, diambil_petugas=True, now=now)
                continue
            content, ext, mime = (PNG, "png", "image/png") if i % 2 == 0 else (
                PDF, "pdf", "application/pdf")
            stored = f"{number}-{r['id']}.{ext}"
            (folder / stored).write_bytes(content)
            requests.replace_document(db, pid, r["id"], nama_asli=f"{r['nama']}.{ext}",
                                      berkas=stored, mime=mime, ukuran=len(content), now=now)
    return requests.get(db, pid)


def overdue_request(db, upload_folder: str, **kwargs) -> dict:
    """A request submitted long enough ago that its SOP time has passed."""
    return submitted_request(db, upload_folder,
                             submitted=datetime.now(timezone.utc) - timedelta(days=30), **kwargs)
