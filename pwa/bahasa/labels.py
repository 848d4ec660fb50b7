"""Translated names for the domain's stable codes (states, roles, modes, refusals...).

The domain speaks in codes; this is the one place that turns them into words, so the screen,
notifications and (later) the voice prompts say the same thing.
"""
from flask_babel import lazy_gettext as _l

from ..domain import jadwal
from ..domain.workflow import Aksi, Mode, Peran, Status

MODE = {
    Mode.ANTAR_JEMPUT: _l("Layanan Antar Jemput"),
    Mode.JEMPUT_BOLA: _l("Layanan Jemput Bola"),
    Mode.KONSULTASI: _l("Konsultasi Online"),
    Mode.LANGSUNG: _l("Layanan Langsung (Meragatan)"),
}

MODE_HINT = {
    Mode.ANTAR_JEMPUT: _l("Petugas menjemput Anda ke kantor, lalu mengantar Anda pulang."),
    Mode.JEMPUT_BOLA: _l("Petugas datang ke rumah Anda dan melayani di sana."),
    Mode.KONSULTASI: _l("Konsultasi lewat pesan atau video pada waktu yang Anda pilih."),
    Mode.LANGSUNG: _l("Anda datang ke kantor dan didahulukan tanpa antre."),
}

PERAN = {
    Peran.PEMOHON: _l("Pemohon"),
    Peran.ADMIN: _l("Admin"),
    Peran.VERIFIKATOR: _l("Verifikator"),
    Peran.KASUBAG_TU: _l("Kasubag TU"),
    Peran.KEPALA_KANTOR: _l("Kepala Kantor"),
    Peran.PETUGAS: _l("Petugas"),
    Peran.SATPAM: _l("Satpam"),
    Peran.TIM_INTEGRITAS: _l("Tim integritas"),
}

STATUS = {
    Status.DIAJUKAN: _l("Diajukan, menunggu pemeriksaan"),
    Status.DIKEMBALIKAN: _l("Dikembalikan untuk diperbaiki"),
    Status.DIVERIFIKASI: _l("Diverifikasi, menunggu paraf Kasubag TU"),
    Status.DIPARAF: _l("Diparaf, menunggu persetujuan Kepala Kantor"),
    Status.DISETUJUI: _l("Disetujui, petugas ditugaskan"),
    Status.DITOLAK: _l("Ditolak"),
    Status.DIJEMPUT: _l("Dijemput petugas"),
    Status.DI_KANTOR: _l("Sedang dilayani di kantor"),
    Status.DIANTAR_PULANG: _l("Diantar pulang"),
    Status.DILAPORKAN: _l("Layanan selesai, laporan dikirim"),
    Status.LAPORAN_DIPARAF: _l("Laporan diparaf Kasubag TU"),
    Status.SELESAI: _l("Selesai"),
}

AKSI = {
    Aksi.AJUKAN: _l("Permohonan diajukan"),
    Aksi.AJUKAN_ULANG: _l("Permohonan diajukan ulang"),
    Aksi.TERUSKAN: _l("Diverifikasi dan diteruskan"),
    Aksi.KEMBALIKAN: _l("Dikembalikan kepada pemohon"),
    Aksi.PARAF: _l("Diparaf"),
    Aksi.KEMBALIKAN_KE_VERIFIKATOR: _l("Dikembalikan ke verifikator"),
    Aksi.SETUJUI: _l("Disetujui dan petugas ditugaskan"),
    Aksi.TOLAK: _l("Ditolak"),
    Aksi.JEMPUT: _l("Pemohon dijemput"),
    Aksi.TIBA_DI_KANTOR: _l("Tiba di kantor"),
    Aksi.ANTAR_PULANG: _l("Pemohon diantar pulang"),
    Aksi.LAPOR: _l("Petugas melaporkan hasil layanan"),
    Aksi.PARAF_LAPORAN: _l("Laporan diparaf Kasubag TU"),
    Aksi.TERIMA_LAPORAN: _l("Laporan diterima Kepala Kantor"),
}

