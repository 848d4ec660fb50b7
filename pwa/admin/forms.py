"""The admin's forms: services, requirements, the service charter (maklumat), complaint follow-up
(also used by the integrity team's pages) and SKM follow-up notes."""
import re
from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, FormField, RadioField, SelectField, SelectMultipleField,
                     StringField, TextAreaField)
from wtforms import Form as SubForm
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..bahasa import labels
from ..domain import pengaduan, skm_periode
from ..domain.jejak import Jenis
from ..domain.workflow import STAFF_ROLES, Mode
from ..services import akun
from ..services.clock import office_today
from ..web.forms import Form, SafeDateField, strip

SOP_MIN, SOP_MAX = 1, 90
FILE_TYPES = (("pdf", "PDF"), ("jpeg", "JPG / JPEG"), ("png", "PNG"), ("webp", "WebP"))
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


def _reopen_field(label):
    return SafeDateField(label, validators=[Optional()], invalid_message=_l(
        "Tulis tanggal dibuka kembali dengan benar, misalnya 2026-12-01."))


def _future(field):
    if field.data is not None and field.data <= office_today():
        raise ValidationError(_l("Tanggal dibuka kembali harus setelah hari ini."))


OPEN_CHOICES = [("1", _l("Dibuka")), ("0", _l("Ditutup (dikunci)"))]


class ModeSettings(SubForm):
    """One mode of a service; a plain Form because the outer form carries the CSRF token."""
    ditawarkan = BooleanField(_l("Layanan ini bisa dipilih dengan cara ini"))
    # Always answered (default "open"); anything but "0" is read as open.
    dibuka = RadioField(_l("Apakah cara ini sedang dibuka?"), choices=OPEN_CHOICES, default="1",
                        validate_choice=False)
    dibuka_kembali = _reopen_field(_l("Dibuka kembali pada tanggal"))

    def validate_dibuka_kembali(self, field):
        _future(field)


