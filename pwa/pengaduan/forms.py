"""The pengaduan form, the lookup by number, and the information a complainant adds."""
import re

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..bahasa import labels
from ..domain import nomor, pengaduan, telepon
from ..web.forms import Form, strip

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class PengaduanForm(Form):
    # Where it goes depends on this (domain/pengaduan.handlers): integrity complaints are read by
    # the Kepala Kantor and the integrity team, not the admin.
    jenis = RadioField(_l("Tentang apa pengaduan Anda?"), choices=[
        (kind, labels.PENGADUAN_JENIS[kind]) for kind in pengaduan.JENIS],
        validators=[InputRequired(_l("Pilih tentang apa pengaduan Anda."))],
        validate_choice=False)  # refused below in our words, not WTForms' English
    # Not "isi": that id is taken by <main id="isi">, the skip link's target.
    uraian = TextAreaField(_l("Apa yang ingin Anda adukan?"), filters=[strip], validators=[
        DataRequired(_l("Tuliskan pengaduan Anda.")),
        Length(min=10, message=_l("Pengaduan paling sedikit 10 huruf. Ceritakan sedikit lebih "
                                  "lengkap.")),
        Length(max=2000, message=_l("Pengaduan paling banyak 2000 huruf."))])
    anonim = BooleanField(_l("Kirim tanpa nama (anonim)"))
    nama = StringField(_l("Nama"), filters=[strip])
    kontak = StringField(_l("Nomor HP atau email"), filters=[strip])

    def validate_jenis(self, field):
        if field.data not in pengaduan.JENIS:
            raise ValidationError(_l("Pilih tentang apa pengaduan Anda."))

    # Name and contact are only checked when they will be kept: an anonymous complaint
    # stores neither, so a typo in them must not block it.
    def validate_nama(self, field):
        if not self.anonim.data and len(field.data or "") > 120:
            raise ValidationError(_l("Nama paling banyak 120 huruf."))

    def validate_kontak(self, field):
        if self.anonim.data or not field.data:
            return
        if "@" in field.data:
            if len(field.data) > 120 or not EMAIL.match(field.data):
                raise ValidationError(_l("Tulis alamat email yang benar, misalnya "
                                         "nama@contoh.id, atau kosongkan."))
        elif telepon.is_valid(field.data):
            field.data = telepon.normalise(field.data)
        else:
            raise ValidationError(_l("Tulis nomor HP yang benar, misalnya 0812 3456 7890, "
                                     "atau alamat email, atau kosongkan."))


class KeteranganForm(Form):
    """Information the complainant adds; the number (hidden) is what proves it is theirs, as
    on the lookup."""
    nomor = HiddenField()
    keterangan = TextAreaField(_l("Keterangan tambahan"), filters=[strip], validators=[
        DataRequired(_l("Tuliskan keterangan yang ingin Anda tambahkan.")),
        Length(min=10, message=_l("Keterangan paling sedikit 10 huruf.")),
        Length(max=2000, message=_l("Keterangan paling banyak 2000 huruf."))])


class LookupForm(Form):
    nomor = StringField(_l("Nomor pengaduan"), filters=[strip], validators=[
        DataRequired(_l("Masukkan nomor pengaduan."))])

    def validate_nomor(self, field):
        if not nomor.is_valid(field.data):
            raise ValidationError(_l("Nomor tidak valid, periksa lagi"))
