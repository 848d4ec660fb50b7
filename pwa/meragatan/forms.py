"""Forms of the Meragatan walk-in desk and counters, with translated messages."""
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..bahasa import labels
from ..domain import nomor
from ..web.forms import Form, strip

# The office's counters, in one place: the satpam guides people to them, counter staff sign in
# to one, and the public display names them. Codes are stored on tickets; names are translated.
LOKET = {
    "ptsp1": _l("Loket 1 PTSP"),
    "ptsp2": _l("Loket 2 PTSP"),
    "haji": _l("Loket Haji"),
    "konsultasi": _l("Ruang Konsultasi"),
}


class WalkInForm(Form):
    """The satpam's few taps: who, what they need, which service, which counter."""
    nama = StringField(_l("Nama pengunjung"), filters=[strip], validators=[
        DataRequired(_l("Masukkan nama pengunjung.")),
        Length(max=120, message=_l("Nama paling banyak 120 huruf."))])
    kebutuhan = RadioField(
        _l("Apakah pengunjung termasuk kelompok rentan?"), validate_choice=False,
        choices=list(labels.KATEGORI.items()),
        validators=[InputRequired(_l("Pilih kelompok pengunjung, atau “Bukan salah satu di "
                                     "atas”."))])
    layanan = RadioField(_l("Layanan yang diperlukan"), validate_choice=False,
                         validators=[InputRequired(_l("Pilih layanan yang diperlukan."))])
    loket = RadioField(_l("Antar ke"), validate_choice=False, choices=list(LOKET.items()),
                       validators=[InputRequired(_l("Pilih loket tujuan."))])
    nomor = StringField(_l("Nomor registrasi permohonan online"), filters=[strip],
                        validators=[Length(max=40, message=_l("Nomor registrasi terlalu "
                                                              "panjang."))])

    def __init__(self, *args, services=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._services = {str(s["id"]): s for s in services}
        self.layanan.choices = [(str(s["id"]), s["nama"]) for s in services]

    def validate_kebutuhan(self, field):
        if field.data not in labels.KATEGORI:
            raise ValidationError(_l("Pilih kelompok pengunjung, atau “Bukan salah satu di "
                                     "atas”."))

    def validate_layanan(self, field):
        service = self._services.get(field.data)
        if service is None:
            raise ValidationError(_l("Pilih layanan yang diperlukan."))
        if not service["dibuka"]:
            raise ValidationError(_l("Layanan ini sedang ditutup. Pilih layanan lain atau "
                                     "antar pengunjung ke Ruang Konsultasi."))

    def validate_loket(self, field):
        if field.data not in LOKET:
            raise ValidationError(_l("Pilih loket tujuan."))

    def validate_nomor(self, field):
        if not field.data:
            return
        if not nomor.is_valid(field.data):
            raise ValidationError(_l("Nomor registrasi tidak sesuai. Periksa 12 angkanya, atau "
                                     "kosongkan."))
        field.data = nomor.normalise(field.data)


class CounterForm(Form):
    """Which counter this member of staff is serving at (kept in the session)."""
    loket = RadioField(_l("Loket Anda"), validate_choice=False, choices=list(LOKET.items()),
                       validators=[InputRequired(_l("Pilih loket tempat Anda melayani."))])

    def validate_loket(self, field):
        if field.data not in LOKET:
            raise ValidationError(_l("Pilih loket tempat Anda melayani."))
