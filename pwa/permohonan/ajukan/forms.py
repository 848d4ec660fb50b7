"""The questions of the request form, one small form per page, with translated messages."""
import re
from datetime import datetime

from flask_babel import lazy_gettext as _l
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.id import nik as nik_number
from wtforms import (BooleanField, RadioField, SelectField, SelectMultipleField, StringField,
                     TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ...bahasa import labels
from ...domain import jadwal, telepon
from ...services import kalender
from ...services.clock import office_today
from ...web.db import get_db
from ...web.forms import Form, SafeDateField, SafeTimeField, strip


class ServiceForm(Form):
    layanan = RadioField(_l("Layanan apa yang Anda perlukan?"), coerce=str,
                         validators=[InputRequired(_l("Pilih layanan yang Anda perlukan."))])


class ModeForm(Form):
    mode = RadioField(_l("Bagaimana Anda ingin dilayani?"), coerce=str,
                      validators=[InputRequired(_l("Pilih cara Anda ingin dilayani."))])


class PersonForm(Form):
    nama = StringField(_l("Nama lengkap"), filters=[strip], validators=[
        DataRequired(_l("Masukkan nama lengkap Anda.")),
        Length(max=120, message=_l("Nama paling banyak 120 huruf."))])
    telepon = StringField(_l("Nomor HP atau WhatsApp"), filters=[strip], validators=[
        DataRequired(_l("Masukkan nomor HP atau WhatsApp Anda."))])
    nik = StringField(_l("NIK (nomor KTP)"), filters=[strip], validators=[Optional()])

    def validate_telepon(self, field):
        if not telepon.is_valid(field.data):
            raise ValidationError(_l("Masukkan nomor HP yang benar, misalnya 0812 3456 7890."))

    def validate_nik(self, field):
        digits = re.sub(r"\D", "", field.data or "")
        if len(digits) != 16:
            raise ValidationError(_l("NIK terdiri dari 16 angka. Kosongkan jika tidak tahu."))
        try:
            nik_number.validate(digits)
        except StdnumError:
            raise ValidationError(_l("NIK tidak sesuai. Periksa lagi angka di KTP Anda."))

    def cleaned(self) -> dict:
        """Stored in one form, so lookups and the SMS gateway agree; shown as typed on error."""
        return {"nama": self.nama.data, "telepon": telepon.normalise(self.telepon.data),
                "nik": re.sub(r"\D", "", self.nik.data or "") or None}


class AddressForm(Form):
    alamat = TextAreaField(_l("Alamat rumah"), filters=[strip], validators=[
        DataRequired(_l("Masukkan alamat rumah Anda.")),
        Length(max=300, message=_l("Alamat paling banyak 300 huruf."))])
    desa = StringField(_l("Desa atau kelurahan"), filters=[strip], validators=[
        DataRequired(_l("Masukkan nama desa atau kelurahan.")),
        Length(max=80, message=_l("Nama desa paling banyak 80 huruf."))])
    kecamatan = SelectField(_l("Kecamatan"), validate_choice=False, validators=[
        DataRequired(_l("Pilih kecamatan tempat Anda tinggal."))])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kecamatan.choices = [("", _l("Pilih kecamatan"))] + [
            (k, k) for k in labels.KECAMATAN]

    def validate_kecamatan(self, field):
        if field.data not in labels.KECAMATAN:
            raise ValidationError(_l("Pilih kecamatan tempat Anda tinggal."))


class NeedsForm(Form):
    kategori = SelectMultipleField(
        _l("Apakah Anda termasuk salah satu kelompok ini?"),
        choices=list(labels.KATEGORI.items()),
        validators=[DataRequired(_l("Pilih setidaknya satu, atau pilih "
                                    "“Bukan salah satu di atas”."))])
    disabilitas = SelectMultipleField(_l("Jenis disabilitas"),
                                      choices=list(labels.DISABILITAS.items()))
    bantuan = SelectMultipleField(_l("Bantuan apa yang Anda perlukan?"),
                                  choices=list(labels.BANTUAN.items()))
    bantuan_lain = StringField(_l("Bantuan lain"), filters=[strip], validators=[
        Length(max=200, message=_l("Paling banyak 200 huruf."))])

    def validate_kategori(self, field):
        if "umum" in field.data and len(field.data) > 1:
            raise ValidationError(_l("Pilih “Bukan salah satu di atas” saja, atau kelompok "
                                     "yang sesuai."))

    def validate_disabilitas(self, field):
        if "disabilitas" in (self.kategori.data or []) and not field.data:
            raise ValidationError(_l("Pilih jenis disabilitas."))
        if field.data and "disabilitas" not in (self.kategori.data or []):
            # A type without the category is almost certainly meant: keep it and add the category.
            self.kategori.data = list(self.kategori.data or []) + ["disabilitas"]


class _ScheduleBase(Form):
    tanggal = SafeDateField(_l("Tanggal"), validators=[
        InputRequired(_l("Masukkan tanggal, misalnya 27 11 2026."))])

    def validate_tanggal(self, field):
        days = kalender.of(get_db())
        problem = jadwal.day_problem(field.data, office_today(), days)
        if problem:
            raise ValidationError(labels.jadwal_message(problem, days.closure(field.data)))


class _TimedSchedule(_ScheduleBase):
    jam = SafeTimeField(_l("Jam"), validators=[
        InputRequired(_l("Masukkan jam, misalnya 09.00."))])

    def validate_jam(self, field):
        problem = jadwal.time_problem(field.data)
        if problem:
            raise ValidationError(labels.JADWAL[problem])

    def moment(self) -> str:
        return datetime.combine(self.tanggal.data, self.jam.data).isoformat(timespec="minutes")


class PickupForm(_TimedSchedule):
    alamat_jemput = TextAreaField(_l("Alamat penjemputan"), filters=[strip], validators=[
        DataRequired(_l("Masukkan alamat tempat Anda dijemput.")),
        Length(max=300, message=_l("Alamat paling banyak 300 huruf."))])


class VisitForm(_TimedSchedule):
    bawaan = TextAreaField(_l("Apa yang perlu dibawa petugas?"), filters=[strip], validators=[
        Length(max=500, message=_l("Paling banyak 500 huruf."))])


class ConsultationForm(Form):
    slot = RadioField(_l("Pilih waktu konsultasi"), coerce=str,
                      validators=[InputRequired(_l("Pilih waktu konsultasi."))])


class WalkInForm(_ScheduleBase):
    pass


class DocumentsForm(Form):
    """Fields are added per requirement at run time (see ajukan/dokumen.py)."""


class ConfirmForm(Form):
    persetujuan = BooleanField(
        _l("Saya setuju data ini dipakai Kantor Kemenag Kabupaten Karangasem hanya untuk "
           "melayani permohonan ini."),
        validators=[DataRequired(_l("Centang persetujuan penggunaan data untuk melanjutkan."))])
    catatan = TextAreaField(_l("Catatan untuk petugas"), filters=[strip], validators=[
        Length(max=500, message=_l("Paling banyak 500 huruf."))])
