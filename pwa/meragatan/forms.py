"""Forms of the Meragatan walk-in desk and counters, with translated messages."""
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..bahasa import labels
from ..domain import nomor
from ..domain.workflow import HASIL_PERLU_CATATAN
from ..web.forms import Form, strip

# The office's counters (bahasa/labels.LOKET): codes on tickets, translated names.
LOKET = labels.LOKET


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


# --- the online request a walk-in brings, and serving it (issue 17.7) -----------------------

# Where the satpam usually takes someone for a service; only a suggestion, the form can change it.
LOKET_LAYANAN = {"pendaftaran-haji": "haji", "rekomendasi-paspor": "haji",
                 "konsultasi": "konsultasi"}
LOKET_BIASA = "ptsp1"


class LookupForm(Form):
    """The satpam types the registration number the walk-in shows, before registering them."""
    nomor = StringField(_l("Nomor registrasi"), filters=[strip], validators=[
        DataRequired(_l("Masukkan nomor registrasi yang ditunjukkan pengunjung.")),
        Length(max=40, message=_l("Nomor registrasi terlalu panjang."))])

    def validate_nomor(self, field):
        if not nomor.is_valid(field.data):
            raise ValidationError(_l("Nomor registrasi tidak sesuai. Periksa 12 angkanya."))
        field.data = nomor.normalise(field.data)


class LayananForm(Form):
    """Finishing a walk-in whose online request this officer serves: the service's result is
    the request's report (Aksi.LAPOR), as on the request page."""
    hasil = RadioField(_l("Hasil layanan"), choices=list(labels.HASIL.items()),
                       validate_choice=False,
                       validators=[InputRequired(_l("Pilih hasil layanan."))])
    catatan = TextAreaField(_l("Catatan hasil layanan"), filters=[strip], validators=[
        Length(max=1000, message=_l("Paling banyak 1000 huruf."))])

    def validate_hasil(self, field):
        if field.data not in labels.HASIL:
            raise ValidationError(_l("Pilih hasil layanan."))

    def validate_catatan(self, field):
        if self.hasil.data in HASIL_PERLU_CATATAN and not field.data:
            raise ValidationError(_l("Tuliskan apa yang belum dapat dilayani dan mengapa."))
