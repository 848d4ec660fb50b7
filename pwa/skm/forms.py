"""The SKM questionnaire (nine elements, the service received, the respondent profile of
PermenPAN-RB 14/2017) and the choice of the period whose results are shown."""
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField
from wtforms.validators import InputRequired, ValidationError

from ..bahasa import labels
from ..domain import skm, skm_periode
from ..web.forms import Form, Scale, whole_number

# The questions of Permen PANRB 14/2017, one per element, shown under each element's name.
SKM_PERTANYAAN = (
    _l("Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?"),
    _l("Bagaimana kemudahan prosedur pelayanan di unit ini?"),
    _l("Bagaimana kecepatan waktu dalam memberikan pelayanan?"),
    _l("Bagaimana kewajaran biaya atau tarif dalam pelayanan? Jika gratis, pilih “Sangat "
       "baik”."),
    _l("Bagaimana kesesuaian hasil pelayanan dengan yang tercantum dalam standar pelayanan?"),
    _l("Bagaimana kemampuan petugas dalam memberikan pelayanan?"),
    _l("Bagaimana kesopanan dan keramahan petugas dalam memberikan pelayanan?"),
    _l("Bagaimana kualitas sarana dan prasarana?"),
    _l("Bagaimana penanganan pengaduan, saran, dan masukan pengguna layanan?"),
)


# "Lainnya": a walk-in served by something not in the catalogue, or who does not know its name.
LAYANAN_LAIN = "lain"


class ProfileChoice(RadioField):
    """A profile question: answering is optional (the form says so), but an answer that is not
    one of the choices (a tampered post) is refused in our words."""

    def __init__(self, label, *, choices, message, **kwargs):
        super().__init__(label, choices=list(choices), validate_choice=False, **kwargs)
        self.message = message

    def post_validate(self, form, validation_stopped):
        if self.data not in (None, "") and self.data not in dict(self.choices):
            raise ValidationError(self.message)


# Created before the questions, so the error summary lists it first, as the page shows it.
_LAYANAN = SelectField(_l("Layanan yang Anda terima"), validate_choice=False)


class SkmForm(Form):
    """Nine questions u1..u9 and the respondent profile; the fields are added below from
    labels.SKM_UNSUR and domain/skm.PROFIL."""

    def scores(self) -> dict:
        return {key: getattr(self, key).data for key in skm.ELEMENT_KEYS}

    def element_fields(self) -> list:
        return [getattr(self, key) for key in skm.ELEMENT_KEYS]

    def profile_fields(self) -> list:
        return [getattr(self, question) for question in skm.PROFIL]

    def profile(self) -> dict:
        return {question: getattr(self, question).data or None for question in skm.PROFIL}


class SkmUmumForm(SkmForm):
    """The SKM of someone served without an online request (/skm/isi): it also asks which
    service, so the office has an IKM per service (the request-linked one knows it)."""
    layanan = _LAYANAN

    def __init__(self, *args, services=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.layanan.choices = ([("", _l("Pilih layanan"))]
                                + [(str(s["id"]), s["nama"]) for s in services]
                                + [(LAYANAN_LAIN, _l("Layanan lain, atau tidak tahu"))])

    def validate_layanan(self, field):
        if not field.raw_data:
            # Not in the post at all: answers kept on a phone (the outbox) in a form cached
            # before this question existed. Saved as "not said" rather than lost.
            return
        if field.data not in {value for value, _text in self.layanan.choices if value}:
            raise ValidationError(_l("Pilih layanan yang Anda terima."))

    def layanan_id(self) -> int | None:
        if self.layanan.data in (None, "", LAYANAN_LAIN):
            return None
        return int(self.layanan.data)


_SKALA_CHOICES = [(k, labels.SKM_SKALA[k]) for k in (4, 3, 2, 1)]

for _i, (_key, _unsur) in enumerate(zip(skm.ELEMENT_KEYS, labels.SKM_UNSUR), start=1):
    setattr(SkmForm, _key, Scale(
        _l("%(nomor)s. %(unsur)s", nomor=_i, unsur=_unsur), choices=_SKALA_CHOICES,
        message=_l("Pilih jawaban untuk pertanyaan %(nomor)s (%(unsur)s).", nomor=_i,
                   unsur=_unsur)))

for _question, _codes in skm.PROFIL.items():
    _words = labels.SKM_JAWABAN_PROFIL[_question]
    setattr(SkmForm, _question, ProfileChoice(
        labels.SKM_PROFIL[_question], choices=[(code, _words[code]) for code in _codes],
        message=_l("Pilih jawaban dari daftar untuk %(pertanyaan)s, atau kosongkan.",
                   pertanyaan=labels.SKM_PROFIL[_question])))


class PeriodForm(Form):
    """Which SKM period to show: a GET form, so results can be linked and work without JS.

    One form for the three kinds: the month or quarter field is read only for its own kind, so
    no script is needed to show and hide fields."""
    class Meta:
        csrf = False  # it only reads public results

    jenis = RadioField(_l("Tampilkan hasil"), validate_choice=False,
                       choices=[(skm_periode.BULAN, _l("Per bulan")),
                                (skm_periode.TRIWULAN, _l("Per triwulan")),
                                (skm_periode.TAHUN, _l("Per tahun"))],
                       validators=[InputRequired(_l("Pilih jenis periode."))])
    tahun = SelectField(_l("Tahun"), coerce=whole_number, validate_choice=False)
    bulan = SelectField(_l("Bulan"), coerce=whole_number, validate_choice=False)
    triwulan = SelectField(_l("Triwulan"), coerce=whole_number, validate_choice=False,
                           choices=[(1, _l("Triwulan I (Januari–Maret)")),
                                    (2, _l("Triwulan II (April–Juni)")),
                                    (3, _l("Triwulan III (Juli–September)")),
                                    (4, _l("Triwulan IV (Oktober–Desember)"))])

    def __init__(self, *args, years=(), month_names=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.tahun.choices = [(y, str(y)) for y in years]
        self.bulan.choices = list(enumerate(month_names, start=1))

    def validate_jenis(self, field):
        if field.data not in skm_periode.JENIS:
            raise ValidationError(_l("Pilih jenis periode."))

    def validate_tahun(self, field):
        if field.data not in dict(self.tahun.choices):
            raise ValidationError(_l("Pilih tahun dari daftar."))

    def validate_bulan(self, field):
        if self.jenis.data == skm_periode.BULAN and field.data not in range(1, 13):
            raise ValidationError(_l("Pilih bulan dari daftar."))

    def validate_triwulan(self, field):
        if self.jenis.data == skm_periode.TRIWULAN and field.data not in range(1, 5):
            raise ValidationError(_l("Pilih triwulan dari daftar."))

    def periode(self) -> skm_periode.Periode:
        """The chosen period; call after validate()."""
        ke = {skm_periode.BULAN: self.bulan.data,
              skm_periode.TRIWULAN: self.triwulan.data}.get(self.jenis.data, 1)
        return skm_periode.Periode(self.jenis.data, self.tahun.data, ke)
