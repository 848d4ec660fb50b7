"""/staf/permohonan/<id>: a request's page with the steps this person may take now, the
verifikator's check (/periksa) and every other step (/aksi/<aksi>).

Every state change goes through services/aksi.py, which asks workflow.decide; this module only
parses forms, checks who may see what, and renders.
"""
from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext

from ..bahasa import labels
from ..domain import jadwal, sop
from ..domain.jejak import Peristiwa
from ..domain.workflow import Aksi, Mode, Status, TransisiDitolak, allowed_actions, decide
from ..domain import konsultasi as konsultasi_rules
from ..services import aksi as aksi_service, kalender, konsultasi
from ..services.clock import office_today
from ..store import files, keberatan, permohonan as store, staf as staf_store, transaction
from ..store import tiket as tiket_store
from ..web import upload_field
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import asal, catat
from ..web.staf import role_required
from . import forms, persyaratan
from .blueprint import bp
from .akses import VIEWERS, day, load, pelaku

# The verifikator's check form carries both of its steps (and "save"), so they are not
# offered as separate forms.
CHECK_ACTIONS = (Aksi.TERUSKAN, Aksi.KEMBALIKAN)
NOTE_ACTIONS = (Aksi.PARAF, Aksi.PARAF_LAPORAN, Aksi.TERIMA_LAPORAN)
REASON_ACTIONS = (Aksi.KEMBALIKAN_KE_VERIFIKATOR, Aksi.TOLAK)
BUTTON_ACTIONS = (Aksi.JEMPUT, Aksi.TIBA_DI_KANTOR, Aksi.ANTAR_PULANG)
TOMBOL_AKSI = {"teruskan": Aksi.TERUSKAN, "kembalikan": Aksi.KEMBALIKAN, "simpan": None}


def _blank_forms(p: dict, allowed: list[Aksi], reqs: list[dict]) -> dict:
    """Unsubmitted forms for each step offered now, keyed by step (check form: 'periksa')."""
    shown: dict = {}
    if any(a in allowed for a in CHECK_ACTIONS):
        shown["periksa"] = forms.check_form(
            reqs, {r["id"]: r["cek"] for r in reqs if r["cek"]}, formdata=None)
    for aksi in allowed:
        if aksi in shown or aksi in CHECK_ACTIONS:
            continue
        shown[aksi] = _form_for(aksi, p, formdata=None)
    return shown


def _form_for(aksi: Aksi, p: dict, **kwargs):
    prefix = str(aksi)
    if aksi in NOTE_ACTIONS:
        return forms.NoteForm(prefix=prefix, **kwargs)
    if aksi in REASON_ACTIONS:
        return forms.ReasonForm(prefix=prefix, **kwargs)
    if aksi in BUTTON_ACTIONS:
        return forms.ButtonForm(prefix=prefix, **kwargs)
    if aksi is Aksi.SETUJUI:
        form = forms.ApproveForm(prefix=prefix, data=forms.default_schedule(p["jadwal"]),
                                 **kwargs)
        form.set_officers(staf_store.by_role(get_db(), "petugas"))
        return form
    if aksi is Aksi.LAPOR:
        if kwargs.get("formdata", True) is None:
            # The report starts from the consultation's conversation, when there was one.
            kwargs["data"] = {"catatan": konsultasi.report_start(
                get_db(), p, {konsultasi_rules.PEMOHON: gettext("Pemohon"),
                              konsultasi_rules.PETUGAS: gettext("Petugas")}, forms.NOTE_MAX)}
        return forms.ReportForm(prefix=prefix, **kwargs)
    abort(404)


def _render(p: dict, submitted: dict | None = None, status: int = 200):
    """The request page; `submitted` replaces blank forms with the ones the user sent."""
    db = get_db()
    allowed = allowed_actions(pelaku(), Status(p["status"]), Mode(p["mode"]), p["petugas_id"])
    reqs = persyaratan.of_request(db, p)
    shown = _blank_forms(p, allowed, reqs)
    shown.update(submitted or {})
    return render_template(
        "staf/permohonan.html", p=p, reqs=reqs, forms=shown,
        history=store.history(db, p["id"]), report=store.report(db, p["id"]),
        penilaian=store.penilaian(db, p["id"]), keberatan=keberatan.for_request(db, p["id"]),
        kunjungan=tiket_store.for_request(db, p["id"]),
        percakapan=konsultasi.record(db, p),
        ruang_link=konsultasi_rules.participant(g.staf["peran"], g.staf["id"], p["petugas_id"],
                                                False) is not None,
        terlambat=sop.is_overdue(day(p["batas_sop"]), office_today(), Status(p["status"])),
        page_errors=form_errors(*(submitted or {}).values()),
    ), status


def _refused(p: dict, reason: str):
    flash(labels.of(labels.REFUSAL, reason), "warning")
    return _render(p, status=409)


