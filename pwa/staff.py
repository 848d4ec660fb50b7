"""The staff workflow (seed 000 §2.1.7): queues, the request page with the actions each role may
take now, the printable check sheet, documents, and the staff side of objections (seed 004).

Every state change goes through `actions.apply`, which asks `workflow.decide`; this module only
parses forms, checks who may see what, and renders.
"""
from datetime import date

from flask import (Blueprint, abort, current_app, flash, g, redirect, render_template, request,
                   send_from_directory, url_for)
from flask_babel import gettext, lazy_gettext as _l

from . import actions, labels, notices, sop, staff_forms, uploads
from .auth import role_required
from .clock import office_now, office_today
from .database import get_db
from .nomor import grouped
from .store import catalogue, objections, requests, transaction
from .store import messages as message_store
from .store import staff as staff_store
from .workflow import (QUEUE_STATES, SERVED_STATES, Aksi, Mode, Pelaku, Peran, Status,
                       TransisiDitolak, allowed_actions, decide)

bp = Blueprint("staff", __name__, url_prefix="/staf")

# Everyone who works on requests; the satpam only registers walk-ins at the door.
VIEWERS = (Peran.ADMIN, Peran.VERIFIKATOR, Peran.KASUBAG_TU, Peran.KEPALA_KANTOR, Peran.PETUGAS)
# Who decides objections: the Kepala Kantor, and the admin standing in.
DECIDERS = (Peran.KEPALA_KANTOR, Peran.ADMIN)

QUEUE_CAPTION = {
    Peran.VERIFIKATOR: _l("Permohonan menunggu pemeriksaan"),
    Peran.KASUBAG_TU: _l("Permohonan menunggu paraf"),
    Peran.KEPALA_KANTOR: _l("Permohonan menunggu persetujuan"),
    Peran.PETUGAS: _l("Tugas layanan saya"),
    Peran.ADMIN: _l("Semua permohonan yang belum selesai"),
}
REPORT_CAPTION = {
    Peran.KASUBAG_TU: _l("Laporan petugas menunggu paraf"),
    Peran.KEPALA_KANTOR: _l("Laporan petugas menunggu diterima"),
}

# The verifikator's check form carries both of its actions (and "save"), so they are not
# offered as separate forms.
CHECK_ACTIONS = (Aksi.TERUSKAN, Aksi.KEMBALIKAN)
NOTE_ACTIONS = (Aksi.PARAF, Aksi.PARAF_LAPORAN, Aksi.TERIMA_LAPORAN)
REASON_ACTIONS = (Aksi.KEMBALIKAN_KE_VERIFIKATOR, Aksi.TOLAK)
BUTTON_ACTIONS = (Aksi.JEMPUT, Aksi.TIBA_DI_KANTOR, Aksi.ANTAR_PULANG)
TOMBOL_AKSI = {"teruskan": Aksi.TERUSKAN, "kembalikan": Aksi.KEMBALIKAN, "simpan": None}


# --- helpers -----------------------------------------------------------------------------

def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def _pelaku() -> Pelaku:
    return Pelaku(Peran(g.staf["peran"]), g.staf["id"])


def _is_petugas() -> bool:
    return g.staf["peran"] == Peran.PETUGAS


def _load(permohonan_id: int) -> dict:
    """The request, if this staff member may see it: a petugas only their own assignments
    (or an objection delivery given to them)."""
    db = get_db()
    p = requests.get(db, permohonan_id)
    if p is None:
        abort(404)
    if _is_petugas() and p["petugas_id"] != g.staf["id"] and not objections.has_delivery_for(
            db, g.staf["id"], permohonan_id):
        abort(403)
    return p


def _mark_late(items: list[dict], today: date) -> list[dict]:
    for r in items:
        status = Status(r.get("permohonan_status") or r["status"])
        r["terlambat"] = sop.is_overdue(_day(r["batas_sop"]), today, status)
    return items


def _requirements(db, p: dict) -> list[dict]:
    """The service's requirements with this request's documents and checks."""
    docs: dict[int, list] = {}
    for d in requests.documents(db, p["id"]):
        docs.setdefault(d["persyaratan_id"], []).append(d)
    saved = requests.checks(db, p["id"])
    out = []
    for r in catalogue.requirements(db, p["layanan_id"]):
        given = docs.pop(r["id"], [])
        out.append(dict(r, dokumen=given, cek=saved.get(r["id"]),
                        perlu_diperiksa=bool(r["wajib"] or given)))
    # Documents of a requirement retired after submission are still the citizen's: show them.
    for pid, given in docs.items():
        out.append({"id": pid, "nama": given[0]["persyaratan_nama"], "wajib": 0,
                    "dokumen": given, "cek": saved.get(pid), "perlu_diperiksa": True})
    return out


