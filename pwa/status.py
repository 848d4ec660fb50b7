"""'Cek status' (seed 001): find a request by its number and the phone's last four digits.

A wrong number and wrong digits get one and the same message, and lookups are rate-limited per
client, so the page cannot be used to learn which numbers exist. A phone that already sent or
looked up requests lists those first (pwa/ownership.py), so nobody has to recite twelve digits
to see a request made on the same phone; "?lain=1" asks for another number.
"""
from datetime import date, datetime, timezone

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request,
                   send_from_directory, url_for)
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from . import actions, labels, nomor, notices, ownership, sop, uploads
from .clock import office_today
from .database import get_db
from .extensions import limiter
from .store import messages, objections, requests, transaction
from .workflow import (SERVED_STATES, Aksi, Mode, Pelaku, Peran, Status, TransisiDitolak,
                       next_for_citizen)

bp = Blueprint("status", __name__)


class LookupForm(FlaskForm):
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


class ObjectionForm(FlaskForm):
    alasan = TextAreaField(_l("Mengapa Anda mengajukan keberatan?"), validators=[
        DataRequired(_l("Tuliskan alasan keberatan Anda.")),
        Length(max=1000, message=_l("Paling banyak 1000 huruf."))])


def _errors(form):
    return [(f.id, f.errors[0]) for f in form if f.errors and f.type != "CSRFTokenField"]


def _status_limit():
    return current_app.config["STATUS_RATE_LIMIT"]


@bp.route("/status", methods=["GET", "POST"])
@limiter.limit(_status_limit, methods=["POST"])
def lookup():
    if request.method == "GET" and not request.args.get("nomor") and "lain" not in request.args:
        mine = requests.summaries(get_db(), ownership.owned())
        if mine:
            return render_template("status/mine.html", mine=mine)
    form = LookupForm(data={"nomor": request.args.get("nomor", "")})
    if form.validate_on_submit():
        p = requests.by_nomor(get_db(), nomor.normalise(form.nomor.data))
        if p is not None and p["telepon"][-4:] == form.telepon4.data:
            ownership.grant(p["id"])
            return redirect(url_for("status.view", permohonan_id=p["id"]))
        # One message for both cases, so the page never confirms that a number exists.
        form.nomor.errors = [_("Nomor registrasi atau 4 angka HP tidak cocok. Periksa lagi.")]
    return render_template("status/lookup.html", form=form, page_errors=_errors(form))


def _owned_request(permohonan_id: int) -> dict:
    if not ownership.owns(permohonan_id):
        abort(403)
    p = requests.get(get_db(), permohonan_id)
    if p is None:
        abort(404)
    return p


@bp.get("/permohonan/<int:permohonan_id>")
def view(permohonan_id: int):
    if not ownership.owns(permohonan_id):
        return redirect(url_for("status.lookup"))
    return _render(_owned_request(permohonan_id))


def _returned(p: dict) -> list[dict]:
    """Requirements the verifikator marked as not met, with the reason and current document."""
    from .store import catalogue
    db = get_db()
    checks = requests.checks(db, p["id"])
    docs = {d["persyaratan_id"]: d for d in requests.documents(db, p["id"])}
    out = []
    for req in catalogue.requirements(db, p["layanan_id"]):
        check = checks.get(req["id"])
        if check is not None and not check["memenuhi"]:
            out.append({"persyaratan_id": req["id"], "nama": req["nama"], "jenis": req["jenis"],
                        "alasan": check["alasan"], "dokumen": docs.get(req["id"])})
    return out


def _fix_form(returned: list[dict]):
    class FixForm(FlaskForm):
        pass
    for r in returned:
        setattr(FixForm, f"dok_{r['persyaratan_id']}", FileField(r["nama"]))
    return FixForm


def _render(p: dict, fix_form=None, objection_form=None, errors=(), code=200):
    db = get_db()
    status = Status(p["status"])
    deadline = date.fromisoformat(p["batas_sop"])
    open_objection = objections.open_for(db, p["id"])
    returned = _returned(p) if status is Status.DIKEMBALIKAN else []
    body = render_template(
        "status/view.html", p=p, history=requests.history(db, p["id"]),
        next_step=labels.NEXT_STEP[next_for_citizen(status, Mode(p["mode"]))],
        overdue=sop.is_overdue(deadline, office_today(), status),
        may_object=sop.may_object(deadline, office_today(), status, open_objection is not None),
        objections=objections.for_request(db, p["id"]),
        inbox=messages.inbox(db, p["id"]), documents=requests.documents(db, p["id"]),
        returned=returned, rated=requests.rating(db, p["id"]) is not None,
        report=requests.report(db, p["id"]),
        served=status in SERVED_STATES,
        remember_days=current_app.permanent_session_lifetime.days,
        objection_form=objection_form or ObjectionForm(formdata=None),
        fix_form=fix_form or _fix_form(returned)(formdata=None),
        page_errors=list(errors),
    )
    return body, code


