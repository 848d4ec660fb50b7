"""The admin area: opening and closing services, requirements, reports and the CSV export."""
import csv
import io
import re
from datetime import timedelta

import pytest

from pwa.domain import nomor
from pwa.store import layanan as catalogue, permohonan as requests, rekap as reports

from tests.pages import text_of
from tests.flows import office_today

CITIZEN = {"nama": "Ni Wayan Rahasia", "telepon": "081299887766", "nik": "5107014506800001",
           "alamat": "Jl. Kenanga 9, Banjar Tengah", "desa": "Subagan",
           "kecamatan": "Karangasem"}


def _service_id(db, slug: str) -> int:
    return db.execute("SELECT id FROM layanan WHERE slug = ?", (slug,)).fetchone()[0]


def _service_form(db, layanan_id: int, **changes) -> dict:
    """The edit form as the page shows it for this service, with some answers changed."""
    s = catalogue.get_service(db, layanan_id)
    data = {"nama": s["nama"], "deskripsi": s["deskripsi"], "sop_hari": str(s["sop_hari"]),
            "tautan_nasional": s["tautan_nasional"] or "", "dibuka": "1" if s["dibuka"] else "0",
            "dibuka_kembali": s["dibuka_kembali"] or ""}
    for mode, m in s["modes"].items():
        data[f"{mode}-ditawarkan"] = "y"
        data[f"{mode}-dibuka"] = "1" if m["dibuka"] else "0"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _future(days=30) -> str:
    return (office_today() + timedelta(days=days)).isoformat()


def _request(db, layanan_id, *, status="diajukan", mode="jemput_bola", batas_sop=None,
             diajukan="2026-03-02T01:00:00+00:00", selesai_at=None) -> str:
    number = nomor.generate()
    pid = requests.create(db, nomor=number, idempotency_key=None, layanan_id=layanan_id,
                          mode=mode, status=status, data=CITIZEN, bahasa="id",
                          batas_sop=batas_sop or _future(), now=diajukan)
    if selesai_at:
        requests.update_fields(db, pid, {"selesai_at": selesai_at})
    return number


# --- Opening and closing -----------------------------------------------------------------

def test_closing_a_service_with_a_reopening_date_shows_it_closed(client, db, login):
    login("admin")
    lid = _service_id(db, "legalisir-ijazah")
    reopen = _future()
    r = client.post(f"/staf/admin/layanan/{lid}",
                    data=_service_form(db, lid, dibuka="0", dibuka_kembali=reopen))
    assert r.status_code == 302
    service = catalogue.get_service(db, lid)
    assert service["dibuka"] == 0 and service["dibuka_kembali"] == reopen
    row = re.search(r"Legalisir ijazah[^<]*</a></th>.*?</tr>",
                    client.get("/staf/admin/").get_data(as_text=True), re.S).group(0)
    assert "Ditutup" in text_of_html(row)