def _page_errors(*forms) -> list[tuple[str, str]]:
    return [(field.id, str(field.errors[0])) for form in forms if form is not None
            for field in form if field.errors]


def _blank_forms(p: dict, allowed: list[Aksi], reqs: list[dict]) -> dict:
    """Unsubmitted forms for each action offered now, keyed by action (check form: 'periksa')."""
    forms: dict = {}
    if any(a in allowed for a in CHECK_ACTIONS):
        forms["periksa"] = staff_forms.check_form(
            reqs, {r["id"]: r["cek"] for r in reqs if r["cek"]}, formdata=None)
    for aksi in allowed:
        if aksi in forms or aksi in CHECK_ACTIONS:
            continue
        forms[aksi] = _form_for(aksi, p, formdata=None)
    return forms


def _form_for(aksi: Aksi, p: dict, **kwargs):
    prefix = str(aksi)
    if aksi in NOTE_ACTIONS:
        return staff_forms.NoteForm(prefix=prefix, **kwargs)
    if aksi in REASON_ACTIONS:
        return staff_forms.ReasonForm(prefix=prefix, **kwargs)
    if aksi in BUTTON_ACTIONS:
        return staff_forms.ButtonForm(prefix=prefix, **kwargs)
    if aksi is Aksi.SETUJUI:
        form = staff_forms.ApproveForm(prefix=prefix, data=staff_forms.default_schedule(
            p["jadwal"]), **kwargs)
        form.set_officers(staff_store.by_role(get_db(), Peran.PETUGAS))
        return form
    if aksi is Aksi.LAPOR:
        return staff_forms.ReportForm(prefix=prefix, **kwargs)
    abort(404)


def _render_detail(p: dict, submitted: dict | None = None, status: int = 200):
    """The request page; `submitted` replaces blank forms with the ones the user sent."""
    db = get_db()
    allowed = allowed_actions(_pelaku(), Status(p["status"]), Mode(p["mode"]), p["petugas_id"])
    reqs = _requirements(db, p)
    forms = _blank_forms(p, allowed, reqs)
    forms.update(submitted or {})
    today = office_today()
    return render_template(
        "staff/detail.html", p=p, reqs=reqs, forms=forms,
        history=requests.history(db, p["id"]), report=requests.report(db, p["id"]),
        rating=requests.rating(db, p["id"]), keberatan=objections.for_request(db, p["id"]),
        terlambat=sop.is_overdue(_day(p["batas_sop"]), today, Status(p["status"])),
        page_errors=_page_errors(*(submitted or {}).values()),
    ), status


def _refused(p: dict, reason: str):
    flash(labels.of(labels.REFUSAL, reason), "warning")
    return _render_detail(p, status=409)


def _unchanged(p: dict):
    """For writes beside a transition (saved checks, the report's file): refuse if someone
    else moved the request meanwhile. The transition itself is guarded by the store."""
    def check(db):
        if requests.get(db, p["id"])["status"] != p["status"]:
            raise TransisiDitolak("wrong_state")
    return check


def _refusal(p: dict, aksi: Aksi) -> str | None:
    """Why this action may not be taken now (notes are checked later, with the form)."""
    try:
        decide(aksi, _pelaku(), Status(p["status"]), Mode(p["mode"]), p["petugas_id"], note="x")
    except TransisiDitolak as e:
        return e.reason
    return None


def _done(p: dict, aksi: Aksi, new: Status):
    flash(gettext("%(langkah)s. Status sekarang: %(status)s.",
                  langkah=labels.of(labels.AKSI, aksi),
                  status=labels.of(labels.STATUS, new)), "success")
    return redirect(url_for("staff.detail", permohonan_id=p["id"]))


# --- queue and request page ----------------------------------------------------------------

@bp.get("/antrean")
@role_required(*VIEWERS)
def queue():
    db = get_db()
    peran = Peran(g.staf["peran"])
    if peran is Peran.ADMIN:
        items = sorted(requests.all_open(db), key=lambda r: (r["diajukan_at"], r["id"]))
    else:
        items = requests.queue(db, QUEUE_STATES[peran],
                               petugas_id=g.staf["id"] if peran is Peran.PETUGAS else None)
    today = office_today()
    _mark_late(items, today)
    sections = [(QUEUE_CAPTION[peran],
                 [r for r in items if peran is Peran.ADMIN or r["status"] not in SERVED_STATES])]
    if peran in REPORT_CAPTION:
        sections.append((REPORT_CAPTION[peran],
                         [r for r in items if r["status"] in SERVED_STATES]))
    deciding = peran in DECIDERS
    return render_template(
        "staff/queue.html", peran=peran, sections=sections, today=today,
        terlambat=sum(1 for r in items if r["terlambat"]),
        keberatan_baru=objections.pending_decisions(db) if deciding else None,
        keberatan_diantar=objections.upheld(db, delivered=False) if deciding else None,
        pengantaran=(objections.delivery_tasks(db, g.staf["id"])
                     if peran is Peran.PETUGAS else None),
    )