class ServiceForm(Form):
    nama = StringField(_l("Nama layanan"), filters=[strip], validators=[
        DataRequired(_l("Masukkan nama layanan.")),
        Length(max=150, message=_l("Nama layanan paling banyak 150 huruf."))])
    deskripsi = TextAreaField(_l("Keterangan untuk pemohon"), filters=[strip], validators=[
        Length(max=1000, message=_l("Keterangan paling banyak 1000 huruf."))])
    sop_hari = StringField(_l("Waktu penyelesaian (SOP), dalam hari kerja"), filters=[strip],
                           validators=[DataRequired(_l("Masukkan waktu SOP dalam hari kerja, "
                                                       "misalnya 5."))])
    produk = TextAreaField(_l("Hasil layanan yang diterima pemohon"), filters=[strip], validators=[
        Length(max=500, message=_l("Hasil layanan paling banyak 500 huruf."))])
    tautan_nasional = StringField(_l("Tautan ke sistem nasional"), filters=[strip], validators=[
        Length(max=300, message=_l("Tautan paling banyak 300 huruf."))])
    dibuka = RadioField(_l("Apakah layanan ini sedang dibuka?"), choices=OPEN_CHOICES,
                        validators=[InputRequired(_l("Pilih apakah layanan dibuka atau "
                                                     "ditutup."))])
    dibuka_kembali = _reopen_field(_l("Dibuka kembali pada tanggal"))
    antar_jemput = FormField(ModeSettings, label=labels.MODE[Mode.ANTAR_JEMPUT])
    jemput_bola = FormField(ModeSettings, label=labels.MODE[Mode.JEMPUT_BOLA])
    konsultasi = FormField(ModeSettings, label=labels.MODE[Mode.KONSULTASI])
    langsung = FormField(ModeSettings, label=labels.MODE[Mode.LANGSUNG])

    def mode_fields(self):
        return [(mode, self[str(mode)]) for mode in Mode]

    def validate_sop_hari(self, field):
        if not re.fullmatch(r"\d{1,3}", field.data or ""):
            raise ValidationError(_l("Tulis waktu SOP dengan angka saja, misalnya 5."))
        if not SOP_MIN <= int(field.data) <= SOP_MAX:
            raise ValidationError(_l("Waktu SOP paling sedikit 1 dan paling lama 90 hari kerja."))

    def validate_tautan_nasional(self, field):
        if field.data and not URL.match(field.data):
            raise ValidationError(_l("Tulis tautan lengkap yang diawali https://, misalnya "
                                     "https://haji.kemenag.go.id."))

    def validate_dibuka_kembali(self, field):
        _future(field)

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        # A service nobody can choose is a hidden closure: ask for at least one mode. The
        # message sits on the first mode's checkbox, where the summary link lands.
        if not any(sub.ditawarkan.data for _mode, sub in self.mode_fields()):
            first = self.antar_jemput.form.ditawarkan
            first.errors = list(first.errors) + [
                _l("Pilih setidaknya satu cara pelayanan untuk layanan ini.")]
            ok = False
        return ok

    def fill(self, service: dict) -> None:
        """Prefill from a stored service on first display."""
        self.nama.data = service["nama"]
        self.deskripsi.data = service["deskripsi"]
        self.produk.data = service.get("produk") or ""
        self.sop_hari.data = str(service["sop_hari"])
        self.tautan_nasional.data = service["tautan_nasional"] or ""
        self.dibuka.data = "1" if service["dibuka"] else "0"
        self.dibuka_kembali.data = _date_or_none(service["dibuka_kembali"])
        for mode, sub in self.mode_fields():
            stored = service["modes"].get(str(mode))
            sub.ditawarkan.data = stored is not None
            sub.dibuka.data = "0" if stored is not None and not stored["dibuka"] else "1"
            sub.dibuka_kembali.data = _date_or_none(stored and stored["dibuka_kembali"])

    def values(self) -> dict:
        """The validated answers in the shape store.catalogue.update_service takes."""
        is_open = self.dibuka.data == "1"
        modes = {}
        for mode, sub in self.mode_fields():
            mode_open = sub.dibuka.data != "0"
            modes[mode] = (bool(sub.ditawarkan.data), mode_open,
                           None if mode_open or not sub.dibuka_kembali.data
                           else sub.dibuka_kembali.data.isoformat())
        return {
            "nama": self.nama.data, "deskripsi": self.deskripsi.data or "",
            "produk": self.produk.data or "",
            "sop_hari": int(self.sop_hari.data), "dibuka": is_open,
            # A reopening date only means something for a closed service.
            "dibuka_kembali": None if is_open or not self.dibuka_kembali.data
            else self.dibuka_kembali.data.isoformat(),
            "tautan_nasional": self.tautan_nasional.data or None, "modes": modes,
        }


def _date_or_none(value):
    return date.fromisoformat(value[:10]) if value else None


class RequirementForm(Form):
    nama = StringField(_l("Nama dokumen"), filters=[strip], validators=[
        DataRequired(_l("Masukkan nama dokumen yang harus diunggah.")),
        Length(max=150, message=_l("Nama dokumen paling banyak 150 huruf."))])
    keterangan = TextAreaField(_l("Keterangan untuk pemohon"), filters=[strip], validators=[
        Length(max=500, message=_l("Keterangan paling banyak 500 huruf."))])
    wajib = RadioField(_l("Apakah dokumen ini wajib?"), choices=[
        ("1", _l("Wajib diunggah")), ("0", _l("Tidak wajib"))],
        validators=[InputRequired(_l("Pilih apakah dokumen ini wajib atau tidak."))])
    # Choices are checked below with our own message; WTForms' built-in one is English.
    jenis = SelectMultipleField(_l("Jenis berkas yang diterima"), choices=FILE_TYPES,
                                validate_choice=False)

    def validate_jenis(self, field):
        allowed = {code for code, _text in FILE_TYPES}
        if not field.data:
            raise ValidationError(_l("Pilih setidaknya satu jenis berkas yang diterima."))
        if not set(field.data) <= allowed:
            raise ValidationError(_l("Pilih jenis berkas dari daftar: PDF, JPG, PNG, atau WebP."))

    def fill(self, requirement: dict) -> None:
        self.nama.data = requirement["nama"]
        self.keterangan.data = requirement["keterangan"]
        self.wajib.data = "1" if requirement["wajib"] else "0"
        self.jenis.data = [j for j in requirement["jenis"].split(",") if j]

    def values(self) -> dict:
        chosen = set(self.jenis.data)
        return {
            "nama": self.nama.data, "keterangan": self.keterangan.data or "",
            "wajib": self.wajib.data == "1",
            # Stored in a fixed order so the same choice always reads the same.
            "jenis": ",".join(code for code, _text in FILE_TYPES if code in chosen),
        }