# Button text for each action a staff member can take.
TOMBOL = {
    Aksi.TERUSKAN: _l("Teruskan ke Kasubag TU"),
    Aksi.KEMBALIKAN: _l("Kembalikan kepada pemohon"),
    Aksi.PARAF: _l("Paraf"),
    Aksi.KEMBALIKAN_KE_VERIFIKATOR: _l("Kembalikan ke verifikator"),
    Aksi.SETUJUI: _l("Setujui dan tugaskan"),
    Aksi.TOLAK: _l("Tolak"),
    Aksi.JEMPUT: _l("Pemohon sudah dijemput"),
    Aksi.TIBA_DI_KANTOR: _l("Sudah tiba di kantor"),
    Aksi.ANTAR_PULANG: _l("Pemohon sudah diantar pulang"),
    Aksi.LAPOR: _l("Kirim laporan"),
    Aksi.PARAF_LAPORAN: _l("Paraf laporan"),
    Aksi.TERIMA_LAPORAN: _l("Terima laporan"),
}

NEXT_STEP = {
    "fix_documents": _l("Perbaiki dokumen yang dikembalikan, lalu ajukan ulang."),
    "ready_for_pickup": _l("Bersiaplah untuk dijemput petugas pada waktu yang tertera."),
    "ready_for_visit": _l("Petugas akan datang ke rumah Anda pada waktu yang tertera."),
    "ready_for_consultation": _l("Pada waktu konsultasi yang tertera, buka ruang Konsultasi "
                                 "Online di halaman ini (dibuka 10 menit sebelumnya). Petugas "
                                 "menjawab Anda di sana lewat pesan."),
    "come_to_office": _l("Datanglah ke kantor pada waktu yang tertera dan tunjukkan nomor "
                         "registrasi kepada satpam."),
    "rate_service": _l("Layanan sudah diberikan. Mohon beri penilaian untuk petugas."),
    "rejected": _l("Permohonan ditolak. Alasannya tertulis di riwayat di bawah."),
    "wait": _l("Tidak ada yang perlu Anda lakukan sekarang. Kami akan memberi kabar."),
}

REFUSAL = {
    "wrong_role": _l("Peran Anda tidak boleh melakukan langkah ini."),
    "wrong_state": _l("Langkah ini tidak bisa dilakukan pada status permohonan sekarang."),
    "wrong_mode": _l("Langkah ini tidak berlaku untuk jenis layanan ini."),
    "not_assigned": _l("Hanya petugas yang ditugaskan yang boleh melakukan langkah ini."),
    "note_required": _l("Tuliskan alasannya."),
    "unknown_action": _l("Langkah tidak dikenal."),
}

KATEGORI = {
    "lansia": _l("Lanjut usia (lansia)"),
    "disabilitas": _l("Penyandang disabilitas"),
    "ibu_hamil": _l("Ibu hamil atau menyusui"),
    "anak": _l("Anak"),
    "fakir_miskin": _l("Fakir miskin"),
    "umum": _l("Bukan salah satu di atas"),
}

DISABILITAS = {
    "netra": _l("Netra (tunanetra atau low vision)"),
    "rungu": _l("Rungu (Tuli atau sulit mendengar)"),
    "wicara": _l("Wicara"),
    "daksa": _l("Daksa (fisik)"),
    "intelektual": _l("Intelektual"),
    "mental": _l("Mental"),
}

BANTUAN = {
    "kursi_roda": _l("Kursi roda"),
    "juru_bahasa_isyarat": _l("Juru bahasa isyarat"),
    "pendamping": _l("Pendamping"),
    "cetak_besar": _l("Dokumen cetak huruf besar"),
    "dibacakan": _l("Dokumen dibacakan"),
    "tandu": _l("Bantuan berpindah (tandu atau dipapah)"),
}

KECAMATAN = ("Abang", "Bebandem", "Karangasem", "Kubu", "Manggis", "Rendang", "Selat", "Sidemen")

