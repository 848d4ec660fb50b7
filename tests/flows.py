"""Walk the citizen's request form through the HTTP client, as a person would page by page."""
import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pwa.config import OFFICE_TIMEZONE
from pwa.domain import sop
from pwa.services import kalender

# Smallest real files of each accepted kind: the server judges content, so tests send real bytes.
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]"
       b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def office_today() -> date:
    """Today in Karangasem, which the forms judge dates by. The test machine's own date is a
    day behind from 16.00 to 24.00 UTC, and a "tomorrow" taken from it is refused as today."""
    return datetime.now(ZoneInfo(OFFICE_TIMEZONE)).date()


def office_day(moment: datetime) -> date:
    """The office (WITA) day of a moment."""
    return moment.astimezone(ZoneInfo(OFFICE_TIMEZONE)).date()


def next_working_day(start: date | None = None) -> date:
    """The next day the office is open: not a weekend, a national holiday, cuti bersama or a
    Balinese holy day (tests add no closure days of the office's own)."""
    return sop.next_working_day(start or office_today(), kalender.national())


def service_id(db, slug: str) -> int:
    return db.execute("SELECT id FROM layanan WHERE slug = ?", (slug,)).fetchone()[0]


def requirement_ids(db, layanan_id: int) -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT id FROM persyaratan WHERE layanan_id = ? AND aktif = 1 ORDER BY urutan, id",
        (layanan_id,))]


def answers(mode: str, **override) -> dict:
    base = {
        "nama": "Ni Wayan Sari", "telepon": "0812 3456 7890", "nik": "",
        "alamat": "Jl. Untung Surapati 5, Banjar Kaler", "desa": "Subagan",
        "kecamatan": "Karangasem", "kategori": ["lansia"], "bantuan": ["kursi_roda"],
    }
    day = next_working_day()
    if mode == "antar_jemput":
        base.update(tanggal=day.isoformat(), jam="09:00", alamat_jemput=base["alamat"])
    elif mode == "jemput_bola":
        base.update(tanggal=day.isoformat(), jam="10:00", bawaan="Stempel dan formulir")
    elif mode == "langsung":
        base.update(tanggal=day.isoformat())
    base.update(override)
    return base


def submit_request(client, db, slug: str, mode: str, collect_by_officer: bool = False,
                   untuk: str | None = None, **override) -> tuple[int, str]:
    """Fill every page and submit; returns (permohonan id, registration number)."""
    a = answers(mode, **override)
    lid = service_id(db, slug)
    steps = [
        ("/ajukan", {"mulai": "baru"}),
        ("/ajukan/layanan", {"layanan": str(lid)}),
        ("/ajukan/cara", {"mode": mode}),
        ("/ajukan/data-diri", {k: a[k] for k in ("nama", "telepon", "nik")}),
        ("/ajukan/alamat", {k: a[k] for k in ("alamat", "desa", "kecamatan")}),
        ("/ajukan/kebutuhan", {k: a[k] for k in ("kategori", "bantuan")}),
    ]
    for url, data in steps:
        r = client.post(url, data=data)
        assert r.status_code == 302, (url, r.get_data(as_text=True)[:2000])
    if mode == "konsultasi":
        page = client.get("/ajukan/jadwal").get_data(as_text=True)
        slot = re.search(r'name="slot" type="radio" value="([^"]+)"(?! disabled)', page)
        r = client.post("/ajukan/jadwal", data={"slot": slot.group(1)})
    else:
        r = client.post("/ajukan/jadwal", data={k: a[k] for k in (
            "tanggal", "jam", "alamat_jemput", "bawaan") if k in a})
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    if r.location.endswith("/ajukan/dokumen"):
        files = {}
        for rid in requirement_ids(db, lid):
            if collect_by_officer:
                files[f"ambil_{rid}"] = "y"
            else:
                files[f"dok_{rid}"] = (io.BytesIO(PNG), f"dokumen-{rid}.png")
        r = client.post("/ajukan/dokumen", data=files, content_type="multipart/form-data")
        assert r.status_code == 302, r.get_data(as_text=True)[:3000]
    # untuk: "Untuk siapa?", the family member the request is for (issue 19).
    r = client.post("/ajukan/periksa", data={"persetujuan": "y", **({"untuk": untuk} if untuk
                                                                     else {})})
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    permohonan_id = int(r.location.rsplit("/", 1)[1])
    number = db.execute("SELECT nomor FROM permohonan WHERE id = ?",
                        (permohonan_id,)).fetchone()[0]
    return permohonan_id, number


def deliver_notifications(app) -> int:
    """What the app's notification worker does in a running office: send every queued message
    that is due (through the configured sender; the file sender in tests). Returns how many."""
    from pwa import store
    from pwa.gateway import senders
    from pwa.services import pengiriman
    db = store.connect(app.config["DATABASE"])
    try:
        total = 0
        with app.app_context():
            while sum(done := pengiriman.deliver_due(db, senders.from_config(app.config))):
                total += done[0]
        return total
    finally:
        db.conn.close()
