"""Numbered schema migrations. Append only: never edit one that has shipped."""

M001_SCHEMA = """
CREATE TABLE layanan (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL,
    deskripsi TEXT NOT NULL DEFAULT '',
    sop_hari INTEGER NOT NULL DEFAULT 5,
    dibuka INTEGER NOT NULL DEFAULT 1,
    dibuka_kembali TEXT,
    tautan_nasional TEXT,
    urutan INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE layanan_mode (
    layanan_id INTEGER NOT NULL REFERENCES layanan(id) ON DELETE CASCADE,
    mode TEXT NOT NULL,
    dibuka INTEGER NOT NULL DEFAULT 1,
    dibuka_kembali TEXT,
    PRIMARY KEY (layanan_id, mode)
);
CREATE TABLE persyaratan (
    id INTEGER PRIMARY KEY,
    layanan_id INTEGER NOT NULL REFERENCES layanan(id) ON DELETE CASCADE,
    nama TEXT NOT NULL,
    keterangan TEXT NOT NULL DEFAULT '',
    wajib INTEGER NOT NULL DEFAULT 1,
    jenis TEXT NOT NULL DEFAULT 'pdf,jpeg,png,webp',
    urutan INTEGER NOT NULL DEFAULT 0,
    aktif INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE staf (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL,
    peran TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    aktif INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE draf (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL DEFAULT '{}',
    dibuat_at TEXT NOT NULL,
    diubah_at TEXT NOT NULL
);
CREATE TABLE permohonan (
    id INTEGER PRIMARY KEY,
    nomor TEXT NOT NULL UNIQUE,
    idempotency_key TEXT UNIQUE,
    layanan_id INTEGER NOT NULL REFERENCES layanan(id),
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    nama TEXT NOT NULL,
    telepon TEXT NOT NULL,
    nik TEXT,
    alamat TEXT NOT NULL,
    desa TEXT NOT NULL,
    kecamatan TEXT NOT NULL,
    kategori TEXT NOT NULL DEFAULT '[]',
    disabilitas TEXT NOT NULL DEFAULT '[]',
    bantuan TEXT NOT NULL DEFAULT '[]',
    bantuan_lain TEXT NOT NULL DEFAULT '',
    jadwal TEXT,
    alamat_jemput TEXT,
    bawaan TEXT NOT NULL DEFAULT '',
    catatan TEXT NOT NULL DEFAULT '',
    bahasa TEXT NOT NULL DEFAULT 'id',
    petugas_id INTEGER REFERENCES staf(id),
    jadwal_petugas TEXT,
    dibuat_at TEXT NOT NULL,
    diajukan_at TEXT NOT NULL,
    batas_sop TEXT NOT NULL,
    selesai_at TEXT
);
CREATE INDEX permohonan_status ON permohonan(status, diajukan_at);
CREATE TABLE dokumen (
    id INTEGER PRIMARY KEY,
    draf_id TEXT,
    permohonan_id INTEGER REFERENCES permohonan(id),
    persyaratan_id INTEGER NOT NULL REFERENCES persyaratan(id),
    nama_asli TEXT NOT NULL DEFAULT '',
    berkas TEXT,
    mime TEXT,
    ukuran INTEGER NOT NULL DEFAULT 0,
    diambil_petugas INTEGER NOT NULL DEFAULT 0,
    aktif INTEGER NOT NULL DEFAULT 1,
    diunggah_at TEXT NOT NULL
);
CREATE INDEX dokumen_permohonan ON dokumen(permohonan_id);
CREATE INDEX dokumen_draf ON dokumen(draf_id);
CREATE TABLE pemeriksaan (
    permohonan_id INTEGER NOT NULL REFERENCES permohonan(id),
    persyaratan_id INTEGER NOT NULL REFERENCES persyaratan(id),
    memenuhi INTEGER NOT NULL,
    alasan TEXT NOT NULL DEFAULT '',
    staf_id INTEGER REFERENCES staf(id),
    at TEXT NOT NULL,
    PRIMARY KEY (permohonan_id, persyaratan_id)
);
CREATE TABLE riwayat (
    id INTEGER PRIMARY KEY,
    permohonan_id INTEGER NOT NULL REFERENCES permohonan(id),
    staf_id INTEGER REFERENCES staf(id),
    peran TEXT NOT NULL,
    aksi TEXT NOT NULL,
    dari_status TEXT,
    ke_status TEXT NOT NULL,
    catatan TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX riwayat_permohonan ON riwayat(permohonan_id, id);
CREATE TABLE laporan (
    permohonan_id INTEGER PRIMARY KEY REFERENCES permohonan(id),
    petugas_id INTEGER NOT NULL REFERENCES staf(id),
    hasil TEXT NOT NULL,
    catatan TEXT NOT NULL DEFAULT '',
    lampiran TEXT,
    lampiran_mime TEXT,
    at TEXT NOT NULL
);
CREATE TABLE penilaian (
    permohonan_id INTEGER PRIMARY KEY REFERENCES permohonan(id),
    petugas_id INTEGER REFERENCES staf(id),
    skor INTEGER NOT NULL CHECK (skor BETWEEN 1 AND 5),
    komentar TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE TABLE skm_jawaban (
    id INTEGER PRIMARY KEY,
    permohonan_id INTEGER UNIQUE REFERENCES permohonan(id),
    tiket_id INTEGER UNIQUE REFERENCES tiket(id),
    u1 INTEGER NOT NULL, u2 INTEGER NOT NULL, u3 INTEGER NOT NULL,
    u4 INTEGER NOT NULL, u5 INTEGER NOT NULL, u6 INTEGER NOT NULL,
    u7 INTEGER NOT NULL, u8 INTEGER NOT NULL, u9 INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE skm_tindak_lanjut (
    id INTEGER PRIMARY KEY,
    periode TEXT NOT NULL,
    catatan TEXT NOT NULL,
    staf_id INTEGER REFERENCES staf(id),
    at TEXT NOT NULL
);
CREATE TABLE keberatan (
    id INTEGER PRIMARY KEY,
    permohonan_id INTEGER NOT NULL REFERENCES permohonan(id),
    alasan TEXT NOT NULL,
    status TEXT NOT NULL,
    catatan_pemeriksa TEXT NOT NULL DEFAULT '',
    pemeriksa_id INTEGER REFERENCES staf(id),
    petugas_id INTEGER REFERENCES staf(id),
    diajukan_at TEXT NOT NULL,
    diputus_at TEXT,
    diantar_at TEXT
);
CREATE TABLE pengaduan (
    id INTEGER PRIMARY KEY,
    nomor TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL DEFAULT '',
    kontak TEXT NOT NULL DEFAULT '',
    isi TEXT NOT NULL,
    status TEXT NOT NULL,
    tindak_lanjut TEXT NOT NULL DEFAULT '',
    staf_id INTEGER REFERENCES staf(id),
    diajukan_at TEXT NOT NULL,
    ditanggapi_at TEXT
);
CREATE TABLE pesan (
    id INTEGER PRIMARY KEY,
    permohonan_id INTEGER NOT NULL REFERENCES permohonan(id),
    isi TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE kiriman (
    id INTEGER PRIMARY KEY,
    pesan_id INTEGER NOT NULL REFERENCES pesan(id),
    tujuan TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'antri',
    percobaan INTEGER NOT NULL DEFAULT 0,
    galat TEXT NOT NULL DEFAULT '',
    terakhir_at TEXT
);
CREATE TABLE tiket (
    id INTEGER PRIMARY KEY,
    nomor TEXT NOT NULL,
    tanggal TEXT NOT NULL,
    nama TEXT NOT NULL,
    kebutuhan TEXT NOT NULL DEFAULT '',
    layanan_id INTEGER REFERENCES layanan(id),
    loket TEXT NOT NULL,
    prioritas INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'menunggu',
    permohonan_id INTEGER REFERENCES permohonan(id),
    dibuat_oleh INTEGER REFERENCES staf(id),
    dibuat_at TEXT NOT NULL,
    dipanggil_oleh INTEGER REFERENCES staf(id),
    dipanggil_at TEXT,
    selesai_at TEXT,
    UNIQUE (tanggal, nomor)
);
"""