UPLOAD_REFUSAL = {
    "empty": _l("Berkas yang dipilih kosong. Pilih berkas lain."),
    "too_large": _l("Berkas terlalu besar. Ukuran paling besar %(mb)s MB."),
    "wrong_type": _l("Berkas harus berupa PDF, JPG, PNG, atau WebP."),
    "draft_full": _l("Berkas yang diunggah untuk permohonan ini sudah terlalu banyak. Ganti "
                     "berkas yang ada, atau perkecil fotonya."),
    "office_full": _l("Unggahan sedang tidak bisa diterima. Coba lagi nanti, atau minta "
                      "petugas mengambil dokumen saat datang."),
}

HASIL = {
    "berhasil": _l("Layanan berhasil diberikan"),
    "sebagian": _l("Layanan diberikan sebagian"),
    "tidak_berhasil": _l("Layanan tidak dapat diberikan"),
}

KEBERATAN = {
    "diajukan": _l("Keberatan diajukan, sedang diperiksa"),
    "diterima": _l("Keberatan diterima: hasil layanan diantar ke rumah"),
    "ditolak": _l("Keberatan tidak diterima"),
    "diantar": _l("Hasil layanan sudah diantar ke rumah"),
}

KEBERATAN_REFUSAL = {
    "not_overdue": _l("Keberatan hanya bisa diajukan setelah batas waktu layanan terlewati."),
    "already_open": _l("Keberatan untuk permohonan ini sudah diajukan dan sedang diperiksa."),
    "wrong_role": _l("Peran Anda tidak boleh melakukan langkah ini."),
    "decided": _l("Keberatan ini sudah diputuskan."),
    "no_officer": _l("Pilih petugas yang mengantar hasil layanan."),
    "not_assigned": _l("Hanya petugas yang ditugaskan yang boleh melakukan langkah ini."),
    "delivered": _l("Pengantaran ini sudah tercatat sebelumnya."),
    "not_ready": _l("Hasil layanan belum ada: permohonan belum disetujui Kepala Kantor. Antarkan "
                    "setelah disetujui."),
}

# Why a schedule cannot be booked (domain/jadwal.py), for every form that asks for one.
JADWAL = {
    jadwal.NOT_AFTER_TODAY: _l("Pilih tanggal mulai besok."),
    jadwal.TOO_FAR: _l("Pilih tanggal dalam 60 hari ke depan."),
    jadwal.OFFICE_CLOSED: _l("Kantor tutup hari Sabtu dan Minggu. Pilih hari Senin sampai "
                             "Jumat."),
    jadwal.HOLIDAY: _l("Kantor tutup pada hari itu (%(hari)s). Pilih hari kerja lain."),
    jadwal.BEFORE_TODAY: _l("Tanggal layanan tidak boleh sebelum hari ini."),
    jadwal.AFTER_DEADLINE: _l("Tanggal layanan melewati batas waktu SOP (%(batas)s). Pilih "
                              "tanggal sampai %(batas)s, atau tanggal yang dipilih pemohon."),
    jadwal.OUTSIDE_HOURS: _l("Pilih jam antara 08.00 dan 15.00."),
    jadwal.NOT_A_SLOT: _l("Konsultasi bisa dipesan untuk 5 hari kerja ke depan, pukul 09.00, "
                          "10.00, 11.00, 13.00, atau 14.00. Pilih salah satu."),
    jadwal.SLOT_TAKEN: _l("Waktu itu sudah dipesan orang lain. Pilih waktu lain."),
}



def jadwal_message(problem: str, closure=None, batas: str = "") -> str:
    """The words for a schedule problem; `closure` (a kalender.HariTutup) names the holiday,
    `batas` is the SOP deadline as the page writes dates."""
    text = str(JADWAL[problem])
    if problem == jadwal.HOLIDAY:
        return text % {"hari": closure.nama if closure is not None else ""}
    if problem == jadwal.AFTER_DEADLINE:
        return text % {"batas": batas}
    return text


# Where a closure day comes from (domain/kalender.py), on the admin's calendar page.
SUMBER_LIBUR = {
    "nasional": _l("Libur nasional"),
    "cuti_bersama": _l("Cuti bersama"),
    "bali": _l("Hari raya Bali"),
    "kantor": _l("Ditetapkan kantor"),
}

