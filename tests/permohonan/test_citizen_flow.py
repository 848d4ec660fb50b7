"""The citizen's request form: what a person filling it in would notice."""
import io
import json
import re

import pytest

from pwa.domain import nomor
from pwa.store import layanan as catalogue

from tests.pages import text_of
from tests.flows import PDF, PNG, answers, deliver_notifications, next_working_day, requirement_ids, \
    service_id, submit_request


def _start(client, db, slug="legalisir-ijazah", mode="antar_jemput", upto="kebutuhan"):
    a = answers(mode)
    client.post("/ajukan", data={"mulai": "baru"})
    client.post("/ajukan/layanan", data={"layanan": str(service_id(db, slug))})
    client.post("/ajukan/cara", data={"mode": mode})
    if upto == "cara":
        return a
    client.post("/ajukan/data-diri", data={k: a[k] for k in ("nama", "telepon", "nik")})
    client.post("/ajukan/alamat", data={k: a[k] for k in ("alamat", "desa", "kecamatan")})
    client.post("/ajukan/kebutuhan", data={"kategori": ["lansia"]})
    return a


@pytest.mark.parametrize("slug,mode", [
    ("legalisir-ijazah", "antar_jemput"),
    ("rohaniwan", "jemput_bola"),
    ("konsultasi", "konsultasi"),
    ("surat-keterangan", "langsung"),
])
def test_each_mode_submits_and_gives_a_checkable_number(client, db, slug, mode):
    pid, number = submit_request(client, db, slug, mode)
    done = client.get(f"/ajukan/selesai/{pid}")
    assert nomor.grouped(number) in text_of(done)
    assert nomor.is_valid(number)
    row = db.execute("SELECT status, mode FROM permohonan WHERE id = ?", (pid,)).fetchone()
    assert (row["status"], row["mode"]) == ("diajukan", mode)
    status_page = text_of(client.get(f"/permohonan/{pid}"))
    assert "Diajukan, menunggu pemeriksaan" in status_page
    assert "Permohonan diajukan" in status_page  # first timeline entry


def test_jemput_bola_lets_the_officer_collect_documents(client, db):
    pid, _ = submit_request(client, db, "rohaniwan", "jemput_bola", collect_by_officer=True)
    docs = db.execute("SELECT diambil_petugas, berkas FROM dokumen WHERE permohonan_id = ?",
                      (pid,)).fetchall()
    assert docs and all(d["diambil_petugas"] == 1 and d["berkas"] is None for d in docs)


def test_officer_collects_is_not_offered_for_other_modes(client, db):
    _start(client, db, mode="antar_jemput")
    client.post("/ajukan/jadwal", data={"tanggal": next_working_day().isoformat(),
                                        "jam": "09:00", "alamat_jemput": "Rumah"})
    page = client.get("/ajukan/dokumen").get_data(as_text=True)
    assert "Petugas mengambil dokumen" not in page


def test_error_summary_links_to_field_and_keeps_what_was_typed(client, db):
    _start(client, db, upto="cara")
    r = client.post("/ajukan/data-diri", data={"nama": "", "telepon": "0812 9999 1234"})
    html = r.get_data(as_text=True)
    assert re.search(r"<title>Kesalahan: ", html)
    assert 'href="#nama"' in html and "Masukkan nama lengkap Anda." in html
    assert 'value="0812 9999 1234"' in html


@pytest.mark.parametrize("field,value,message", [
    ("telepon", "12345", "Masukkan nomor HP yang benar"),
    ("nik", "1234", "NIK terdiri dari 16 angka"),
    ("nik", "0000000000000000", "NIK tidak sesuai"),
])
def test_person_details_are_validated_with_specific_messages(client, db, field, value,
                                                             message):
    _start(client, db, upto="cara")
    data = {"nama": "Ketut", "telepon": "081234567890", "nik": ""}
    data[field] = value
    r = client.post("/ajukan/data-diri", data=data)
    assert message in text_of(r)


def test_phone_is_stored_in_one_form(client, db):
    pid, _ = submit_request(client, db, "legalisir-ijazah", "antar_jemput",
                            telepon="+62 812-3456-7890")
    assert db.execute("SELECT telepon FROM permohonan WHERE id = ?",
                      (pid,)).fetchone()[0] == "081234567890"