@bp.post("/permohonan/<int:permohonan_id>/perbaiki")
def resubmit(permohonan_id: int):
    """Replace the returned documents; once all are replaced the request goes back to the office.

    Each good file is kept at once, so a citizen whose second file fails re-sends only that one.
    """
    p = _owned_request(permohonan_id)
    if p["status"] != Status.DIKEMBALIKAN:
        flash(_("Permohonan ini tidak sedang dikembalikan."), "warning")
        return redirect(url_for("status.view", permohonan_id=permohonan_id))
    db = get_db()
    returned = _returned(p)
    form = _fix_form(returned)()
    max_bytes = current_app.config["UPLOAD_MAX_BYTES"]
    form.validate_on_submit()
    for r in returned:
        field = form[f"dok_{r['persyaratan_id']}"]
        upload = field.data
        if not (upload and upload.filename):
            field.errors = [_("Unggah %(dokumen)s yang sudah diperbaiki.", dokumen=r["nama"])]
            continue
        try:
            checked = uploads.check(upload.read(), upload.filename, max_bytes,
                                    tuple(r["jenis"].split(",")))
        except uploads.UploadRefused as refusal:
            field.errors = [labels.UPLOAD_REFUSAL[refusal.reason] % {
                "mb": f"{max_bytes / 1048576:g}"}]
            continue
        stored = uploads.save(current_app.config["UPLOAD_FOLDER"], checked)
        with transaction(db):
            requests.replace_document(db, permohonan_id, r["persyaratan_id"],
                                      nama_asli=checked.original_name, berkas=stored,
                                      mime=checked.mime, ukuran=len(checked.data))
            requests.clear_check(db, permohonan_id, r["persyaratan_id"])
    if _returned(p):
        return _render(p, fix_form=form, errors=_errors(form), code=400)

    now = datetime.now(timezone.utc)
    try:
        actions.apply(db, p, Aksi.AJUKAN_ULANG, Pelaku(Peran.PEMOHON), updates={
            "diajukan_at": now.isoformat(timespec="seconds"),
            "batas_sop": sop.deadline(now, p["sop_hari"]).isoformat()})
    except TransisiDitolak as refusal:
        flash(str(labels.REFUSAL[refusal.reason]), "warning")
    else:
        flash(_("Dokumen terkirim. Permohonan Anda diperiksa kembali."), "success")
    return redirect(url_for("status.view", permohonan_id=permohonan_id))


@bp.post("/permohonan/<int:permohonan_id>/keberatan")
def object_to_delay(permohonan_id: int):
    """Keberatan (seed 004): possible once the SOP time is exceeded."""
    p = _owned_request(permohonan_id)
    db = get_db()
    deadline = date.fromisoformat(p["batas_sop"])
    if not sop.may_object(deadline, office_today(), Status(p["status"]),
                          objections.open_for(db, permohonan_id) is not None):
        flash(_("Keberatan hanya bisa diajukan setelah batas waktu layanan terlewati."),
              "warning")
        return redirect(url_for("status.view", permohonan_id=permohonan_id))
    form = ObjectionForm()
    if not form.validate_on_submit():
        return _render(p, objection_form=form, errors=_errors(form), code=400)
    with transaction(db):
        objections.create(db, permohonan_id, form.alasan.data.strip())
        messages.add(db, permohonan_id, notices.objection_message(p, "diajukan"), p["telepon"])
    actions.send_pending(db)
    flash(_("Keberatan Anda diterima dan akan diperiksa Kepala Kantor."), "success")
    return redirect(url_for("status.view", permohonan_id=permohonan_id))


@bp.get("/permohonan/<int:permohonan_id>/lupakan")
def forget_question(permohonan_id: int):
    """Asked first: a tap by mistake on a shared phone would hide her request from her, and
    bringing it back needs the registration number, which she may not have written down."""
    if not ownership.owns(permohonan_id):
        return redirect(url_for("status.lookup"))
    return render_template("status/forget.html", p=_owned_request(permohonan_id))


@bp.post("/permohonan/<int:permohonan_id>/lupakan")
def forget(permohonan_id: int):
    """A shared phone stops listing a request; the request itself goes on at the office."""
    p = _owned_request(permohonan_id)
    ownership.forget(permohonan_id)
    flash(_("Permohonan %(nomor)s tidak lagi tercantum di HP ini. Permohonan tetap diproses "
            "kantor; Anda bisa melihatnya lagi dengan nomor registrasi.",
            nomor=nomor.grouped(p["nomor"])), "success")
    return redirect(url_for("status.lookup"))


@bp.get("/permohonan/<int:permohonan_id>/dokumen/<int:dokumen_id>")
def document(permohonan_id: int, dokumen_id: int):
    """A citizen sees their own documents only (proven by the lookup)."""
    _owned_request(permohonan_id)
    d = requests.get_document(get_db(), dokumen_id)
    if d is None or d["permohonan_id"] != permohonan_id or not d["berkas"]:
        abort(404)
    response = send_from_directory(current_app.config["UPLOAD_FOLDER"], d["berkas"],
                                   mimetype=d["mime"], download_name=d["nama_asli"])
    response.headers["Cache-Control"] = "private, no-store"
    return response