PENGIRIMAN = {
    "antri": _l("Menunggu dikirim"),
    "terkirim": _l("Terkirim"),
    "gagal": _l("Gagal"),
}

PENGADUAN = {
    "baru": _l("Diterima, belum ditanggapi"),
    "ditindaklanjuti": _l("Sedang ditindaklanjuti"),
    "selesai": _l("Selesai ditindaklanjuti"),
}

# --- Complaints that go somewhere and the published standard (issue 17.8-9) ------------------

# What a complaint is about (domain/pengaduan.JENIS): the question on the form...
PENGADUAN_JENIS = {
    "layanan": _l("Layanan tidak sesuai standar: waktu, persyaratan, prosedur, atau sarana"),
    "pungli": _l("Diminta membayar atau memberi uang untuk layanan (pungutan liar)"),
    "gratifikasi": _l("Petugas meminta atau menerima hadiah atau imbalan (gratifikasi)"),
    "perilaku": _l("Perilaku petugas: tidak sopan, tidak adil, atau melecehkan"),
}
# ...and the short name in lists.
PENGADUAN_JENIS_SINGKAT = {
    "layanan": _l("Layanan"),
    "pungli": _l("Pungutan liar"),
    "gratifikasi": _l("Gratifikasi"),
    "perilaku": _l("Perilaku petugas"),
}

# The entries of a complaint's follow-up thread (domain/pengaduan: TANGGAPI, ALIHKAN, KETERANGAN).
PENGADUAN_ENTRI = {
    "tanggapi": _l("Tanggapan kantor"),
    "alihkan": _l("Diteruskan kepada Kepala Kantor dan tim integritas"),
    "keterangan": _l("Keterangan tambahan dari pengadu"),
}

PENGADUAN_REFUSAL = {
    "wrong_role": _l("Pengaduan ini tidak ditangani oleh peran Anda."),
    "finished": _l("Pengaduan ini sudah selesai ditindaklanjuti dan tidak bisa diubah lagi."),
    "wrong_state": _l("Pilih status pengaduan."),
    "already_integrity": _l("Pengaduan ini sudah ditangani Kepala Kantor dan tim integritas."),
    "wrong_kind": _l("Pilih jenis pelanggaran integritas."),
    "not_found": _l("Pengaduan ini tidak ada."),
}

# The procedure of a service as the citizen meets it (domain/standar.prosedur).
PROSEDUR = {
    "ajukan": _l("Ajukan permohonan di MENTARI: lewat ponsel, dengan suara, atau dibantu petugas "
                 "di kantor. Unggah persyaratannya, atau minta petugas mengambilnya. Anda "
                 "mendapat nomor registrasi."),
    "verifikasi": _l("Verifikator memeriksa persyaratan. Jika ada yang kurang, permohonan "
                     "dikembalikan dengan alasannya, dan Anda memperbaikinya lewat Cek status."),
    "paraf": _l("Kasubag TU memaraf permohonan."),
    "setujui": _l("Kepala Kantor menyetujui permohonan dan menugaskan petugas. Anda mendapat "
                  "SMS berisi waktu layanan."),
    "jemput": _l("Petugas menjemput Anda pada waktu yang dijadwalkan dan Anda dilayani di "
                 "kantor tanpa antre."),
    "antar_pulang": _l("Petugas mengantar Anda pulang."),
    "kunjungan": _l("Petugas datang ke rumah Anda pada waktu yang dijadwalkan dan melayani di "
                    "sana."),
    "konsultasi": _l("Pada waktu yang dijadwalkan, petugas melayani Anda lewat pesan di ruang "
                     "Konsultasi Online MENTARI, dari halaman permohonan Anda."),
    "datang": _l("Datang ke kantor pada tanggal yang Anda pilih dan tunjukkan nomor registrasi "
                 "kepada satpam. Anda didahulukan tanpa antre."),
    "lapor": _l("Petugas melaporkan hasil layanan; Kasubag TU dan Kepala Kantor menerimanya."),
    "nilai": _l("Anda dapat menilai petugas dan mengisi survei kepuasan."),
}