@bp.get("/permohonan/<int:permohonan_id>")
@role_required(*VIEWERS)
def detail(permohonan_id: int):
    return _render_detail(_load(permohonan_id))


@bp.get("/permohonan/<int:permohonan_id>/cetak", endpoint="print")
@role_required(*VIEWERS)
def print_sheet(permohonan_id: int):
    """The verifikator's printed check sheet: one A4 page (print rules in mentari.css)."""
    p = _load(permohonan_id)
    db = get_db()
    return render_template("staff/print.html", p=p, reqs=_requirements(db, p),
                           printed_at=office_now())


# --- actions -------------------------------------------------------------------------------

@bp.post("/permohonan/<int:permohonan_id>/periksa")
@role_required(Peran.VERIFIKATOR)
def check(permohonan_id: int):
    """The verifikator's check: save, pass on (all required met) or return (with reasons)."""
    p = _load(permohonan_id)
    tombol = request.form.get("tombol", "")
    if tombol not in TOMBOL_AKSI:
        abort(400)
    aksi = TOMBOL_AKSI[tombol]
    refusal = _refusal(p, aksi or Aksi.TERUSKAN)  # checks are saved only while in the queue
    if refusal:
        return _refused(p, refusal)
    db = get_db()
    reqs = _requirements(db, p)
    form = staff_forms.check_form(reqs, {})
    if not form.check(tombol):
        return _render_detail(p, {"periksa": form}, 400)

    def save_checks(db):
        _unchanged(p)(db)
        for pid, (met, reason) in form.answers().items():
            requests.set_check(db, p["id"], pid, memenuhi=met, alasan="" if met else reason,
                               staf_id=g.staf["id"])

    if aksi is None:
        with transaction(db):
            save_checks(db)
        flash(gettext("Hasil pemeriksaan disimpan."), "success")
        return redirect(url_for("staff.detail", permohonan_id=p["id"]))
    note = form.return_note() if aksi is Aksi.KEMBALIKAN else (form.catatan.data or "")
    try:
        new = actions.apply(db, p, aksi, _pelaku(), note, before_commit=save_checks)
    except TransisiDitolak as e:
        return _refused(p, e.reason)
    return _done(p, aksi, new)


@bp.post("/permohonan/<int:permohonan_id>/aksi/<aksi>")
@role_required(*VIEWERS)
def act(permohonan_id: int, aksi: str):
    """Every other step: paraf, approval, rejection, pick-up steps, report, report receipt."""
    try:
        aksi = Aksi(aksi)
    except ValueError:
        abort(404)
    if aksi in CHECK_ACTIONS or aksi in (Aksi.AJUKAN, Aksi.AJUKAN_ULANG):
        abort(404)
    p = _load(permohonan_id)
    refusal = _refusal(p, aksi)
    if refusal:
        return _refused(p, refusal)
    form = _form_for(aksi, p)
    valid = form.check(office_today()) if aksi is Aksi.SETUJUI else form.validate()
    checked_file = _checked_attachment(form) if aksi is Aksi.LAPOR and valid else None
    if not valid or checked_file is False:
        return _render_detail(p, {aksi: form}, 400)

    db = get_db()
    note = (form.catatan.data or "") if "catatan" in form else ""
    updates, before = None, None  # a stale state is refused by the store
    if aksi is Aksi.SETUJUI:
        updates = {"petugas_id": int(form.petugas.data), "jadwal_petugas": form.moment()}
    elif aksi is Aksi.LAPOR:
        before = _report_writer(p, form, checked_file)
    try:
        new = actions.apply(db, p, aksi, _pelaku(), note, updates, before_commit=before)
    except TransisiDitolak as e:
        return _refused(p, e.reason)
    return _done(p, aksi, new)


def _checked_attachment(form):
    """The report's optional file: None when none was chosen, False when refused (the error
    is put on the field), otherwise the checked file."""
    upload = form.lampiran.data
    if upload is None or not getattr(upload, "filename", ""):
        return None
    max_bytes = current_app.config["UPLOAD_MAX_BYTES"]
    try:
        return uploads.check(upload.read(), upload.filename, max_bytes)
    except uploads.UploadRefused as e:
        message = labels.of(labels.UPLOAD_REFUSAL, e.reason)
        if e.reason == "too_large":
            message = message % {"mb": f"{max_bytes / 1024 / 1024:g}"}
        form.lampiran.errors = [message]
        return False


