"""The audit trail's vocabulary (issue 17.2): what can happen, and the kind (jenis) each event
is filed under so the admin can filter. Who, when, from where and which object are the entry's
other fields; nothing personal goes in beyond ids (no names, passwords, NIK, phone, address).

Pure Python: store/jejak.py writes entries, bahasa/labels.py names them.
"""
from enum import StrEnum

from .workflow import Aksi


class Jenis(StrEnum):
    MASUK = "masuk"        # signing in and out, lockouts, own password
    ADMIN = "admin"        # changes to services, requirements, modes, accounts, prompts, clips
    AKSI = "aksi"          # workflow steps on requests, objections, complaints, tickets
    DOKUMEN = "dokumen"    # a citizen's document (or a report attachment) opened by staff


class Peristiwa(StrEnum):
    MASUK = "masuk"
    MASUK_GAGAL = "masuk_gagal"
    MASUK_TERKUNCI = "masuk_terkunci"        # refused: the account is locked
    AKUN_DIKUNCI = "akun_dikunci"            # too many failures: the account was locked
    KELUAR = "keluar"
    SANDI_DIGANTI = "sandi_diganti"          # the person changed their own password
    PERAN_DIGANTI = "peran_diganti"          # a two-role person switched the role acted in
    STAF_TAMBAH = "staf_tambah"
    STAF_UBAH = "staf_ubah"
    STAF_NONAKTIFKAN = "staf_nonaktifkan"
    STAF_AKTIFKAN = "staf_aktifkan"
    STAF_RESET_SANDI = "staf_reset_sandi"
    STAF_BUKA_KUNCI = "staf_buka_kunci"
    LAYANAN_TAMBAH = "layanan_tambah"
    LAYANAN_UBAH = "layanan_ubah"            # name, SOP, open/closed and its modes
    PERSYARATAN_TAMBAH = "persyaratan_tambah"
    PERSYARATAN_UBAH = "persyaratan_ubah"
    PERSYARATAN_HAPUS = "persyaratan_hapus"
    REKAMAN_SIMPAN = "rekaman_simpan"        # a voice prompt recorded by the office
    REKAMAN_HAPUS = "rekaman_hapus"
    ISYARAT_TAMBAH = "isyarat_tambah"        # a sign-language clip
    ISYARAT_HAPUS = "isyarat_hapus"
    SKM_TINDAK_LANJUT = "skm_tindak_lanjut"
    JEJAK_UNDUH = "jejak_unduh"              # the audit trail itself exported as CSV
    PERIKSA_SIMPAN = "periksa_simpan"        # the verifikator's checks saved
    KEBERATAN_PUTUS = "keberatan_putus"
    KEBERATAN_ANTAR = "keberatan_antar"
    PENGADUAN_TANGGAPI = "pengaduan_tanggapi"
    PENGADUAN_ALIHKAN = "pengaduan_alihkan"  # a service complaint handed to the integrity team
    MAKLUMAT_SIMPAN = "maklumat_simpan"      # the office's service charter
    TIKET_DAFTAR = "tiket_daftar"
    TIKET_PANGGIL = "tiket_panggil"
    TIKET_SELESAI = "tiket_selesai"
    DOKUMEN_BUKA = "dokumen_buka"
    LAMPIRAN_BUKA = "lampiran_buka"


_MASUK = {Peristiwa.MASUK, Peristiwa.MASUK_GAGAL, Peristiwa.MASUK_TERKUNCI,
          Peristiwa.AKUN_DIKUNCI, Peristiwa.KELUAR, Peristiwa.SANDI_DIGANTI,
          Peristiwa.PERAN_DIGANTI}
_AKSI = {Peristiwa.PERIKSA_SIMPAN, Peristiwa.KEBERATAN_PUTUS, Peristiwa.KEBERATAN_ANTAR,
         Peristiwa.PENGADUAN_TANGGAPI, Peristiwa.PENGADUAN_ALIHKAN, Peristiwa.TIKET_DAFTAR, Peristiwa.TIKET_PANGGIL,
         Peristiwa.TIKET_SELESAI}
_DOKUMEN = {Peristiwa.DOKUMEN_BUKA, Peristiwa.LAMPIRAN_BUKA}
_WORKFLOW = frozenset(Aksi)
_ALL = frozenset(Peristiwa)


def jenis_of(peristiwa: str) -> Jenis:
    """The kind an event is filed under; a workflow step (an Aksi code) is an action."""
    if peristiwa in _WORKFLOW or peristiwa in _AKSI:
        return Jenis.AKSI
    if peristiwa in _MASUK:
        return Jenis.MASUK
    if peristiwa in _DOKUMEN:
        return Jenis.DOKUMEN
    if peristiwa in _ALL:
        return Jenis.ADMIN
    raise ValueError(f"unknown audit event {peristiwa!r}")