def test_kecamatan_outside_karangasem_is_refused(client, db):
    _start(client, db, upto="cara")
    client.post("/ajukan/data-diri", data={"nama": "Ketut", "telepon": "081234567890"})
    r = client.post("/ajukan/alamat", data={"alamat": "Jl. A", "desa": "B",
                                            "kecamatan": "Denpasar"})
    assert "Pilih kecamatan tempat Anda tinggal." in text_of(r)


def test_answers_are_kept_when_going_back(client, db):
    _start(client, db)
    page = client.get("/ajukan/data-diri").get_data(as_text=True)
    assert 'value="Ni Wayan Sari"' in page
    assert 'href="/ajukan/cara"' in page  # the back link
    needs = client.get("/ajukan/kebutuhan").get_data(as_text=True)
    assert re.search(r'value="lansia"\s+checked', needs)


def test_change_link_returns_to_check_answers(client, db):
    submit_upto_check(client, db)
    check = client.get("/ajukan/periksa").get_data(as_text=True)
    assert "/ajukan/data-diri?ubah=1" in check
    r = client.post("/ajukan/data-diri?ubah=1", data={"nama": "Ni Luh Ayu",
                                                      "telepon": "081234567890"})
    assert r.location.endswith("/ajukan/periksa")
    assert "Ni Luh Ayu" in text_of(client.get("/ajukan/periksa"))


def submit_upto_check(client, db):
    _start(client, db)
    client.post("/ajukan/jadwal", data={"tanggal": next_working_day().isoformat(),
                                        "jam": "09:00", "alamat_jemput": "Rumah"})
    lid = service_id(db, "legalisir-ijazah")
    client.post("/ajukan/dokumen", content_type="multipart/form-data", data={
        f"dok_{rid}": (io.BytesIO(PDF), "a.pdf") for rid in requirement_ids(db, lid)})


def test_skipping_ahead_goes_to_the_first_unanswered_question(client, db):
    _start(client, db, upto="cara")
    r = client.get("/ajukan/periksa")
    assert r.status_code == 302 and r.location.endswith("/ajukan/data-diri")


def test_consent_is_required_and_nothing_is_created_without_it(client, db):
    submit_upto_check(client, db)
    r = client.post("/ajukan/periksa", data={})
    assert "Centang persetujuan" in text_of(r)
    assert db.execute("SELECT COUNT(*) FROM permohonan").fetchone()[0] == 0


def test_double_submit_creates_one_request(client, db):
    submit_upto_check(client, db)
    first = client.post("/ajukan/periksa", data={"persetujuan": "y"})
    second = client.post("/ajukan/periksa", data={"persetujuan": "y"})
    assert first.status_code == 302 and second.status_code == 302
    assert db.execute("SELECT COUNT(*) FROM permohonan").fetchone()[0] == 1


@pytest.mark.parametrize("schedule,message", [
    ({"tanggal": "2020-01-06", "jam": "09:00"}, "Pilih tanggal mulai besok."),
    ({"jam": "20:00"}, "Pilih jam antara 08.00 dan 15.00."),
])
def test_schedule_is_checked(client, db, schedule, message):
    _start(client, db)
    data = {"tanggal": next_working_day().isoformat(), "jam": "09:00", "alamat_jemput": "R"}
    data.update(schedule)
    assert message in text_of(client.post("/ajukan/jadwal", data=data))


def test_weekend_is_refused(client, db):
    _start(client, db)
    day = next_working_day()
    while day.weekday() != 5:
        day = day.fromordinal(day.toordinal() + 1)
    r = client.post("/ajukan/jadwal", data={"tanggal": day.isoformat(), "jam": "09:00",
                                            "alamat_jemput": "R"})
    assert "Kantor tutup hari Sabtu dan Minggu" in text_of(r)


def _upload_page(client, db):
    _start(client, db)
    client.post("/ajukan/jadwal", data={"tanggal": next_working_day().isoformat(),
                                        "jam": "09:00", "alamat_jemput": "R"})
    return requirement_ids(db, service_id(db, "legalisir-ijazah"))


def test_spoofed_extension_is_refused_and_the_good_file_is_kept(client, db):
    first, second = _upload_page(client, db)
    r = client.post("/ajukan/dokumen", content_type="multipart/form-data", data={
        f"dok_{first}": (io.BytesIO(PNG), "ijazah.png"),
        f"dok_{second}": (io.BytesIO(b"<html><script>alert(1)</script>"), "ktp.pdf"),
    })
    page = text_of(r)
    assert "Berkas harus berupa PDF, JPG, PNG, atau WebP." in page
    assert "Sudah diunggah: ijazah.png" in page
    assert f'href="#dok_{second}"' in r.get_data(as_text=True)