class RetireForm(Form):
    """Only the CSRF token: the button is the answer (retire a requirement, resend a message)."""


class ComplaintResponseForm(Form):
    # In page order, so the error summary lists them as the page shows them.
    tindak_lanjut = TextAreaField(_l("Tindak lanjut"), filters=[strip], validators=[
        DataRequired(_l("Tuliskan tindak lanjut yang sudah atau akan dilakukan kantor.")),
        Length(max=2000, message=_l("Tindak lanjut paling banyak 2000 huruf."))])
    status = RadioField(_l("Status pengaduan"), choices=[
        (state, labels.PENGADUAN[state]) for state in pengaduan.TANGGAPAN],
        validators=[InputRequired(_l("Pilih status pengaduan."))], validate_choice=False)

    def validate_status(self, field):
        if field.data not in pengaduan.TANGGAPAN:
            raise ValidationError(_l("Pilih status pengaduan."))


class RerouteForm(Form):
    """A service complaint that is about integrity: which kind, and it goes to the Kepala Kantor
    and the integrity team."""
    jenis = RadioField(_l("Pelanggaran integritas apa yang diadukan?"), choices=[
        (kind, labels.PENGADUAN_JENIS_SINGKAT[kind]) for kind in pengaduan.JENIS
        if pengaduan.is_integrity(kind)],
        validators=[InputRequired(_l("Pilih jenis pelanggaran integritas."))],
        validate_choice=False)

    def validate_jenis(self, field):
        if not pengaduan.is_integrity(field.data):
            raise ValidationError(_l("Pilih jenis pelanggaran integritas."))


class MaklumatForm(Form):
    """The office's service charter, published with every service's standard."""
    teks = TextAreaField(_l("Maklumat pelayanan"), filters=[strip], validators=[
        DataRequired(_l("Tuliskan maklumat pelayanan kantor.")),
        Length(min=20, message=_l("Maklumat pelayanan paling sedikit 20 huruf.")),
        Length(max=2000, message=_l("Maklumat pelayanan paling banyak 2000 huruf."))])
    teks_ban = TextAreaField(_l("Maklumat pelayanan dalam Basa Bali"), filters=[strip],
                             validators=[Length(max=2000, message=_l(
                                 "Maklumat dalam Basa Bali paling banyak 2000 huruf."))])


class SkmFollowupForm(Form):
    periode = StringField(_l("Periode survei"), filters=[strip], validators=[
        DataRequired(_l("Masukkan periode, misalnya 2026-11, 2026-Q4, atau 2026."))])
    catatan = TextAreaField(_l("Tindak lanjut hasil survei"), filters=[strip], validators=[
        DataRequired(_l("Tuliskan tindak lanjut hasil survei untuk periode ini.")),
        Length(max=2000, message=_l("Tindak lanjut paling banyak 2000 huruf."))])

    def validate_periode(self, field):
        try:
            periode = skm_periode.parse((field.data or "").upper())
        except ValueError:
            raise ValidationError(_l("Tulis periode sebagai bulan (2026-11), triwulan (2026-Q4), "
                                     "atau tahun (2026)."))
        # Stored in the canonical form the public SKM page looks notes up by.
        field.data = str(periode)