TIKET_REFUSAL = {
    "still_serving": _l("Selesaikan dulu tiket yang sedang Anda layani sebelum memanggil "
                        "yang berikutnya."),
    "already_served": _l("%(nomor)s sudah ditandai selesai sebelumnya."),
    "not_called": _l("%(nomor)s belum dipanggil. Panggil dulu sebelum melayani."),
    "other_counter": _l("%(nomor)s dilayani di loket lain. Hanya loket itu yang bisa "
                        "menyelesaikannya."),
}

TIKET = {
    "menunggu": _l("Menunggu"),
    "dipanggil": _l("Dipanggil"),
    "selesai": _l("Selesai"),
}

SKM_UNSUR = (
    _l("Persyaratan"),
    _l("Sistem, mekanisme, dan prosedur"),
    _l("Waktu penyelesaian"),
    _l("Biaya atau tarif"),
    _l("Produk spesifikasi jenis pelayanan"),
    _l("Kompetensi pelaksana"),
    _l("Perilaku pelaksana"),
    _l("Sarana dan prasarana"),
    _l("Penanganan pengaduan, saran, dan masukan"),
)

SKM_SKALA = {
    1: _l("Tidak baik"),
    2: _l("Kurang baik"),
    3: _l("Baik"),
    4: _l("Sangat baik"),
}

# The respondent profile of PermenPAN-RB 14/2017 (domain/skm.PROFIL): each question's name, and
# the words of its answers.
SKM_PROFIL = {
    "umur": _l("Umur"),
    "jenis_kelamin": _l("Jenis kelamin"),
    "pendidikan": _l("Pendidikan terakhir"),
    "pekerjaan": _l("Pekerjaan utama"),
}
SKM_UMUR = {
    "di_bawah_20": _l("Di bawah 20 tahun"),
    "20_29": _l("20 sampai 29 tahun"),
    "30_39": _l("30 sampai 39 tahun"),
    "40_49": _l("40 sampai 49 tahun"),
    "50_59": _l("50 sampai 59 tahun"),
    "60_ke_atas": _l("60 tahun ke atas"),
}
SKM_JENIS_KELAMIN = {
    "laki_laki": _l("Laki-laki"),
    "perempuan": _l("Perempuan"),
}
SKM_PENDIDIKAN = {
    "sd": _l("SD ke bawah"),
    "smp": _l("SMP"),
    "sma": _l("SMA atau SMK"),
    "diploma": _l("Diploma (D1, D2, D3)"),
    "s1": _l("S1 atau D4"),
    "s2": _l("S2 atau S3"),
}
SKM_PEKERJAAN = {
    "pns": _l("PNS"),
    "tni": _l("TNI"),
    "polri": _l("Polri"),
    "swasta": _l("Pegawai swasta"),
    "wirausaha": _l("Wirausaha"),
    "lainnya": _l("Lainnya"),
}
SKM_JAWABAN_PROFIL = {"umur": SKM_UMUR, "jenis_kelamin": SKM_JENIS_KELAMIN,
                      "pendidikan": SKM_PENDIDIKAN, "pekerjaan": SKM_PEKERJAAN}

MUTU = {
    "A": _l("Sangat Baik"),
    "B": _l("Baik"),
    "C": _l("Kurang Baik"),
    "D": _l("Tidak Baik"),
}


# --- Staff accounts and the audit trail (issue 17) -------------------------------------------

# Why a new password is refused (domain/sandi.py, services/akun.py).
SANDI = {
    "terlalu_pendek": _l("Kata sandi paling sedikit 8 karakter. Beberapa kata yang mudah Anda "
                         "ingat, dipisah spasi, lebih aman daripada satu kata pendek."),
    "terlalu_panjang": _l("Kata sandi paling banyak 128 karakter."),
    "umum": _l("Kata sandi ini terlalu umum dan mudah ditebak: ada dalam daftar kata sandi yang "
               "sering dipakai atau pernah bocor. Pilih yang lain."),
    "kata_sendiri": _l("Kata sandi tidak boleh berisi nama Anda, nama pengguna Anda, atau nama "
                       "kantor dan aplikasi ini. Pilih kata-kata lain."),
    "berurutan": _l("Kata sandi ini terlalu mudah ditebak (huruf atau angka berulang atau "
                    "berurutan). Pilih yang lain."),
    "sama": _l("Kata sandi baru harus berbeda dari kata sandi yang sekarang."),
}