def test_empty_file_is_refused(client, db):
    first, second = _upload_page(client, db)
    r = client.post("/ajukan/dokumen", content_type="multipart/form-data", data={
        f"dok_{first}": (io.BytesIO(b""), "kosong.pdf"),
        f"dok_{second}": (io.BytesIO(PDF), "ktp.pdf"),
    })
    assert "Berkas yang dipilih kosong" in text_of(r)


def test_oversize_file_is_refused(app, client, db):
    app.config["UPLOAD_MAX_BYTES"] = 1024
    first, second = _upload_page(client, db)
    big = PNG + b"\0" * 2048
    r = client.post("/ajukan/dokumen", content_type="multipart/form-data", data={
        f"dok_{first}": (io.BytesIO(big), "besar.png"),
        f"dok_{second}": (io.BytesIO(PDF), "ktp.pdf"),
    })
    assert "Berkas terlalu besar" in text_of(r)


def test_missing_required_document_is_named(client, db):
    _upload_page(client, db)
    r = client.post("/ajukan/dokumen", content_type="multipart/form-data", data={})
    assert "Unggah Fotokopi ijazah." in text_of(r)


def test_closed_service_is_shown_closed_and_cannot_be_chosen(client, db):
    lid = service_id(db, "rekomendasi-paspor")
    db.execute("UPDATE layanan SET dibuka = 0, dibuka_kembali = '2030-01-02' WHERE id = ?",
               (lid,))
    db.conn.commit()
    client.post("/ajukan", data={"mulai": "baru"})
    page = client.get("/ajukan/layanan")
    assert "Ditutup sementara. Dibuka kembali 2 Januari 2030." in text_of(page)
    assert re.search(rf'value="{lid}"\s+disabled', page.get_data(as_text=True))
    r = client.post("/ajukan/layanan", data={"layanan": str(lid)})
    assert "Layanan ini sedang ditutup" in text_of(r)


def test_closed_mode_cannot_be_chosen(client, db):
    lid = service_id(db, "legalisir-ijazah")
    db.execute("UPDATE layanan_mode SET dibuka = 0 WHERE layanan_id = ? AND mode = 'konsultasi'",
               (lid,))
    db.conn.commit()
    client.post("/ajukan", data={"mulai": "baru"})
    client.post("/ajukan/layanan", data={"layanan": str(lid)})
    r = client.post("/ajukan/cara", data={"mode": "konsultasi"})
    assert "Cara layanan ini sedang ditutup" in text_of(r)


def test_service_closed_before_submit_creates_nothing(client, db):
    submit_upto_check(client, db)
    db.execute("UPDATE layanan SET dibuka = 0 WHERE slug = 'legalisir-ijazah'")
    db.conn.commit()
    r = client.post("/ajukan/periksa", data={"persetujuan": "y"})
    assert "baru saja ditutup" in text_of(r)
    assert db.execute("SELECT COUNT(*) FROM permohonan").fetchone()[0] == 0


def test_notification_never_contains_nik_or_address(client, db, app):
    pid, number = submit_request(client, db, "legalisir-ijazah", "antar_jemput",
                                 nik="5107014101700003")
    texts = [r[0] for r in db.execute("SELECT isi FROM pesan WHERE permohonan_id = ?", (pid,))]
    assert texts and nomor.grouped(number) in texts[0]
    assert all("5107014101700003" not in t and "Untung Surapati" not in t for t in texts)
    deliver_notifications(app)
    with open(app.config["NOTIFY_OUTBOX_FILE"], encoding="utf-8") as f:
        sent = [json.loads(line) for line in f]
    assert sent and "081234567890" not in sent[0]["to"] and sent[0]["to"].endswith("7890")


def test_service_catalogue_page_lists_requirements_and_sop(client, db):
    page = text_of(client.get("/layanan"))
    assert "Legalisir ijazah madrasah / sekolah keagamaan" in page
    assert "Waktu penyelesaian: 2 hari kerja." in page
    assert "Fotokopi ijazah" in page


def test_requirements_come_from_the_catalogue(client, db):
    lid = service_id(db, "legalisir-ijazah")
    catalogue.add_requirement(db, lid, nama="Pas foto 3x4", wajib=True, jenis="jpeg,png")
    db.conn.commit()
    _upload_page(client, db)
    assert "Pas foto 3x4" in text_of(client.get("/ajukan/dokumen"))
