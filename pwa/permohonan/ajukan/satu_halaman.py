"""The whole request form on one page, for a phone with a poor signal or none.

The step-by-step form needs the server at every step. This page is kept on the phone
by the service worker, so it opens without a signal; when sending fails, its answers wait in
the phone's outbox and are sent when the signal returns, each with an idempotency key, so
however often the phone retries the office gets one request. The server checks the answers with
the same forms as the steps. Answers that do not pass become a draft of the step-by-step form,
and the citizen is led to the first step that needs fixing.

Documents are not asked here: files are heavy to keep and to send on 2G, and a photo must be
checked while the citizen can still take another. For a service that needs documents, the
answers become a draft that continues at the upload step once they have arrived.
"""
import secrets

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _
from werkzeug.datastructures import MultiDict
from wtforms import HiddenField

from ...bahasa import labels
from ...domain import jadwal, nomor, telepon
from ...domain.layanan import mode_available
from ...domain.workflow import Mode
from ...services import kalender, pengajuan
from ...services.clock import office_today
from ...store import layanan, permohonan as store
from ...web import outbox, ownership
from ...web.db import get_db
from ..blueprint import bp
from .. import draf
from . import forms, kuota


class OnePageForm(forms.ServiceForm, forms.ModeForm, forms.PersonForm, forms.AddressForm,
                  forms.NeedsForm, forms.VisitForm, forms.PickupForm, forms.ConfirmForm):
    """Every question of the steps, for showing them on one page (and keeping what was typed).
    Checking is done step by step with the steps' own forms, see `check`."""
    kunci = HiddenField()


def _choices(form: forms.ServiceForm | forms.ModeForm, services: list[dict]) -> None:
    if hasattr(form, "layanan"):
        form.layanan.choices = [(str(s["id"]), s["nama"]) for s in services]
    if hasattr(form, "mode"):
        form.mode.choices = [(m.value, labels.MODE[m]) for m in Mode]


class Problems(list):
    """(step, field id, message) in page order."""

    def take(self, step: str, form, keep: dict | None = None) -> bool:
        """Check a step's form; when it fails, the answers in it that passed go into `keep`,
        so the step form shows them again and only the wrong ones need typing."""
        if form.validate():
            return True
        for f in form:
            if f.type == "CSRFTokenField":
                continue
            if f.errors:
                self.append((step, f.id, f.errors[0]))
            elif keep is not None and f.data and isinstance(f.data, (str, list)):
                keep[f.name] = f.data
        return False


def _schedule(formdata, mode: Mode, data: dict, problems: Problems) -> None:
    meta = {"csrf": False}
    if mode is Mode.LANGSUNG:
        form = forms.WalkInForm(formdata, meta=meta)
        if problems.take("jadwal", form):
            data["jadwal"] = form.tanggal.data.isoformat()
        return
    if mode is Mode.ANTAR_JEMPUT:
        # Picked up at home unless another address is given: the hint says so.
        if not (formdata.get("alamat_jemput") or "").strip():
            formdata = MultiDict(formdata)
            formdata["alamat_jemput"] = formdata.get("alamat", "")
        form = forms.PickupForm(formdata, meta=meta)
    else:
        form = forms.VisitForm(formdata, meta=meta)
    if not problems.take("jadwal", form):
        return
    if mode is Mode.KONSULTASI:
        problem = jadwal.consultation_problem(
            form.moment(), office_today(), store.booked_slots(get_db(), Mode.KONSULTASI),
            kalender.of(get_db()))
        if problem:
            problems.append(("jadwal", "jam", str(labels.JADWAL[problem])))
            return
    data["jadwal"] = form.moment()
    if mode is Mode.ANTAR_JEMPUT:
        data["alamat_jemput"] = form.alamat_jemput.data
    if mode is Mode.JEMPUT_BOLA:
        data["bawaan"] = form.bawaan.data


