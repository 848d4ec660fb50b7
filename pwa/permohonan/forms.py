"""The forms of a request's own pages: finding it (/status), fixing returned documents,
keberatan, and the rating (penilaian) of the officer."""
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from ..domain import nomor
from ..web.forms import Form, Scale, strip


class LookupForm(Form):
    nomor = StringField(_l("Nomor registrasi"), validators=[
        DataRequired(_l("Masukkan nomor registrasi."))])
    telepon4 = StringField(_l("4 angka terakhir nomor HP"), validators=[
        DataRequired(_l("Masukkan 4 angka terakhir nomor HP yang Anda daftarkan."))])

    def validate_nomor(self, field):
        if not nomor.is_valid(field.data):
            raise ValidationError(_l("Nomor registrasi tidak valid. Periksa lagi: nomor terdiri "
                                     "dari 12 angka."))

    def validate_telepon4(self, field):
        digits = nomor.normalise(field.data)
        if len(digits) != 4:
            raise ValidationError(_l("Masukkan tepat 4 angka."))
        field.data = digits


class KeberatanForm(Form):
    alasan = TextAreaField(_l("Mengapa Anda mengajukan keberatan?"), filters=[strip], validators=[
        DataRequired(_l("Tuliskan alasan keberatan Anda.")),
        Length(max=1000, message=_l("Paling banyak 1000 huruf."))])


def fix_form(returned: list[dict]):
    """A file field for each returned requirement."""
    class FixForm(Form):
        pass
    for r in returned:
        setattr(FixForm, f"dok_{r['persyaratan_id']}", FileField(r["nama"]))
    return FixForm


# Words first, so the scale means the same read aloud as on screen; best first, as people scan
# from the top.
SKOR = {
    5: _l("Sangat puas"),
    4: _l("Puas"),
    3: _l("Cukup puas"),
    2: _l("Tidak puas"),
    1: _l("Sangat tidak puas"),
}


class PenilaianForm(Form):
    skor = Scale(_l("Seberapa puas Anda dengan pelayanan petugas?"),
                 choices=[(k, _l("%(kata)s (%(skor)s dari 5)", kata=v, skor=k))
                          for k, v in SKOR.items()],
                 message=_l("Pilih salah satu dari lima pilihan penilaian."))
    komentar = TextAreaField(_l("Saran atau pesan untuk petugas"), filters=[strip], validators=[
        Length(max=500, message=_l("Saran paling banyak 500 huruf."))])