# Why an account change is refused (services/akun.py).
AKUN_REFUSAL = {
    "peran": _l("Pilih setidaknya satu peran dari daftar."),
    "username": _l("Nama pengguna 3 sampai 32 karakter: huruf kecil, angka, titik, garis bawah "
                   "atau tanda hubung, diawali huruf atau angka. Misalnya wayan.sudarma."),
    "nama": _l("Nama lengkap harus diisi, paling banyak 100 huruf."),
    "username_dipakai": _l("Nama pengguna ini sudah dipakai. Pilih nama pengguna lain."),
    "akun_sendiri": _l("Anda tidak bisa menonaktifkan akun Anda sendiri atau melepas peran "
                       "admin Anda sendiri. Minta admin lain melakukannya."),
    "admin_terakhir": _l("Ini satu-satunya admin yang aktif. Tambahkan admin lain dulu."),
    "tidak_ada": _l("Akun ini tidak ada."),
}

# What happened, in the audit trail (domain/jejak.py); workflow steps use AKSI.
JEJAK_JENIS = {
    "masuk": _l("Masuk dan keluar"),
    "admin": _l("Perubahan oleh admin"),
    "aksi": _l("Langkah pelayanan"),
    "dokumen": _l("Dokumen dibuka"),
}
JEJAK = {
    "masuk": _l("Masuk"),
    "masuk_gagal": _l("Gagal masuk"),
    "masuk_terkunci": _l("Ditolak masuk: akun terkunci"),
    "akun_dikunci": _l("Akun dikunci"),
    "keluar": _l("Keluar"),
    "sandi_diganti": _l("Kata sandi diganti"),
    "peran_diganti": _l("Berganti peran"),
    "staf_tambah": _l("Akun ditambahkan"),
    "staf_ubah": _l("Akun diubah"),
    "staf_nonaktifkan": _l("Akun dinonaktifkan"),
    "staf_aktifkan": _l("Akun diaktifkan lagi"),
    "staf_reset_sandi": _l("Kata sandi akun diatur ulang"),
    "staf_buka_kunci": _l("Kunci akun dibuka"),
    "layanan_tambah": _l("Layanan ditambahkan"),
    "layanan_ubah": _l("Layanan atau cara pelayanannya diubah"),
    "persyaratan_tambah": _l("Persyaratan ditambahkan"),
    "persyaratan_ubah": _l("Persyaratan diubah"),
    "persyaratan_hapus": _l("Persyaratan dihapus"),
    "rekaman_simpan": _l("Rekaman suara disimpan"),
    "rekaman_hapus": _l("Rekaman suara dihapus"),
    "isyarat_tambah": _l("Video bahasa isyarat ditambahkan"),
    "isyarat_hapus": _l("Video bahasa isyarat dihapus"),
    "skm_tindak_lanjut": _l("Tindak lanjut survei disimpan"),
    "jejak_unduh": _l("Jejak audit diunduh"),
    "periksa_simpan": _l("Hasil pemeriksaan disimpan"),
    "keberatan_putus": _l("Keberatan diputuskan"),
    "keberatan_antar": _l("Dokumen keberatan diantar"),
    "pengaduan_tanggapi": _l("Pengaduan ditanggapi"),
    "pengaduan_alihkan": _l("Pengaduan diteruskan ke tim integritas"),
    "maklumat_simpan": _l("Maklumat pelayanan disimpan"),
    "tiket_daftar": _l("Tiket Meragatan dibuat"),
    "tiket_panggil": _l("Tiket dipanggil ke loket"),
    "tiket_selesai": _l("Tiket selesai dilayani"),
    "dokumen_buka": _l("Dokumen pemohon dibuka"),
    "lampiran_buka": _l("Lampiran laporan dibuka"),
}


