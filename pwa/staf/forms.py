"""The staff workflow's forms: requirement checks, notes, approval, report, keberatan decision.

Several of these forms can share one page, so each gets a prefix (its field ids stay unique and
the error summary links land on the right field).
"""
from datetime import date, datetime

from flask_babel import gettext, lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..bahasa import labels
from ..domain import jadwal
from ..domain.kalender import Kalender
from ..web.filters import tanggal
from ..web.forms import Form, SafeDateField, SafeTimeField, strip
from ..domain.workflow import HASIL_PERLU_CATATAN

NOTE_MAX = 1000
MET, NOT_MET = "ya", "tidak"


def _note(label, required_message=None):
    # No Optional() for optional notes: it would stop the chain before the form's own
    # validate_catatan, which makes a note required for some answers.
    validators = [Length(max=NOTE_MAX, message=_l("Paling banyak 1000 huruf."))]
    if required_message:
        validators.insert(0, DataRequired(required_message))
    return TextAreaField(label, filters=[strip], validators=validators)


class ButtonForm(Form):
    """Only the CSRF token: for one-button steps (picked up, arrived, taken home)."""


class NoteForm(Form):
    catatan = _note(_l("Catatan"))


class ReasonForm(Form):
    catatan = _note(_l("Alasan"), _l("Tuliskan alasannya."))


class CheckForm(Form):
    """The verifikator's check: one "memenuhi / tidak memenuhi" question per requirement.

    Fields are added per requirement by `check_form`; `check(tombol)` applies the rules that
    depend on which button was pressed."""
    catatan = _note(_l("Catatan tambahan untuk pemohon"))

    requirements: list = []

    def answer_field(self, r):
        return self[f"m_{r['id']}"]

    def reason_field(self, r):
        return self[f"alasan_{r['id']}"]

    def answers(self) -> dict[int, tuple[bool, str]]:
        """{persyaratan_id: (memenuhi, alasan)} for every requirement answered."""
        out = {}
        for r in self.requirements:
            value = self.answer_field(r).data
            if value in (MET, NOT_MET):
                out[r["id"]] = (value == MET, (self.reason_field(r).data or "").strip())
        return out

    def check(self, tombol: str) -> bool:
        """Validate for the pressed button: simpan, teruskan or kembalikan."""
        ok = self.validate()
        for r in self.requirements:
            answer, reason = self.answer_field(r), self.reason_field(r)
            if answer.data not in (MET, NOT_MET, None, ""):
                answer.errors.append(gettext("Pilih memenuhi atau tidak memenuhi untuk "
                                             "%(nama)s.", nama=r["nama"]))
                ok = False
            elif not answer.data and r["perlu_diperiksa"] and tombol != "simpan":
                answer.errors.append(gettext("Pilih memenuhi atau tidak memenuhi untuk "
                                             "%(nama)s.", nama=r["nama"]))
                ok = False
            elif answer.data == NOT_MET and not (reason.data or "").strip():
                reason.errors.append(gettext("Tuliskan mengapa %(nama)s tidak memenuhi.",
                                             nama=r["nama"]))
                ok = False
            elif (tombol == "teruskan" and answer.data == NOT_MET and r["wajib"]):
                answer.errors.append(gettext(
                    "%(nama)s wajib tetapi tidak memenuhi. Kembalikan permohonan kepada "
                    "pemohon, atau ubah hasil pemeriksaan.", nama=r["nama"]))
                ok = False
        if ok and tombol == "kembalikan" and not any(
                not met for met, _ in self.answers().values()):
            first = self.answer_field(self.requirements[0]) if self.requirements else None
            message = gettext("Tandai setidaknya satu persyaratan yang tidak memenuhi, "
                              "dengan alasannya, untuk mengembalikan permohonan.")
            (first.errors if first is not None else self.catatan.errors).append(message)
            ok = False
        return ok

    def return_note(self) -> str:
        """The note the citizen reads: each unmet requirement with its reason."""
        parts = [gettext("%(persyaratan)s: %(alasan)s", persyaratan=r["nama"],
                         alasan=self.reason_field(r).data.strip())
                 for r in self.requirements if self.answer_field(r).data == NOT_MET]
        if self.catatan.data:
            parts.append(self.catatan.data)
        return "; ".join(parts)