def _refusal(p: dict, aksi: Aksi) -> str | None:
    """Why this step may not be taken now (notes are checked later, with the form)."""
    try:
        decide(aksi, pelaku(), Status(p["status"]), Mode(p["mode"]), p["petugas_id"], note="x")
    except TransisiDitolak as e:
        return e.reason
    return None


def _done(p: dict, aksi: Aksi, new: Status):
    flash(gettext("%(langkah)s. Status sekarang: %(status)s.",
                  langkah=labels.of(labels.AKSI, aksi),
                  status=labels.of(labels.STATUS, new)), "success")
    return redirect(url_for("staf.permohonan", permohonan_id=p["id"]))


@bp.get("/permohonan/<int:permohonan_id>")
@role_required(*VIEWERS)
def permohonan(permohonan_id: int):
    return _render(load(permohonan_id))


@bp.post("/permohonan/<int:permohonan_id>/periksa")
@role_required("verifikator")
def periksa(permohonan_id: int):
    """The verifikator's check: save, pass on (all required met) or return (with reasons)."""
    p = load(permohonan_id)
    tombol = request.form.get("tombol", "")
    if tombol not in TOMBOL_AKSI:
        abort(400)
    aksi = TOMBOL_AKSI[tombol]
    refusal = _refusal(p, aksi or Aksi.TERUSKAN)  # checks are saved only while in the queue
    if refusal:
        return _refused(p, refusal)
    db = get_db()
    form = forms.check_form(persyaratan.of_request(db, p), {})
    if not form.check(tombol):
        return _render(p, {"periksa": form}, 400)

    def save_checks(db):
        aksi_service.unchanged(p)(db)
        for pid, (met, reason) in form.answers().items():
            store.set_check(db, p["id"], pid, memenuhi=met, alasan="" if met else reason,
                            staf_id=g.staf["id"])

    if aksi is None:
        with transaction(db):
            save_checks(db)
            catat(Peristiwa.PERIKSA_SIMPAN, objek="permohonan", objek_id=p["id"])
        flash(gettext("Hasil pemeriksaan disimpan."), "success")
        return redirect(url_for("staf.permohonan", permohonan_id=p["id"]))
    note = form.return_note() if aksi is Aksi.KEMBALIKAN else (form.catatan.data or "")
    try:
        new = aksi_service.apply(db, p, aksi, pelaku(), note, before_commit=save_checks,
                                 asal=asal())
    except TransisiDitolak as e:
        return _refused(p, e.reason)
    return _done(p, aksi, new)


@bp.post("/permohonan/<int:permohonan_id>/aksi/<aksi>")
@role_required(*VIEWERS)
def aksi(permohonan_id: int, aksi: str):
    """Every other step: paraf, approval, rejection, pick-up steps, report, report receipt."""
    try:
        aksi = Aksi(aksi)
    except ValueError:
        abort(404)
    if aksi in CHECK_ACTIONS or aksi in (Aksi.AJUKAN, Aksi.AJUKAN_ULANG):
        abort(404)
    p = load(permohonan_id)
    refusal = _refusal(p, aksi)
    if refusal:
        return _refused(p, refusal)
    form = _form_for(aksi, p)
    if aksi is Aksi.SETUJUI:
        valid = form.check(office_today(), kalender.of(get_db()), day(p["batas_sop"]),
                           jadwal.booked_day(p["jadwal"]))
    else:
        valid = form.validate()
    attachment = None
    if aksi is Aksi.LAPOR and valid and upload_field.chosen(form.lampiran):
        attachment = upload_field.checked(form.lampiran)
        valid = attachment is not None
    if not valid:
        return _render(p, {aksi: form}, 400)

    db = get_db()
    note = (form.catatan.data or "") if "catatan" in form else ""
    updates, before = None, None  # a stale state is refused by the store
    if aksi is Aksi.SETUJUI:
        updates = {"petugas_id": int(form.petugas.data), "jadwal_petugas": form.moment()}
    elif aksi is Aksi.LAPOR:
        before = _report_writer(p, form, attachment)
    try:
        new = aksi_service.apply(db, p, aksi, pelaku(), note, updates, before_commit=before,
                                 asal=asal())
    except TransisiDitolak as e:
        return _refused(p, e.reason)
    return _done(p, aksi, new)


def _report_writer(p: dict, form, attachment):
    def write(db):
        aksi_service.unchanged(p)(db)
        # Saved only once the step is allowed, so a refused report leaves no stray file.
        name = (files.save(current_app.config["UPLOAD_FOLDER"], attachment)
                if attachment else None)
        store.save_report(db, p["id"], petugas_id=g.staf["id"], hasil=form.hasil.data,
                          catatan=form.catatan.data or "", lampiran=name,
                          lampiran_mime=attachment.mime if attachment else None)
    return write