class ClosureForm(Form):
    """A day the office closes beyond the national and Balinese holidays (admin/hari_tutup.py
    checks the day against the office's calendar)."""
    tanggal = SafeDateField(_l("Tanggal"), validators=[
        InputRequired(_l("Masukkan tanggal kantor tutup, misalnya 2026-12-31."))],
        invalid_message=_l("Tulis tanggal dengan benar, misalnya 2026-12-31."))
    alasan = StringField(_l("Alasan kantor tutup"), filters=[strip], validators=[
        DataRequired(_l("Tuliskan alasan kantor tutup, misalnya Umanis Galungan.")),
        Length(max=100, message=_l("Alasan paling banyak 100 huruf."))])


# --- Staff accounts and the audit trail (issue 17) -------------------------------------------

def _lower(value):
    return value.strip().lower() if isinstance(value, str) else value


def _role_choices():
    return [(str(p), labels.PERAN[p]) for p in STAFF_ROLES]


class AccountForm(Form):
    """An account's name and roles; `username` only when adding (it names the person in the
    audit trail and never changes)."""
    username = StringField(_l("Nama pengguna"), filters=[_lower], validators=[
        DataRequired(_l("Masukkan nama pengguna, misalnya wayan.sudarma."))])
    nama = StringField(_l("Nama lengkap"), filters=[strip], validators=[
        DataRequired(_l("Masukkan nama lengkap petugas.")),
        Length(max=akun.NAMA_MAX, message=_l("Nama lengkap paling banyak 100 huruf."))])
    # Choices are checked below with our own message; WTForms' built-in one is English.
    peran = SelectMultipleField(_l("Peran"), choices=_role_choices, validate_choice=False)

    def validate_username(self, field):
        if not akun.USERNAME.fullmatch(field.data or ""):
            raise ValidationError(labels.AKUN_REFUSAL["username"])

    def validate_peran(self, field):
        if not field.data:
            raise ValidationError(_l("Pilih setidaknya satu peran."))
        if not set(field.data) <= {str(p) for p in STAFF_ROLES}:
            raise ValidationError(_l("Pilih peran dari daftar."))


class EditAccountForm(AccountForm):
    username = None  # fixed once the account exists


class ConfirmForm(Form):
    """Only the CSRF token: the confirmation button is the answer."""


class AuditFilterForm(Form):
    """The audit trail's filters, read from the query string (a GET form: no CSRF token)."""

    class Meta:
        csrf = False
    jenis = SelectField(_l("Jenis peristiwa"), validate_choice=False)
    staf = SelectField(_l("Petugas"), validate_choice=False)
    dari = SafeDateField(_l("Dari tanggal"), validators=[Optional()])
    sampai = SafeDateField(_l("Sampai tanggal"), validators=[Optional()])

    def __init__(self, formdata, accounts: list[dict]):
        super().__init__(formdata)
        self.jenis.choices = [("", _l("Semua jenis"))] + [
            (str(j), labels.JEJAK_JENIS[str(j)]) for j in Jenis]
        self.staf.choices = [("", _l("Semua petugas"))] + [
            (str(a["id"]), f"{a['nama']} ({a['username']})") for a in accounts]

    def validate_jenis(self, field):
        if field.data and field.data not in {str(j) for j in Jenis}:
            raise ValidationError(_l("Pilih jenis peristiwa dari daftar."))

    def validate_staf(self, field):
        if field.data and field.data not in {code for code, _text in self.staf.choices}:
            raise ValidationError(_l("Pilih petugas dari daftar."))

    def validate_sampai(self, field):
        if field.data and self.dari.data and field.data < self.dari.data:
            raise ValidationError(_l("Tanggal akhir harus sama dengan atau setelah tanggal "
                                     "awal."))