# Issue 3: an SKM filled without a signal is sent by the phone, perhaps more than once; its
# idempotency key (made on the phone) keeps it one answer.
M002_SKM_KUNCI = """
ALTER TABLE skm_jawaban ADD COLUMN kunci TEXT;
CREATE UNIQUE INDEX skm_jawaban_kunci ON skm_jawaban (kunci);
"""

# Issue 16 (hardening):
# - one open keberatan per request, enforced by the database (20 taps at once made four);
# - rate-limit counters shared by every worker process (batas);
# - the notification outbox becomes a queue a worker drains outside the request: when the
#   next attempt is due, and a lease so two workers never send one message twice.
M003_HARDENING = """
CREATE UNIQUE INDEX keberatan_satu_terbuka ON keberatan (permohonan_id)
    WHERE status IN ('diajukan', 'diterima');
CREATE TABLE batas (
    kunci TEXT NOT NULL,
    jendela INTEGER NOT NULL,
    jumlah INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kunci, jendela)
);
ALTER TABLE kiriman ADD COLUMN dibuat_at TEXT;
ALTER TABLE kiriman ADD COLUMN berikutnya_at TEXT;
ALTER TABLE kiriman ADD COLUMN diklaim_sampai TEXT;
CREATE INDEX kiriman_antri ON kiriman (status, berikutnya_at);
CREATE INDEX draf_diubah ON draf (diubah_at);
"""

