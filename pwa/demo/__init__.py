"""Demo data for `make run`: the office's services, one staff account per role, and (with
`load_office`) a lived-in office from `kantor.py`.

Only loaded into an empty database, so it never overwrites a real office's data. Tests load
services and staff only (`load`), so each test starts from an empty office.

Never in production (issue 17.1): the demo accounts share a published password. There the
first admin is made with `mentari staf tambah`.
"""
from ..domain.workflow import Mode, Peran
from ..services import akun
from ..store import layanan, staf, transaction
from . import kantor

DEMO_PASSWORD = "mentari-demo"

# (username, name, roles): one account per role, and one person holding two (issue 17.1).
DEMO_STAFF = (
    ("admin", "Ni Luh Putu Sari", (Peran.ADMIN,)),
    ("verifikator", "I Made Wirawan", (Peran.VERIFIKATOR,)),
    ("kasubag", "Dra. Ni Komang Ayu", (Peran.KASUBAG_TU,)),
    ("kepala", "H. I Gusti Ngurah Rai", (Peran.KEPALA_KANTOR,)),
    ("petugas", "I Wayan Sudarma", (Peran.PETUGAS,)),
    ("petugas2", "Ni Kadek Dewi", (Peran.PETUGAS,)),
    ("satpam", "I Nyoman Budi", (Peran.SATPAM,)),
    ("tu", "Ni Made Ayu Lestari", (Peran.KASUBAG_TU, Peran.VERIFIKATOR)),
    ("integritas", "Ni Wayan Suartini", (Peran.TIM_INTEGRITAS,)),
)


class DemoDiProduksi(RuntimeError):
    """Demo data asked for in production."""

_ALL = tuple(Mode)
_PDF_IMG = "pdf,jpeg,png,webp"

# (slug, name, description, SOP working days, modes, requirements [(name, required)], link)
DEMO_SERVICES = (
    ("rohaniwan", "Permohonan rohaniwan untuk pengambilan sumpah jabatan",
     "Rohaniwan mendampingi pengambilan sumpah atau janji jabatan di instansi Anda.", 5,
     (Mode.ANTAR_JEMPUT, Mode.JEMPUT_BOLA, Mode.LANGSUNG),
     (("Surat permohonan dari instansi", True), ("Daftar pejabat yang disumpah", True)), None),
    ("legalisir-ijazah", "Legalisir ijazah madrasah / sekolah keagamaan",
     "Pengesahan fotokopi ijazah madrasah, pasraman, atau sekolah keagamaan.", 2, _ALL,
     (("Fotokopi ijazah", True), ("Kartu Tanda Penduduk (KTP)", True)), None),
    ("rekomendasi-paspor", "Rekomendasi paspor haji / umrah",
     "Surat rekomendasi Kantor Kemenag untuk pembuatan paspor jemaah haji atau umrah.", 3,
     (Mode.ANTAR_JEMPUT, Mode.JEMPUT_BOLA, Mode.LANGSUNG),
     (("Kartu Tanda Penduduk (KTP)", True), ("Bukti setoran atau surat dari travel", True),
      ("Kartu Keluarga", False)), None),
    ("pendaftaran-haji", "Pendaftaran haji reguler",
     "Pendampingan pendaftaran haji reguler. Pendaftaran resmi tetap melalui sistem nasional "
     "Kementerian Agama.", 5, (Mode.ANTAR_JEMPUT, Mode.JEMPUT_BOLA, Mode.LANGSUNG),
     (("Kartu Tanda Penduduk (KTP)", True), ("Kartu Keluarga", True),
      ("Bukti setoran awal BPIH", True)), "https://haji.kemenag.go.id"),
    ("izin-pasraman", "Izin operasional pasraman / madrasah / TPQ",
     "Permohonan izin operasional lembaga pendidikan keagamaan.", 14,
     (Mode.JEMPUT_BOLA, Mode.LANGSUNG, Mode.KONSULTASI),
     (("Surat permohonan", True), ("Profil lembaga", True), ("Bukti kepemilikan tempat", False)),
     None),
    ("rumah-ibadah", "Rekomendasi pendirian rumah ibadah",
     "Rekomendasi tertulis Kantor Kemenag untuk pendirian rumah ibadah.", 14,
     (Mode.JEMPUT_BOLA, Mode.LANGSUNG),
     (("Surat permohonan panitia", True), ("Daftar pengguna rumah ibadah", True),
      ("Surat dukungan masyarakat sekitar", True)), None),
    ("konsultasi", "Konsultasi keagamaan dan keluarga",
     "Konsultasi dengan penyuluh agama tentang masalah keagamaan dan keluarga.", 3,
     (Mode.KONSULTASI, Mode.JEMPUT_BOLA, Mode.LANGSUNG), (), None),
    ("surat-keterangan", "Surat keterangan",
     "Berbagai surat keterangan dari Kantor Kemenag Kabupaten Karangasem.", 3, _ALL,
     (("Kartu Tanda Penduduk (KTP)", True), ("Dokumen pendukung", False)), None),
)


# What each demo service gives the citizen (published in its standard, /layanan/<slug>).
DEMO_PRODUK = {
    "rohaniwan": "Rohaniwan hadir mendampingi pengambilan sumpah atau janji jabatan.",
    "legalisir-ijazah": "Fotokopi ijazah yang dilegalisir dengan cap dan tanda tangan pejabat.",
    "rekomendasi-paspor": "Surat rekomendasi pembuatan paspor haji atau umrah.",
    "pendaftaran-haji": "Bukti pendaftaran haji dari sistem nasional, dibantu petugas.",
    "izin-pasraman": "Surat keputusan izin operasional lembaga pendidikan keagamaan.",
    "rumah-ibadah": "Surat rekomendasi pendirian rumah ibadah.",
    "konsultasi": "Konsultasi dengan penyuluh agama, dengan catatan saran bila diminta.",
    "surat-keterangan": "Surat keterangan yang ditandatangani pejabat yang berwenang.",
}


def load(db, config: dict) -> bool:
    """Add demo services and staff to an empty database; False when it already has data.
    Raises DemoDiProduksi in production."""
    if config.get("ENV_MODE") == "production":
        raise DemoDiProduksi("demo accounts and requests are never added in production")
    if staf.count(db) or layanan.list_services(db):
        return False
    # One hash for the shared demo password (cheap parameters under TESTING).
    hashed = akun.hash_password(DEMO_PASSWORD, config)
    with transaction(db):
        for username, nama, roles in DEMO_STAFF:
            staf.add_staff(db, username=username, nama=nama, peran=roles,
                            password_hash=hashed)
        for order, (slug, nama, desc, sop, modes, reqs, link) in enumerate(DEMO_SERVICES):
            lid = layanan.add_service(db, slug=slug, nama=nama, deskripsi=desc, sop_hari=sop,
                                        modes=modes, tautan_nasional=link, urutan=order,
                                        produk=DEMO_PRODUK.get(slug, ""))
            for i, (req, required) in enumerate(reqs):
                layanan.add_requirement(db, lid, nama=req, wajib=required, jenis=_PDF_IMG,
                                          urutan=i)
    return True


def load_office(app, db, base_url: str | None = None):
    """Services, staff and the demo office's requests, objections, tickets, complaints and
    survey answers; None when the database already has data."""
    if not load(db, app.config):
        return None
    return kantor.build(app, db, base_url)