def peristiwa(code: str) -> str:
    """An audit event's words: a workflow step by its AKSI label, the rest by JEJAK."""
    return of(AKSI, code) if code in {str(a) for a in Aksi} else of(JEJAK, code)


def of(mapping: dict, key) -> str:
    """Label for a code, falling back to the code itself rather than failing a page."""
    try:
        return str(mapping[key])
    except KeyError:
        try:
            return str(mapping[type(next(iter(mapping)))(key)])
        except (KeyError, ValueError, StopIteration):
            return str(key)


# --- the field officer's day and the counter (issue 17.6, 17.7) -------------------------------

# domain/tugas.py groups, in the order the officer's cards show them.
TUGAS_HARI = {
    "hari_ini": _l("Hari ini"),
    "terlewat": _l("Belum selesai dari hari sebelumnya"),
    "akan_datang": _l("Hari berikutnya"),
}

# What the officer does next, before pressing the step's button on the request page.
LANGKAH_PETUGAS = {
    Aksi.JEMPUT: _l("Jemput pemohon, lalu tandai sudah dijemput."),
    Aksi.TIBA_DI_KANTOR: _l("Antar pemohon ke kantor, lalu tandai sudah tiba."),
    Aksi.ANTAR_PULANG: _l("Antar pemohon pulang, lalu tandai sudah diantar."),
    Aksi.LAPOR: _l("Layani pemohon, lalu kirim laporan hasil layanan."),
}

# Why a message in a consultation's room, or ending the room, is refused (domain/konsultasi.py).
KONSULTASI_REFUSAL = {
    "kosong": _l("Tulis pesan Anda dulu."),
    "terlalu_panjang": _l("Pesan paling banyak 1000 huruf. Bagi menjadi beberapa pesan."),
    "karakter_kontrol": _l("Pesan berisi tanda yang tidak bisa dikirim. Hapus lalu kirim lagi."),
    "belum_dibuka": _l("Ruang konsultasi belum dibuka. Pesan Anda tetap di sini; kirim lagi "
                       "saat ruang dibuka."),
    "sudah_selesai": _l("Konsultasi sudah diakhiri petugas. Pesan tidak bisa dikirim lagi."),
    "hanya_membaca": _l("Anda hanya dapat membaca percakapan ini."),
    "bukan_petugas": _l("Hanya petugas konsultasi yang dapat mengakhiri konsultasi."),
    "bukan_suara": _l("Berkas ini bukan rekaman suara. Rekam lagi, atau tulis pesan."),
    "sinyal_salah": _l("Panggilan tidak dapat disambungkan. Lanjutkan lewat pesan."),
    "bukan_video": _l("Berkas ini bukan video. Rekam lagi dengan kamera, atau pilih rekaman "
                      "video (misalnya MP4 atau WebM)."),
    "video_terlalu_panjang": _l("Video paling lama 2 menit. Rekam lagi dengan lebih singkat, "
                                "atau bagi menjadi beberapa video."),
    "suara_terlalu_panjang": _l("Pesan suara paling lama 2 menit. Rekam lagi dengan lebih "
                                "singkat, atau bagi menjadi beberapa pesan."),
}

# The office's counters, in one place: the satpam guides people to them, counter staff sign in
# to one, the public display and a request's page name them. Codes are stored on tickets.
LOKET = {
    "ptsp1": _l("Loket 1 PTSP"),
    "ptsp2": _l("Loket 2 PTSP"),
    "haji": _l("Loket Haji"),
    "konsultasi": _l("Ruang Konsultasi"),
}

# The office's sign-language information clips, played on the waiting-room screen between calls
# (seed 000 §2.5b: "media informasi yang memuat video bahasa isyarat pada area pelayanan"), in
# this order. Recorded on /staf/admin/isyarat like every clip; the screen shows those present.
ISYARAT_INFO = {
    "info:meragatan": _l("Meragatan: kelompok rentan didahulukan tanpa antre"),
    "info:layanan": _l("Empat cara layanan MENTARI"),
    "info:persyaratan": _l("Menyiapkan persyaratan dan nomor registrasi"),
    "info:pengaduan": _l("Pengaduan dan survei kepuasan masyarakat"),
}