# Issue 17 §4 (working days that know Indonesia and Bali):
# - closure days the admin adds (national holidays, cuti bersama and Bali's holy days come from
#   code, services/kalender.py), one row per day;
# - whether a request's SOP deadline counts from the day the citizen chose rather than from
#   submission (they chose a day after the SOP time), so the pages can say so.
M004_HARI_TUTUP = """
CREATE TABLE hari_tutup (
    tanggal TEXT PRIMARY KEY,
    alasan TEXT NOT NULL,
    dibuat_oleh INTEGER REFERENCES staf(id),
    dibuat_at TEXT NOT NULL
);
ALTER TABLE permohonan ADD COLUMN batas_dari_jadwal INTEGER NOT NULL DEFAULT 0;
"""


# --- Staff accounts, sessions, sign-in lockout and the audit trail (issue 17 points 1-2, issue
# 16 points 7 and 13) -------------------------------------------------------------------------
# One person may hold several roles (staf_peran). Sessions live here, not only in the signed
# cookie, so signing out, a password change or deactivation ends them on every device and an
# idle one expires (staf_session; the cookie carries a random token, the table its SHA-256).
# Failed sign-ins are counted here, shared by every worker process (gagal_masuk, dikunci_sampai).
# The audit trail (jejak) can only be added to: the triggers refuse UPDATE and DELETE.
M005_STAF_AKUN = """
CREATE TABLE staf_peran (
    staf_id INTEGER NOT NULL REFERENCES staf(id),
    peran TEXT NOT NULL,
    PRIMARY KEY (staf_id, peran)
);
INSERT INTO staf_peran (staf_id, peran) SELECT id, peran FROM staf;
ALTER TABLE staf DROP COLUMN peran;
ALTER TABLE staf ADD COLUMN harus_ganti_sandi INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staf ADD COLUMN gagal_masuk INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staf ADD COLUMN dikunci_sampai TEXT;
ALTER TABLE staf ADD COLUMN sandi_diubah_at TEXT;
CREATE TABLE staf_session (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    staf_id INTEGER NOT NULL REFERENCES staf(id),
    peran TEXT NOT NULL,
    dibuat_at TEXT NOT NULL,
    terakhir_at TEXT NOT NULL
);
CREATE INDEX staf_session_staf ON staf_session(staf_id);
CREATE TABLE jejak (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    jenis TEXT NOT NULL,
    peristiwa TEXT NOT NULL,
    staf_id INTEGER REFERENCES staf(id),
    peran TEXT,
    objek TEXT,
    objek_id INTEGER,
    rincian TEXT NOT NULL DEFAULT '',
    asal TEXT NOT NULL DEFAULT ''
);
CREATE INDEX jejak_at ON jejak(at);
CREATE INDEX jejak_staf ON jejak(staf_id, at);
CREATE INDEX jejak_jenis ON jejak(jenis, at);
CREATE TRIGGER jejak_tidak_diubah BEFORE UPDATE ON jejak
BEGIN SELECT RAISE(ABORT, 'jejak audit hanya bisa ditambah'); END;
CREATE TRIGGER jejak_tidak_dihapus BEFORE DELETE ON jejak
BEGIN SELECT RAISE(ABORT, 'jejak audit hanya bisa ditambah'); END;
"""
# --- end of staff accounts ---------------------------------------------------------------------


