"""The audit trail (issue 17.2): every sign-in (ok and failed), admin change, workflow step and
opening of a citizen's document is filed with who, when, what and from where; the admin reads
and filters it and exports CSV; the store only ever adds to it; nothing personal goes in."""
import csv
import io
import sqlite3

import pytest

from pwa import demo
from pwa.store import jejak as store

from tests.pages import text_of
from tests.factories import staff_id, submitted_request

SIGN_IN = "/staf/masuk"


def signed_in(app, username, password=demo.DEMO_PASSWORD):
    client = app.test_client()
    r = client.post(SIGN_IN, data={"username": username, "password": password},
                    environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert r.status_code == 302
    return client


def entries(db, **filters) -> list[dict]:
    return store.search(db, filters)


def test_sign_ins_ok_and_failed_are_filed_without_what_was_typed(app, db):
    client = app.test_client()
    client.post(SIGN_IN, data={"username": "kepala", "password": "tebakan-salah"},
                environ_base={"REMOTE_ADDR": "10.9.9.9"})
    # A password typed into the name field must not land in the trail.
    client.post(SIGN_IN, data={"username": "RahasiaSekali99", "password": "x"})
    signed_in(app, "kepala")
    kepala = staff_id(db, "kepala")
    ok, failed = entries(db, staf_id=kepala)[:2]
    assert (ok["peristiwa"], ok["jenis"], ok["peran"], ok["asal"]) == (
        "masuk", "masuk", "kepala_kantor", "10.1.2.3")
    assert (failed["peristiwa"], failed["asal"]) == ("masuk_gagal", "10.9.9.9")
    unknown = [e for e in entries(db, jenis="masuk") if e["staf_id"] is None]
    assert unknown and unknown[0]["rincian"] == "akun_tidak_dikenal"
    dump = "\n".join(str(tuple(r)) for r in db.execute("SELECT * FROM jejak"))
    for secret in ("RahasiaSekali99", "tebakan-salah", demo.DEMO_PASSWORD):
        assert secret not in dump


def test_admin_changes_are_filed(app, db):
    admin = signed_in(app, "admin")
    layanan_id = db.execute("SELECT id FROM layanan WHERE slug = 'konsultasi'").fetchone()[0]
    r = admin.post(f"/staf/admin/layanan/{layanan_id}", data={
        "nama": "Konsultasi keagamaan", "sop_hari": "3", "dibuka": "1",
        "konsultasi-ditawarkan": "y", "konsultasi-dibuka": "0"})
    assert r.status_code == 302, text_of(r)[:500]
    admin.post(f"/staf/admin/layanan/{layanan_id}/persyaratan/baru", data={
        "nama": "Surat pengantar", "wajib": "1", "jenis": ["pdf"]})
    admin.post("/staf/admin/akun/baru", data={"username": "baru", "nama": "I Made Baru",
                                               "peran": ["satpam"]})
    kinds = [(e["peristiwa"], e["objek"], e["peran"]) for e in entries(db, jenis="admin")]
    assert ("layanan_ubah", "layanan", "admin") in kinds
    assert ("persyaratan_tambah", "persyaratan", "admin") in kinds
    assert ("staf_tambah", "staf", "admin") in kinds
    mode_change = next(e for e in entries(db, jenis="admin") if e["peristiwa"] == "layanan_ubah")
    assert mode_change["rincian"] == "buka;konsultasi:tutup"


def test_workflow_steps_and_opened_documents_are_filed(app, db):
    p = submitted_request(db, app.config["UPLOAD_FOLDER"])
    verifikator = signed_in(app, "verifikator")
    dokumen_id = db.execute("SELECT id FROM dokumen WHERE permohonan_id = ?",
                            (p["id"],)).fetchone()[0]
    assert verifikator.get(f"/staf/dokumen/{dokumen_id}").status_code == 200
    checks = {f"periksa-m_{r[0]}": "ya" for r in db.execute(
        "SELECT id FROM persyaratan WHERE layanan_id = ? AND aktif = 1", (p["layanan_id"],))}
    r = verifikator.post(f"/staf/permohonan/{p['id']}/periksa",
                         data={"tombol": "teruskan", **checks},
                         environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert r.status_code == 302
    opened = entries(db, jenis="dokumen")[0]
    assert (opened["peristiwa"], opened["objek"], opened["objek_id"], opened["rincian"]) == (
        "dokumen_buka", "dokumen", dokumen_id, f"permohonan:{p['id']}")
    step = entries(db, jenis="aksi")[0]
    assert (step["peristiwa"], step["objek_id"], step["peran"], step["rincian"],
            step["asal"]) == ("teruskan", p["id"], "verifikator", "diajukan>diverifikasi",
                              "10.1.2.3")
    assert step["staf_id"] == staff_id(db, "verifikator")


def test_the_trail_can_only_be_added_to(db):
    store.add(db, "masuk", staf_id=None, asal="127.0.0.1")
    db.conn.commit()
    with pytest.raises(sqlite3.DatabaseError, match="hanya bisa ditambah"):
        db.execute("UPDATE jejak SET asal = 'dipalsukan'")
    with pytest.raises(sqlite3.DatabaseError, match="hanya bisa ditambah"):
        db.execute("DELETE FROM jejak")


def test_the_admin_filters_the_trail_and_exports_it(app, db):
    client = app.test_client()
    client.post(SIGN_IN, data={"username": "satpam", "password": "salah-sekali"})
    signed_in(app, "verifikator")
    admin = signed_in(app, "admin")
    satpam = staff_id(db, "satpam")
    page = text_of(admin.get(f"/staf/admin/jejak?jenis=masuk&staf={satpam}"))
    table = page[page.index("1 peristiwa, yang terbaru"):]
    assert "Gagal masuk" in table and "I Nyoman Budi (satpam)" in table
    assert "I Made Wirawan" not in table
    # Office days: today has entries, a day in the past has none.
    assert "Tidak ada peristiwa" in text_of(admin.get("/staf/admin/jejak?sampai=2020-01-01"))
    r = admin.get("/staf/admin/jejak?dari=kemarin&sampai=2020-01-01&jenis=rahasia")
    page = text_of(r)
    assert r.status_code == 200 and page.startswith("Kesalahan:")
    assert "Pilih jenis peristiwa dari daftar." in page
    assert "Masukkan tanggal yang benar" in page

    # CSV: the same filter, and no cell Excel would run as a formula.
    store.add(db, "skm_tindak_lanjut", staf_id=staff_id(db, "admin"), rincian="=HYPERLINK(1)")
    db.conn.commit()
    r = admin.get(f"/staf/admin/jejak.csv?jenis=masuk&staf={satpam}")
    assert r.headers["Content-Type"].startswith("text/csv")
    assert r.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:4] == ["Nomor", "Waktu (UTC)", "Jenis", "Kode peristiwa"]
    assert [row[3] for row in rows[1:]] == ["masuk_gagal"]
    everything = admin.get("/staf/admin/jejak.csv").get_data(as_text=True)
    assert "'=HYPERLINK(1)" in everything and ",=HYPERLINK" not in everything
    # The export itself is filed.
    assert entries(db, jenis="admin")[0]["peristiwa"] == "jejak_unduh"


def test_only_the_admin_reads_the_trail(app):
    for role in ("kepala", "verifikator", "satpam"):
        assert signed_in(app, role).get("/staf/admin/jejak").status_code == 403


def test_the_trail_pages(app, db):
    for _ in range(60):
        store.add(db, "masuk", staf_id=staff_id(db, "satpam"), peran="satpam")
    db.conn.commit()
    admin = signed_in(app, "admin")
    first = text_of(admin.get("/staf/admin/jejak?jenis=masuk"))
    assert "Halaman 1 dari 2" in first and "Berikutnya" in first
    second = admin.get("/staf/admin/jejak?jenis=masuk&halaman=2")
    assert "Halaman 2 dari 2" in text_of(second)
    assert "jenis=masuk" in second.get_data(as_text=True)  # the filter stays in the links
    assert admin.get("/staf/admin/jejak?halaman=99999999999").status_code == 200


def test_prompt_recordings_are_filed(app, db, tmp_path):
    import numpy as np

    from pwa import suara
    from speech import audio, espeak, tts
    tts.configure(tmp_path / "cache", recorded_dirs=[suara.recordings_folder(app)])
    samples, rate = espeak.synthesise("Rahajeng rauh ring MENTARI", voice="id")
    wav = audio.wav_bytes(np.concatenate([np.zeros(rate, np.int16), samples]), rate)
    admin = signed_in(app, "admin")
    r = admin.post("/staf/admin/suara/ban/bantuan", data={"rekaman": (io.BytesIO(wav), "a.wav")},
                   content_type="multipart/form-data")
    assert r.status_code == 302
    assert admin.post("/staf/admin/suara/ban/bantuan/hapus").status_code == 302
    filed = [(e["peristiwa"], e["rincian"]) for e in entries(db, jenis="admin")]
    assert filed[:2] == [("rekaman_hapus", "ban:bantuan"), ("rekaman_simpan", "ban:bantuan")]