def text_of_html(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_reopening_date_must_be_in_the_future_and_answers_are_kept(client, db, login):
    login("admin")
    lid = _service_id(db, "legalisir-ijazah")
    r = client.post(f"/staf/admin/layanan/{lid}", data=_service_form(
        db, lid, nama="Legalisir ijazah (baru)", dibuka="0",
        dibuka_kembali=(office_today() - timedelta(days=1)).isoformat()))
    page = text_of(r)
    assert r.status_code == 200
    assert page.startswith("Kesalahan:")  # the page title says so first
    assert "Tanggal dibuka kembali harus setelah hari ini." in page
    assert 'value="Legalisir ijazah (baru)"' in r.get_data(as_text=True)
    assert catalogue.get_service(db, lid)["dibuka"] == 1  # nothing saved


def test_closing_one_mode_leaves_the_others_open(client, db, login):
    login("admin")
    lid = _service_id(db, "surat-keterangan")
    r = client.post(f"/staf/admin/layanan/{lid}",
                    data=_service_form(db, lid, **{"langsung-dibuka": "0"}))
    assert r.status_code == 302
    modes = catalogue.get_service(db, lid)["modes"]
    assert modes["langsung"]["dibuka"] == 0
    assert all(m["dibuka"] == 1 for code, m in modes.items() if code != "langsung")
    row = re.search(r"Surat keterangan</a>.*?</tr>",
                    client.get("/staf/admin/").get_data(as_text=True), re.S).group(0)
    assert "Layanan Langsung (Meragatan): Ditutup" in text_of_html(row).replace(" :", ":")


def test_unticking_a_mode_stops_offering_it(client, db, login):
    login("admin")
    lid = _service_id(db, "surat-keterangan")
    form = _service_form(db, lid)
    del form["konsultasi-ditawarkan"]
    assert client.post(f"/staf/admin/layanan/{lid}", data=form).status_code == 302
    assert "konsultasi" not in catalogue.get_service(db, lid)["modes"]


def test_a_service_needs_at_least_one_mode(client, db, login):
    login("admin")
    lid = _service_id(db, "konsultasi")
    form = {k: v for k, v in _service_form(db, lid).items() if not k.endswith("-ditawarkan")}
    page = text_of(client.post(f"/staf/admin/layanan/{lid}", data=form))
    assert "Pilih setidaknya satu cara pelayanan untuk layanan ini." in page
    assert catalogue.get_service(db, lid)["modes"]


@pytest.mark.parametrize("value, message", [
    ("0", "Waktu SOP paling sedikit 1 dan paling lama 90 hari kerja."),
    ("91", "Waktu SOP paling sedikit 1 dan paling lama 90 hari kerja."),
    ("lima", "Tulis waktu SOP dengan angka saja, misalnya 5."),
    ("", "Masukkan waktu SOP dalam hari kerja, misalnya 5."),
])
def test_sop_days_are_checked(client, db, login, value, message):
    login("admin")
    lid = _service_id(db, "legalisir-ijazah")
    r = client.post(f"/staf/admin/layanan/{lid}", data=_service_form(db, lid, sop_hari=value))
    assert message in text_of(r)
    assert f'id="sop_hari" name="sop_hari" type="text" value="{value}"' in r.get_data(
        as_text=True)


def test_national_link_must_be_a_full_address(client, db, login):
    login("admin")
    lid = _service_id(db, "pendaftaran-haji")
    page = text_of(client.post(f"/staf/admin/layanan/{lid}",
                               data=_service_form(db, lid, tautan_nasional="haji kemenag")))
    assert "Tulis tautan lengkap yang diawali https://" in page


def test_new_service_gets_a_readable_unique_address(client, db, login):
    login("admin")
    form = {"nama": "Surat Keterangan", "sop_hari": "4", "dibuka": "1",
            "jemput_bola-ditawarkan": "y", "jemput_bola-dibuka": "1"}
    r = client.post("/staf/admin/layanan/baru", data=form)
    assert r.status_code == 302
    new = catalogue.get_service_by_slug(db, "surat-keterangan-2")  # the demo has the first
    assert new is not None and new["sop_hari"] == 4 and list(new["modes"]) == ["jemput_bola"]
    assert r.location.endswith(f"/staf/admin/layanan/{new['id']}")


# --- Requirements ------------------------------------------------------------------------

def test_requirement_without_a_file_type_is_refused_and_the_name_kept(client, db, login):
    login("admin")
    lid = _service_id(db, "konsultasi")
    r = client.post(f"/staf/admin/layanan/{lid}/persyaratan/baru",
                    data={"nama": "Surat pengantar desa", "wajib": "1"})
    page = text_of(r)
    assert "Pilih setidaknya satu jenis berkas yang diterima." in page
    assert 'value="Surat pengantar desa"' in r.get_data(as_text=True)
    assert catalogue.requirements(db, lid) == []


def test_requirement_is_added_edited_and_retired(client, db, login):
    login("admin")
    lid = _service_id(db, "konsultasi")
    r = client.post(f"/staf/admin/layanan/{lid}/persyaratan/baru",
                    data={"nama": "Surat pengantar desa", "wajib": "0", "jenis": ["pdf", "png"]})
    assert r.status_code == 302
    [req] = catalogue.requirements(db, lid)
    assert (req["nama"], req["wajib"], req["jenis"]) == ("Surat pengantar desa", 0, "pdf,png")
    assert "Surat pengantar desa" in text_of(client.get(f"/staf/admin/layanan/{lid}"))

    r = client.post(f"/staf/admin/persyaratan/{req['id']}",
                    data={"nama": "Surat pengantar kepala desa", "wajib": "1",
                          "keterangan": "Asli, bukan fotokopi", "jenis": ["pdf"]})
    assert r.status_code == 302
    [req] = catalogue.requirements(db, lid)
    assert (req["nama"], req["wajib"], req["jenis"]) == ("Surat pengantar kepala desa", 1, "pdf")

    confirm = text_of(client.get(f"/staf/admin/persyaratan/{req['id']}/hapus"))
    assert "Hapus persyaratan “Surat pengantar kepala desa”?" in confirm
    assert client.post(f"/staf/admin/persyaratan/{req['id']}/hapus").status_code == 302
    assert catalogue.requirements(db, lid) == []
    assert catalogue.get_requirement(db, req["id"])["aktif"] == 0  # kept for older requests
    assert client.get(f"/staf/admin/persyaratan/{req['id']}").status_code == 404


def test_requirement_name_is_required(client, db, login):
    login("admin")
    lid = _service_id(db, "konsultasi")
    page = text_of(client.post(f"/staf/admin/layanan/{lid}/persyaratan/baru",
                               data={"nama": " ", "wajib": "1", "jenis": ["pdf"]}))
    assert "Masukkan nama dokumen yang harus diunggah." in page


# --- Reports -----------------------------------------------------------------------------

def _row(html: str, header: str) -> str:
    return text_of_html(re.search(re.escape(header) + r"</th>.*?</tr>", html, re.S).group(0))


def _section(response, anchor: str) -> str:
    """The visible text of one report section: from its heading to the next one."""
    html = response.get_data(as_text=True)
    return text_of_html(re.search(rf'<h2 id="{anchor}">.*?(?=<h2 |</main>)', html, re.S).group(0))


def test_reports_count_requests_per_service_mode_and_state(client, db, login):
    lid = _service_id(db, "rekomendasi-paspor")
    _request(db, lid, mode="jemput_bola")
    _request(db, lid, mode="langsung", status="selesai",
             selesai_at="2026-03-04T02:00:00+00:00", batas_sop="2026-03-05")
    login("admin")
    html = client.get("/staf/admin/laporan").get_data(as_text=True)
    assert _row(html, "Rekomendasi paspor haji / umrah").split()[-3:] == ["2", "1", "0"]
    assert _row(html, "Layanan Langsung (Meragatan)").split()[-1] == "1"
    assert _row(html, "Diajukan, menunggu pemeriksaan").split()[-1] == "1"
    assert "Maret 2026" in text_of_html(html)
    # Finished Mon 2 March → Wed 4 March: 2 working days, within its SOP.
    completion = re.search(r'id="tabel-waktu".*?</table>', html, re.S).group(0)
    assert _row(completion, "Rekomendasi paspor haji / umrah").split()[-6:] == [
        "3", "1", "2,0", "1", "dari", "1"]


def test_overdue_requests_are_listed_by_number(client, db, login):
    lid = _service_id(db, "legalisir-ijazah")
    late = _request(db, lid, batas_sop="2026-01-05")
    on_time = _request(db, lid, batas_sop=_future())
    done_late = _request(db, lid, status="selesai", batas_sop="2026-01-05",
                         selesai_at="2026-01-09T02:00:00+00:00")
    login("kepala_kantor")
    section = _section(client.get("/staf/admin/laporan"), "terlambat")
    assert nomor.grouped(late) in section
    assert nomor.grouped(on_time) not in section and nomor.grouped(done_late) not in section


def test_upheld_keberatan_are_reported(client, db, login):
    lid = _service_id(db, "legalisir-ijazah")
    number = _request(db, lid, batas_sop="2026-01-05")
    pid = requests.by_nomor(db, number)["id"]
    db["keberatan"].insert({"permohonan_id": pid, "alasan": "Lewat SOP", "status": "diterima",
                            "diajukan_at": "2026-01-07T01:00:00+00:00",
                            "diputus_at": "2026-01-08T01:00:00+00:00"})
    assert [o["nomor"] for o in reports.upheld_keberatan(db)] == [number]
    login("kasubag_tu")
    section = _section(client.get("/staf/admin/laporan"), "keberatan")
    assert nomor.grouped(number) in section and "Belum diantar" in section


@pytest.mark.parametrize("kind", ["layanan", "cara", "status", "bulan", "waktu", "terlambat",
                                  "keberatan"])
def test_csv_has_a_header_and_no_personal_data(client, db, login, kind):
    lid = _service_id(db, "legalisir-ijazah")
    number = _request(db, lid, batas_sop="2026-01-05")
    db["keberatan"].insert({"permohonan_id": requests.by_nomor(db, number)["id"],
                            "alasan": "Lewat SOP", "status": "diantar",
                            "diajukan_at": "2026-01-07T01:00:00+00:00"})
    login("admin")
    r = client.get(f"/staf/admin/laporan.csv?jenis={kind}")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    assert r.headers["Content-Disposition"].startswith("attachment;")
    raw = r.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    text = raw.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert len(lines) >= 2 and all(cell and not cell.isdigit() for cell in lines[0])
    for secret in (CITIZEN["telepon"], "0812 9988 7766", CITIZEN["nik"], "Kenanga",
                   CITIZEN["nama"]):
        assert secret not in text
    if kind == "terlambat":
        assert number in text


def test_unknown_csv_kind_is_not_found(client, login):
    login("admin")
    assert client.get("/staf/admin/laporan.csv?jenis=semua").status_code == 404


# --- SKM follow-up -----------------------------------------------------------------------

def test_skm_follow_up_is_saved_for_its_period(client, db, login):
    login("admin")
    r = client.post("/staf/admin/skm", data={"periode": "2026-q4",
                                             "catatan": "Ruang tunggu diberi kursi tambahan."})
    assert r.status_code == 302
    [note] = reports.skm_followups(db, "2026-Q4")
    assert note["catatan"] == "Ruang tunggu diberi kursi tambahan."
    assert reports.skm_followups(db, "2026") == []
    assert "Ruang tunggu diberi kursi tambahan." in text_of(client.get("/staf/admin/skm"))


@pytest.mark.parametrize("periode", ["2026-13", "2026-Q5", "Nov 2026", "26-11"])
def test_skm_period_format_is_checked(client, db, login, periode):
    login("admin")
    r = client.post("/staf/admin/skm", data={"periode": periode, "catatan": "Catatan."})
    assert "Tulis periode sebagai bulan (2026-11), triwulan (2026-Q4), atau tahun (2026)." in (
        text_of(r))
    assert f'value="{periode}"' in r.get_data(as_text=True)


# --- Who may enter -----------------------------------------------------------------------

ADMIN_ONLY = [
    ("GET", "/staf/admin/"), ("GET", "/staf/admin/layanan/1"), ("POST", "/staf/admin/layanan/1"),
    ("GET", "/staf/admin/layanan/baru"), ("POST", "/staf/admin/layanan/baru"),
    ("GET", "/staf/admin/layanan/1/persyaratan/baru"), ("GET", "/staf/admin/persyaratan/1"),
    ("POST", "/staf/admin/persyaratan/1"), ("GET", "/staf/admin/persyaratan/1/hapus"),
    ("POST", "/staf/admin/persyaratan/1/hapus"), ("GET", "/staf/admin/pengaduan"),
    ("GET", "/staf/admin/pengaduan/1"), ("POST", "/staf/admin/pengaduan/1"),
    ("GET", "/staf/admin/skm"), ("POST", "/staf/admin/skm"),
]
REPORTS = [("GET", "/staf/admin/laporan"), ("GET", "/staf/admin/laporan.csv?jenis=layanan")]


@pytest.mark.parametrize("method, url", ADMIN_ONLY + REPORTS)
def test_anonymous_users_are_sent_to_sign_in(client, method, url):
    r = client.open(url, method=method)
    assert r.status_code == 302 and "/staf/masuk" in r.location


@pytest.mark.parametrize("role", ["verifikator", "kasubag_tu", "kepala_kantor", "petugas",
                                  "satpam"])
def test_other_roles_are_refused_the_admin_pages(client, login, role):
    login(role)
    for method, url in ADMIN_ONLY:
        assert client.open(url, method=method).status_code == 403, (method, url)


@pytest.mark.parametrize("role, allowed", [("kepala_kantor", True), ("kasubag_tu", True),
                                           ("verifikator", False), ("petugas", False),
                                           ("satpam", False)])
def test_reports_are_for_the_admin_and_the_heads_of_office(client, login, role, allowed):
    login(role)
    for method, url in REPORTS:
        assert client.open(url, method=method).status_code == (200 if allowed else 403)
