"""The pengaduan form and the lookup by number."""
import re

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from ..domain import nomor, telepon
from ..web.forms import Form, strip

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class PengaduanForm(Form):
    # Not "isi": that id is taken by <main id="isi">, the skip link's target.
    uraian = TextAreaField(_l("Apa yang ingin Anda adukan?"), filters=[strip], validators=[
        DataRequired(_l("Tuliskan pengaduan Anda.")),
        Length(min=10, message=_l("Pengaduan paling sedikit 10 huruf. Ceritakan sedikit lebih "
                                  "lengkap.")),
        Length(max=2000, message=_l("Pengaduan paling banyak 2000 huruf."))])
    anonim = BooleanField(_l("Kirim tanpa nama (anonim)"))
    nama = StringField(_l("Nama"), filters=[strip])
    kontak = StringField(_l("Nomor HP atau email"), filters=[strip])

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


class LookupForm(Form):
    nomor = StringField(_l("Nomor pengaduan"), filters=[strip], validators=[
        DataRequired(_l("Masukkan nomor pengaduan."))])

    def validate_nomor(self, field):
        if not nomor.is_valid(field.data):
            raise ValidationError(_l("Nomor tidak valid, periksa lagi"))