def check(formdata) -> tuple[dict, dict | None, Problems]:
    """The answers as the step form stores them, the service, and what did not pass."""
    db = get_db()
    meta = {"csrf": False}
    data, problems, service, mode = {}, Problems(), None, None
    services = layanan.list_services(db)

    form = forms.ServiceForm(formdata, meta=meta)
    _choices(form, services)
    if problems.take("layanan", form):
        service = layanan.get_service(db, int(form.layanan.data))
        if not service["dibuka"]:
            problems.append(("layanan", "layanan",
                             _("Layanan ini sedang ditutup. Pilih layanan lain.")))
            service = None
        else:
            data["layanan_id"] = service["id"]

    form = forms.ModeForm(formdata, meta=meta)
    _choices(form, services)
    if problems.take("cara", form) and service is not None:
        if form.mode.data not in service["modes"]:
            problems.append(("cara", "mode", _("Layanan yang Anda pilih tidak tersedia dengan "
                                               "cara ini. Pilih cara lain.")))
        elif not mode_available(service, form.mode.data):
            problems.append(("cara", "mode",
                             _("Cara layanan ini sedang ditutup. Pilih cara lain.")))
        else:
            mode = Mode(form.mode.data)
            data["mode"] = mode.value

    form = forms.PersonForm(formdata, meta=meta)
    if problems.take("data-diri", form, keep=data):
        data.update(form.cleaned())
    form = forms.AddressForm(formdata, meta=meta)
    if problems.take("alamat", form, keep=data):
        data.update(alamat=form.alamat.data, desa=form.desa.data,
                    kecamatan=form.kecamatan.data)
    form = forms.NeedsForm(formdata, meta=meta)
    if problems.take("kebutuhan", form, keep=data):
        data.update(kategori=form.kategori.data, disabilitas=form.disabilitas.data,
                    bantuan=form.bantuan.data, bantuan_lain=form.bantuan_lain.data)
    if mode is not None:
        _schedule(formdata, mode, data, problems)
    form = forms.ConfirmForm(formdata, meta=meta)
    if problems.take("periksa", form):
        data["catatan"] = form.catatan.data
    return data, service, problems


def _to_draft(data: dict) -> None:
    """Hand the answers to the step-by-step form, as if typed there."""
    draf.start(data)


def _resent(existing: dict):
    """A key already used: the phone's retry of a request that reached the office. The key
    alone proves nothing (it could have been seen), so the request is shown again only to a
    post that also carries its phone number; anyone else learns just that it was sent."""
    typed = telepon.normalise(request.form.get("telepon", ""))
    if typed and typed == existing["telepon"]:
        return _sent(existing["id"])
    if outbox.wants_json():
        return outbox.answer("terkirim")
    return redirect(url_for("permohonan.status"))


def _sent(permohonan_id: int):
    ownership.grant(permohonan_id, request.form.get("untuk"))
    if outbox.wants_json():
        p = store.get(get_db(), permohonan_id)
        return outbox.answer("terkirim", nomor=nomor.grouped(p["nomor"]),
                             tautan=url_for("permohonan.selesai", permohonan_id=permohonan_id))
    return redirect(url_for("permohonan.selesai", permohonan_id=permohonan_id))


@bp.route("/ajukan/satu-halaman", methods=["GET", "POST"])
@outbox.accepts_outbox
def satu_halaman():
    db = get_db()
    services = layanan.list_services(db)
    key = outbox.idempotency_key() if request.method == "POST" else None
    if key:
        existing = store.by_idempotency_key(db, key)
        if existing is not None:
            return _resent(existing)
    page_errors = []
    shown = OnePageForm(request.form if request.method == "POST" else None, meta={"csrf": False})
    _choices(shown, services)
    if request.method == "POST":
        data, service, problems = check(request.form)
        data["idempotency_key"] = key or secrets.token_urlsafe(24)
        if not problems and service["persyaratan"]:
            _to_draft(dict(data, **{"dokumen_selesai": False}))
            if outbox.wants_json():
                return outbox.answer("perlu_dokumen",
                                     tautan=url_for("permohonan.langkah", step="dokumen"))
            flash(_("Jawaban Anda tersimpan. Tinggal mengunggah dokumen persyaratan."),
                  "success")
            return redirect(url_for("permohonan.langkah", step="dokumen"))
        if not problems and (refused := kuota.refusal(data["telepon"])) is not None:
            problems.append(("data-diri", "telepon", refused))
        if not problems:
            return _sent(pengajuan.submit(db, data, service, None,
                                          bahasa=str(get_locale() or "id"), today=office_today()))
        if outbox.wants_json():
            _to_draft(data)
            return outbox.answer(
                "perlu_diperbaiki", kesalahan=[message for _s, _f, message in problems],
                tautan=url_for("permohonan.langkah", step=problems[0][0]))
        for _step, field_id, message in problems:
            if field_id in shown:
                shown[field_id].errors = [message]
        page_errors = [(field_id, message) for _step, field_id, message in problems]
    if not shown.kunci.data:
        shown.kunci.data = secrets.token_urlsafe(18)
    closed = {str(s["id"]): _("Sedang ditutup.") for s in services if not s["dibuka"]}
    return render_template("permohonan/ajukan/satu_halaman.html", form=shown, closed=closed,
                           hints={str(s["id"]): _service_hint(s, bool(layanan.requirements(
                               db, s["id"]))) for s in services},
                           mode_hints={m.value: labels.MODE_HINT[m] for m in Mode},
                           page_errors=page_errors)


def _service_hint(service: dict, needs_documents: bool) -> str:
    modes = ", ".join(str(labels.MODE[m]) for m in Mode if m in service["modes"])
    hint = _("Cara: %(cara)s.", cara=modes)
    if needs_documents:
        hint += " " + _("Perlu unggah dokumen setelah terkirim.")
    return hint