# --- Standards, complaints that go somewhere, SKM as the regulation asks (issue 17 points 8-10,
# branch standar-aduan) -------------------------------------------------------------------------
# - layanan.produk: what the citizen receives, part of the published standard (and what SKM
#   element 5 asks about); maklumat: the office's service charter, every version kept, the
#   newest shown;
# - pengaduan: what it is about (jenis: the service, or integrity, which goes to the Kepala
#   Kantor and the integrity team), the language it was filed in (for its SMS), and a thread of
#   follow-ups (the office's answers, the complainant's additions) instead of one overwritten
#   text; the old answers become the first entries;
# - pesan (the message inbox behind every SMS) belongs to a request or to a complaint: rebuilt,
#   since SQLite cannot make permohonan_id nullable in place (store/db.migrate runs migrations
#   with foreign keys off and checks them before committing, SQLite's documented procedure);
# - skm_jawaban: the service received and the respondent profile of PermenPAN-RB 14/2017;
#   answers linked to a request take the request's service.
M006_STANDAR_ADUAN_SKM = """
ALTER TABLE layanan ADD COLUMN produk TEXT NOT NULL DEFAULT '';
CREATE TABLE maklumat (
    id INTEGER PRIMARY KEY,
    teks TEXT NOT NULL,
    teks_ban TEXT NOT NULL DEFAULT '',
    staf_id INTEGER REFERENCES staf(id),
    at TEXT NOT NULL
);
ALTER TABLE pengaduan ADD COLUMN jenis TEXT NOT NULL DEFAULT 'layanan';
ALTER TABLE pengaduan ADD COLUMN bahasa TEXT NOT NULL DEFAULT 'id';
CREATE TABLE pengaduan_tindak_lanjut (
    id INTEGER PRIMARY KEY,
    pengaduan_id INTEGER NOT NULL REFERENCES pengaduan(id),
    oleh TEXT NOT NULL,
    aksi TEXT NOT NULL,
    isi TEXT NOT NULL DEFAULT '',
    status TEXT,
    staf_id INTEGER REFERENCES staf(id),
    peran TEXT,
    at TEXT NOT NULL
);
CREATE INDEX pengaduan_tindak_lanjut_pengaduan ON pengaduan_tindak_lanjut (pengaduan_id, id);
INSERT INTO pengaduan_tindak_lanjut (pengaduan_id, oleh, aksi, isi, status, staf_id, peran, at)
    SELECT id, 'kantor', 'tanggapi', tindak_lanjut, status, staf_id, 'admin',
           COALESCE(ditanggapi_at, diajukan_at)
    FROM pengaduan WHERE tindak_lanjut <> '';
ALTER TABLE pengaduan DROP COLUMN tindak_lanjut;
CREATE INDEX pengaduan_jenis ON pengaduan (jenis, status);
CREATE TABLE pesan_baru (
    id INTEGER PRIMARY KEY,
    permohonan_id INTEGER REFERENCES permohonan(id),
    pengaduan_id INTEGER REFERENCES pengaduan(id),
    isi TEXT NOT NULL,
    at TEXT NOT NULL,
    CHECK ((permohonan_id IS NULL) <> (pengaduan_id IS NULL))
);
INSERT INTO pesan_baru (id, permohonan_id, isi, at) SELECT id, permohonan_id, isi, at FROM pesan;
DROP TABLE pesan;
ALTER TABLE pesan_baru RENAME TO pesan;
CREATE INDEX pesan_permohonan ON pesan (permohonan_id, id);
CREATE INDEX pesan_pengaduan ON pesan (pengaduan_id, id);
ALTER TABLE skm_jawaban ADD COLUMN layanan_id INTEGER REFERENCES layanan(id);
ALTER TABLE skm_jawaban ADD COLUMN umur TEXT;
ALTER TABLE skm_jawaban ADD COLUMN jenis_kelamin TEXT;
ALTER TABLE skm_jawaban ADD COLUMN pendidikan TEXT;
ALTER TABLE skm_jawaban ADD COLUMN pekerjaan TEXT;
UPDATE skm_jawaban SET layanan_id = (
    SELECT p.layanan_id FROM permohonan p WHERE p.id = skm_jawaban.permohonan_id)
    WHERE permohonan_id IS NOT NULL;
CREATE INDEX skm_jawaban_at ON skm_jawaban (at);
"""
# --- end of standards, complaints and SKM -----------------------------------------------------