def _report_writer(p: dict, form, checked_file):
    def write(db):
        _unchanged(p)(db)
        # Saved only once the step is allowed, so a refused report leaves no stray file.
        name = (uploads.save(current_app.config["UPLOAD_FOLDER"], checked_file)
                if checked_file else None)
        requests.save_report(db, p["id"], petugas_id=g.staf["id"], hasil=form.hasil.data,
                             catatan=form.catatan.data or "", lampiran=name,
                             lampiran_mime=checked_file.mime if checked_file else None)
    return write


# --- files ---------------------------------------------------------------------------------

def _send_upload(berkas: str, mime: str, name: str):
    response = send_from_directory(current_app.config["UPLOAD_FOLDER"], berkas, mimetype=mime,
                                   as_attachment=False, download_name=name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    # Identity documents must not stay in a shared computer's cache.
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/dokumen/<int:dokumen_id>")
@role_required(*VIEWERS)
def document(dokumen_id: int):
    d = requests.get_document(get_db(), dokumen_id)
    if d is None or d["permohonan_id"] is None or not d["berkas"]:
        abort(404)
    _load(d["permohonan_id"])
    return _send_upload(d["berkas"], d["mime"], d["nama_asli"] or d["berkas"])


@bp.get("/laporan/<int:permohonan_id>/lampiran")
@role_required(*VIEWERS)
def report_attachment(permohonan_id: int):
    p = _load(permohonan_id)
    report = requests.report(get_db(), p["id"])
    if report is None or not report["lampiran"]:
        abort(404)
    return _send_upload(report["lampiran"], report["lampiran_mime"],
                        gettext("lampiran-laporan-%(nomor)s", nomor=p["nomor"]) + "."
                        + report["lampiran"].rsplit(".", 1)[-1])


# --- objections (keberatan) ----------------------------------------------------------------

@bp.route("/keberatan/<int:keberatan_id>", methods=["GET", "POST"])
@role_required(*DECIDERS)
def objection(keberatan_id: int):
    db = get_db()
    k = objections.get(db, keberatan_id)
    if k is None:
        abort(404)
    form = staff_forms.ObjectionDecisionForm()
    form.set_officers(staff_store.by_role(db, Peran.PETUGAS))
    if k["status"] == objections.DIAJUKAN and form.validate_on_submit():
        uphold = form.keputusan.data == "terima"
        p = requests.get(db, k["permohonan_id"])
        with transaction(db):
            new = objections.decide(
                db, k["id"], uphold=uphold, pemeriksa_id=g.staf["id"],
                catatan=form.catatan.data or "",
                petugas_id=int(form.petugas.data) if uphold else None)
            if new is not None:
                message_store.add(db, p["id"], notices.objection_message(p, new), p["telepon"])
        actions.send_pending(db)
        if new is None:
            flash(gettext("Keberatan ini sudah diputuskan."), "warning")
        else:
            flash(gettext("Keputusan disimpan: %(keputusan)s. Pemohon sudah diberi kabar.",
                          keputusan=labels.of(labels.KEBERATAN, new)), "success")
        return redirect(url_for("staff.queue"))
    if request.method == "POST" and k["status"] != objections.DIAJUKAN:
        flash(gettext("Keberatan ini sudah diputuskan."), "warning")
        return redirect(url_for("staff.objection", keberatan_id=k["id"]))
    _mark_late([k], office_today())
    errors = _page_errors(form)
    return render_template("staff/objection.html", k=k, form=form, page_errors=errors), (
        400 if errors else 200)


@bp.post("/keberatan/<int:keberatan_id>/diantar")
@role_required(Peran.PETUGAS)
def objection_delivered(keberatan_id: int):
    db = get_db()
    k = objections.get(db, keberatan_id)
    if k is None:
        abort(404)
    if k["petugas_id"] != g.staf["id"]:
        abort(403)
    if not staff_forms.ButtonForm().validate_on_submit():
        abort(400)
    p = requests.get(db, k["permohonan_id"])
    with transaction(db):
        delivered = objections.mark_delivered(db, k["id"], g.staf["id"])
        if delivered:
            message_store.add(db, p["id"], notices.objection_message(p, objections.DIANTAR),
                              p["telepon"])
    actions.send_pending(db)
    if delivered:
        flash(gettext("Tercatat: hasil layanan permohonan %(nomor)s sudah diantar.",
                      nomor=grouped(p["nomor"])), "success")
    else:
        flash(gettext("Pengantaran ini sudah tercatat sebelumnya."), "warning")
    return redirect(url_for("staff.queue"))