def check_form(requirements: list[dict], saved: dict[int, dict], **kwargs) -> CheckForm:
    """A CheckForm with a question per requirement, prefilled from saved checks.

    requirements: dicts with id, nama, wajib, perlu_diperiksa (a document was given or the
    requirement is compulsory, so the verifikator must answer)."""
    attrs = {}
    for r in requirements:
        attrs[f"m_{r['id']}"] = RadioField(
            r["nama"], choices=[(MET, _l("Memenuhi")), (NOT_MET, _l("Tidak memenuhi"))],
            validate_choice=False)
        attrs[f"alasan_{r['id']}"] = StringField(
            _l("Alasan tidak memenuhi: %(nama)s", nama=r["nama"]), filters=[strip],
            validators=[Length(max=300, message=_l("Paling banyak 300 huruf."))])
    form_class = type("RequirementCheckForm", (CheckForm,), attrs)
    data = {}
    for pid, c in saved.items():
        data[f"m_{pid}"] = MET if c["memenuhi"] else NOT_MET
        data[f"alasan_{pid}"] = c["alasan"]
    form = form_class(data=data, prefix="periksa", **kwargs)
    form.requirements = requirements
    return form


class ApproveForm(Form):
    petugas = SelectField(_l("Petugas yang ditugaskan"), coerce=str, validate_choice=False,
                          validators=[DataRequired(_l("Pilih petugas yang ditugaskan."))])
    tanggal = SafeDateField(_l("Tanggal layanan"), validators=[
        InputRequired(_l("Masukkan tanggal layanan, misalnya 27 11 2026."))])
    jam = SafeTimeField(_l("Jam layanan"), validators=[
        InputRequired(_l("Masukkan jam layanan, misalnya 09.00."))])
    catatan = _note(_l("Catatan persetujuan"))

    def set_officers(self, officers: list[dict]):
        self.petugas.choices = [("", _l("Pilih petugas"))] + [
            (str(o["id"]), o["nama"]) for o in officers]
        self._officer_ids = {str(o["id"]) for o in officers}

    def check(self, today: date, kalender: Kalender, deadline: date,
              chosen: date | None) -> bool:
        """The officer and the service day: a working day from today, not after the SOP
        deadline unless it is the day the citizen chose (domain/jadwal.py)."""
        ok = self.validate()
        if self.petugas.data and self.petugas.data not in self._officer_ids:
            self.petugas.errors.append(gettext("Pilih petugas yang ditugaskan."))
            ok = False
        if self.tanggal.data:
            problem = jadwal.service_day_problem(self.tanggal.data, today, kalender, deadline,
                                                 chosen)
            if problem:
                latest = jadwal.latest_service_day(deadline, today, kalender)
                self.tanggal.errors.append(labels.jadwal_message(
                    problem, kalender.closure(self.tanggal.data), batas=tanggal(latest)))
                ok = False
        return ok

    def moment(self) -> str:
        return datetime.combine(self.tanggal.data, self.jam.data).isoformat(timespec="minutes")


def default_schedule(jadwal: str | None) -> dict:
    """The citizen's chosen schedule as the approval form's starting values."""
    if not jadwal:
        return {}
    try:
        when = datetime.fromisoformat(jadwal)
    except ValueError:
        return {}
    values = {"tanggal": when.date()}
    if "T" in jadwal or " " in jadwal:
        values["jam"] = when.time()
    return values


class ReportForm(Form):
    hasil = RadioField(_l("Hasil layanan"), choices=list(labels.HASIL.items()),
                       invalid_choice_message=_l("Pilih hasil layanan."),
                       validators=[InputRequired(_l("Pilih hasil layanan."))])
    catatan = _note(_l("Catatan hasil layanan"))
    lampiran = FileField(_l("Foto atau dokumen hasil layanan"))

    def validate_catatan(self, field):
        if self.hasil.data in HASIL_PERLU_CATATAN and not field.data:
            raise ValidationError(_l("Tuliskan apa yang belum dapat dilayani dan mengapa."))


class KeberatanDecisionForm(Form):
    keputusan = RadioField(
        _l("Keputusan atas keberatan"),
        choices=[("terima", _l("Terima: hasil layanan diantar ke rumah pemohon")),
                 ("tolak", _l("Tolak keberatan"))],
        invalid_choice_message=_l("Pilih terima atau tolak."),
        validators=[InputRequired(_l("Pilih terima atau tolak."))])
    petugas = SelectField(_l("Petugas yang mengantar"), coerce=str, validate_choice=False)
    catatan = _note(_l("Catatan untuk pemohon"))

    def set_officers(self, officers: list[dict]):
        self.petugas.choices = [("", _l("Pilih petugas"))] + [
            (str(o["id"]), o["nama"]) for o in officers]
        self._officer_ids = {str(o["id"]) for o in officers}

    def validate_petugas(self, field):
        if self.keputusan.data == "terima" and field.data not in self._officer_ids:
            raise ValidationError(_l("Pilih petugas yang mengantar hasil layanan."))

    def validate_catatan(self, field):
        if self.keputusan.data == "tolak" and not field.data:
            raise ValidationError(_l("Tuliskan alasan keberatan ditolak."))