# --- family members on one phone (issue 19) ---------------------------------------------------
# - perangkat: a phone, known by a random id kept in its signed session; which member is using
#   it now and since when they were last active (the idle lock is the server's, not the page's);
# - anggota: a member of the family on that phone: name, an optional PIN (argon2 hash), their
#   display settings and language, and the wrong-PIN count that locks the PIN for a while;
# - perangkat_permohonan: which requests the phone holds, whose each is (NULL: the phone's,
#   from before any member) and who filled it in (the daughter for her grandmother).
M007_KELUARGA = """
CREATE TABLE perangkat (
    id INTEGER PRIMARY KEY,
    kunci TEXT NOT NULL UNIQUE,
    anggota_id INTEGER REFERENCES anggota(id) ON DELETE SET NULL,
    aktif_at TEXT,
    dibuat_at TEXT NOT NULL
);
CREATE TABLE anggota (
    id INTEGER PRIMARY KEY,
    perangkat_id INTEGER NOT NULL REFERENCES perangkat(id) ON DELETE CASCADE,
    kode TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL,
    pin_hash TEXT,
    tampilan TEXT NOT NULL DEFAULT '',
    bahasa TEXT NOT NULL DEFAULT '',
    pin_salah INTEGER NOT NULL DEFAULT 0,
    terkunci_sampai TEXT,
    dibuat_at TEXT NOT NULL
);
CREATE INDEX anggota_perangkat ON anggota (perangkat_id, id);
CREATE TABLE perangkat_permohonan (
    perangkat_id INTEGER NOT NULL REFERENCES perangkat(id) ON DELETE CASCADE,
    permohonan_id INTEGER NOT NULL REFERENCES permohonan(id),
    anggota_id INTEGER REFERENCES anggota(id) ON DELETE CASCADE,
    pengisi_id INTEGER REFERENCES anggota(id) ON DELETE SET NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (perangkat_id, permohonan_id)
);
CREATE INDEX perangkat_permohonan_anggota ON perangkat_permohonan (anggota_id);
"""
# --- end of family members --------------------------------------------------------------------

# --- konsultasi online (issue 18) -------------------------------------------------------------
# - konsultasi_pesan: the messages of a consultation's room, by the citizen (oleh 'pemohon') or
#   the officer ('petugas'); kunci is the phone's idempotency key, so a message sent again from
#   the outbox is stored once;
# - konsultasi: when the officer ended the room (a row only once it is ended);
# - konsultasi_sinyal: a live call's WebRTC signalling (offer, answer, hang-up), relayed
#   through the app: one side writes, the other side's page reads it with its next poll.
M008_KONSULTASI = """
CREATE TABLE konsultasi_pesan (
    id INTEGER PRIMARY KEY,
    permohonan_id INTEGER NOT NULL REFERENCES permohonan(id),
    oleh TEXT NOT NULL,
    staf_id INTEGER REFERENCES staf(id),
    jenis TEXT NOT NULL DEFAULT 'teks',
    isi TEXT NOT NULL DEFAULT '',
    berkas TEXT,
    detik REAL,
    transkrip TEXT,
    kunci TEXT UNIQUE,
    at TEXT NOT NULL
);
CREATE INDEX konsultasi_pesan_permohonan ON konsultasi_pesan (permohonan_id, id);
CREATE TABLE konsultasi (
    permohonan_id INTEGER PRIMARY KEY REFERENCES permohonan(id),
    selesai_at TEXT NOT NULL,
    staf_id INTEGER REFERENCES staf(id)
);
CREATE TABLE konsultasi_sinyal (
    id INTEGER PRIMARY KEY,
    permohonan_id INTEGER NOT NULL REFERENCES permohonan(id),
    dari TEXT NOT NULL,
    jenis TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX konsultasi_sinyal_permohonan ON konsultasi_sinyal (permohonan_id, id);
"""
# --- end of konsultasi online -------------------------------------------------------------------

MIGRATIONS = [M001_SCHEMA, M002_SKM_KUNCI, M003_HARDENING, M004_HARI_TUTUP, M005_STAF_AKUN,
              M006_STANDAR_ADUAN_SKM, M007_KELUARGA, M008_KONSULTASI]
