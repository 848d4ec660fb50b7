"""The migration of issue 17.8-10 on an office that already has data: messages (rebuilt table)
keep their deliveries, complaint answers become the first entry of their thread, and survey
answers linked to a request take the request's service."""
import sqlite3

import pytest

from pwa.store import db as store_db, migrations


@pytest.fixture
def old_office(tmp_path, monkeypatch):
    """A database at the schema before this migration, with a request, its message and its
    delivery, an answered complaint and a survey answer."""
    db = store_db.connect(str(tmp_path / "lama.db"))
    before = migrations.MIGRATIONS.index(migrations.M006_STANDAR_ADUAN_SKM)
    monkeypatch.setattr(store_db, "MIGRATIONS", migrations.MIGRATIONS[:before])
    store_db.migrate(db)
    db.execute("INSERT INTO layanan (id, slug, nama) VALUES (1, 'legalisir', 'Legalisir')")
    db.execute("INSERT INTO staf (id, username, nama, password_hash) "
               "VALUES (1, 'admin', 'Ni Luh', 'x')")
    db.execute("INSERT INTO staf_peran (staf_id, peran) VALUES (1, 'admin')")
    db.execute("""INSERT INTO permohonan (id, nomor, layanan_id, mode, status, nama, telepon,
                  alamat, desa, kecamatan, dibuat_at, diajukan_at, batas_sop)
                  VALUES (1, '202400000013', 1, 'langsung', 'selesai', 'Sari', '0812',
                  'Banjar', 'Subagan', 'Karangasem', '2026-01-05', '2026-01-05',
                  '2026-01-07')""")
    db.execute("INSERT INTO pesan (id, permohonan_id, isi, at) VALUES (7, 1, 'Diterima.', "
               "'2026-01-05')")
    db.execute("INSERT INTO kiriman (pesan_id, tujuan, status) VALUES (7, '0812', 'terkirim')")
    db.execute("""INSERT INTO pengaduan (id, nomor, isi, status, tindak_lanjut, staf_id,
                  diajukan_at, ditanggapi_at) VALUES (3, '202400009022', 'Papan pudar.',
                  'selesai', 'Papan sudah diganti.', 1, '2026-01-02', '2026-01-04')""")
    db.execute("INSERT INTO pengaduan (id, nomor, isi, status, diajukan_at) VALUES "
               "(4, '202400009011', 'Antrean lama.', 'baru', '2026-01-03')")
    db.execute("INSERT INTO skm_jawaban (permohonan_id, u1, u2, u3, u4, u5, u6, u7, u8, u9, at) "
               "VALUES (1, 4, 4, 4, 4, 4, 4, 4, 4, 4, '2026-01-06')")
    db.conn.commit()
    monkeypatch.setattr(store_db, "MIGRATIONS", migrations.MIGRATIONS)
    yield db
    db.conn.close()


def test_the_migration_keeps_what_the_office_had(old_office):
    db = old_office
    assert store_db.migrate(db) == len(migrations.MIGRATIONS)
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # back on after migrating
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    message = dict(db.execute("SELECT * FROM pesan WHERE id = 7").fetchone())
    assert (message["permohonan_id"], message["pengaduan_id"], message["isi"]) == (
        1, None, "Diterima.")
    delivery = db.execute("SELECT k.status FROM kiriman k JOIN pesan p ON p.id = k.pesan_id "
                          "WHERE p.permohonan_id = 1").fetchone()
    assert delivery[0] == "terkirim"
    thread = [dict(r) for r in db.execute(
        "SELECT pengaduan_id, oleh, aksi, isi, status, staf_id, at "
        "FROM pengaduan_tindak_lanjut ORDER BY id")]
    assert thread == [{"pengaduan_id": 3, "oleh": "kantor", "aksi": "tanggapi",
                       "isi": "Papan sudah diganti.", "status": "selesai", "staf_id": 1,
                       "at": "2026-01-04"}]
    kinds = {r[0]: r[1] for r in db.execute("SELECT id, jenis FROM pengaduan")}
    assert kinds == {3: "layanan", 4: "layanan"}  # every earlier complaint was the admin's
    assert db.execute("SELECT layanan_id FROM skm_jawaban").fetchone()[0] == 1


def test_a_message_belongs_to_a_request_or_a_complaint_never_both_or_neither(old_office):
    db = old_office
    store_db.migrate(db)
    db.execute("INSERT INTO pesan (pengaduan_id, isi, at) VALUES (4, 'Diterima.', '2026')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO pesan (permohonan_id, pengaduan_id, isi, at) "
                   "VALUES (1, 4, 'Keduanya.', '2026')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO pesan (isi, at) VALUES ('Tidak tentang apa pun.', '2026')")
