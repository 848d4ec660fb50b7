"""The citizen's request, one question per page (GOV.UK pattern), answers kept in a draft.

Steps: layanan → cara → data-diri → alamat → kebutuhan → jadwal → dokumen → periksa → selesai.
Every step is a plain HTML form; a "Change" link from the check-answers page comes back to it
with ?ubah=1 and returns to the check page after saving.
"""
import secrets
from datetime import datetime

from flask import (Blueprint, abort, current_app, redirect, render_template, request,
                   session, url_for)
from flask_babel import gettext as _
from flask_wtf.file import FileField
from wtforms import BooleanField

from . import citizen_forms as forms, labels, ownership, uploads
from .clock import office_today
from .database import get_db
from .pengajuan import mode_available, submit
from .store import catalogue, drafts, requests
from .workflow import Mode

bp = Blueprint("citizen", __name__)

STEPS = ("layanan", "cara", "data-diri", "alamat", "kebutuhan", "jadwal", "dokumen", "periksa")
_DRAFT_KEY = "draf_id"


# --- draft handling -------------------------------------------------------------------------

def _draft() -> dict | None:
    draft_id = session.get(_DRAFT_KEY)
    if not draft_id:
        return None
    data = drafts.load(get_db(), draft_id)
    if data is None:
        session.pop(_DRAFT_KEY, None)
    return data


def _save(data: dict) -> None:
    drafts.save(get_db(), session[_DRAFT_KEY], data)
    get_db().conn.commit()


def _service(data: dict) -> dict | None:
    return catalogue.get_service(get_db(), data["layanan_id"]) if data.get("layanan_id") else None


def _steps_for(service: dict | None) -> list[str]:
    steps = list(STEPS)
    if service is not None and not service["persyaratan"]:
        steps.remove("dokumen")
    return steps


def _complete(step: str, data: dict) -> bool:
    needed = {
        "layanan": ("layanan_id",), "cara": ("mode",), "data-diri": ("nama", "telepon"),
        "alamat": ("alamat", "desa", "kecamatan"), "kebutuhan": ("kategori",),
        "jadwal": ("jadwal",), "dokumen": ("dokumen_selesai",), "periksa": ("never",),
    }[step]
    return all(data.get(k) for k in needed)


def _guard(step: str):
    """Return (draft, service, None) or (None, None, redirect) to the first unanswered step."""
    data = _draft()
    if data is None:
        return None, None, redirect(url_for("citizen.start"))
    service = _service(data)
    steps = _steps_for(service)
    for earlier in steps[:steps.index(step)] if step in steps else steps:
        if not _complete(earlier, data):
            return None, None, redirect(url_for("citizen.step", step=earlier))
    return data, service, None


def _after(step: str, service: dict | None):
    if request.args.get("ubah"):
        return redirect(url_for("citizen.step", step="periksa"))
    steps = _steps_for(service)
    return redirect(url_for("citizen.step", step=steps[steps.index(step) + 1]))


def _back(step: str, service: dict | None) -> str:
    if request.args.get("ubah"):
        return url_for("citizen.step", step="periksa")
    steps = _steps_for(service)
    i = steps.index(step)
    return url_for("citizen.step", step=steps[i - 1]) if i else url_for("citizen.start")


def _errors(form) -> list[tuple[str, str]]:
    return [(f.id, f.errors[0]) for f in form if f.errors and f.type != "CSRFTokenField"]


def _closed_reason(is_open: bool, reopen: str | None) -> str | None:
    if is_open:
        return None
    if reopen:
        return _("Ditutup sementara. Dibuka kembali %(tanggal)s.",
                 tanggal=current_app.jinja_env.filters["tanggal"](reopen))
    return _("Ditutup sementara.")


# --- public pages ---------------------------------------------------------------------------

@bp.get("/")
def home():
    return render_template("citizen/home.html", resume=_draft() is not None)


@bp.get("/layanan")
def services():
    """The published service standards: what each service needs, how long it takes, how to get it."""
    items = []
    for s in catalogue.list_services(get_db()):
        s["persyaratan"] = catalogue.requirements(get_db(), s["id"])
        s["closed"] = _closed_reason(bool(s["dibuka"]), s["dibuka_kembali"])
        items.append(s)
    return render_template("citizen/services.html", services=items)


@bp.route("/ajukan", methods=["GET", "POST"])
def start():
    if request.method == "POST":
        if request.form.get("mulai") == "baru" or not _draft():
            draft_id = secrets.token_urlsafe(24)
            drafts.create(get_db(), draft_id)
            # The idempotency key travels with the draft: submitting twice creates one request.
            drafts.save(get_db(), draft_id, {"idempotency_key": secrets.token_urlsafe(24)})
            get_db().conn.commit()
            session[_DRAFT_KEY] = draft_id
        preselect = request.form.get("layanan")
        if preselect and preselect.isdigit():
            data = _draft()
            service = catalogue.get_service(get_db(), int(preselect))
            if service and service["dibuka"]:
                data["layanan_id"] = service["id"]
                _save(data)
                return redirect(url_for("citizen.step", step="cara"))
        return redirect(url_for("citizen.step", step="layanan"))
    return render_template("citizen/start.html", resume=_draft() is not None)


@bp.route("/ajukan/<step>", methods=["GET", "POST"])
def step(step: str):
    handler = _HANDLERS.get(step)
    if handler is None:
        abort(404)
    data, service, redirect_to = _guard(step)
    if redirect_to is not None:
        return redirect_to
    return handler(data, service)


# --- the steps ------------------------------------------------------------------------------

def _step_service(data, service):
    form = forms.ServiceForm(data={"layanan": str(data.get("layanan_id") or "")})
    all_services = catalogue.list_services(get_db())
    form.layanan.choices = [(str(s["id"]), s["nama"]) for s in all_services]
    closed = {str(s["id"]): _closed_reason(False, s["dibuka_kembali"])
              for s in all_services if not s["dibuka"]}
    hints = {str(s["id"]): s["deskripsi"] for s in all_services}
    # The voice recogniser names services by slug; the page maps them to the options.
    slugs = {s["slug"]: str(s["id"]) for s in all_services}
    if form.validate_on_submit():
        if form.layanan.data in closed:
            form.layanan.errors = [_("Layanan ini sedang ditutup. Pilih layanan lain.")]
        else:
            if str(data.get("layanan_id")) != form.layanan.data:
                # Another service has other modes and requirements: ask those again.
                for key in ("mode", "jadwal", "dokumen_selesai"):
                    data.pop(key, None)
            data["layanan_id"] = int(form.layanan.data)
            _save(data)
            return _after("layanan", _service(data))
    return render_template("citizen/step_service.html", form=form, closed=closed, hints=hints,
                           slugs=slugs, back=_back("layanan", service),
                           page_errors=_errors(form))


def _step_mode(data, service):
    form = forms.ModeForm(data={"mode": data.get("mode") or ""})
    offered = [m for m in Mode if m in service["modes"]]
    form.mode.choices = [(m.value, labels.MODE[m]) for m in offered]
    closed = {m.value: _closed_reason(False, service["modes"][m]["dibuka_kembali"])
              for m in offered if not mode_available(service, m)}
    if form.validate_on_submit():
        if form.mode.data in closed:
            form.mode.errors = [_("Cara layanan ini sedang ditutup. Pilih cara lain.")]
        else:
            if data.get("mode") != form.mode.data:
                data.pop("jadwal", None)
                data.pop("dokumen_selesai", None)
            data["mode"] = form.mode.data
            _save(data)
            return _after("cara", service)
    hints = {m.value: labels.MODE_HINT[m] for m in offered}
    return render_template("citizen/step_mode.html", form=form, service=service, closed=closed,
                           hints=hints, back=_back("cara", service), page_errors=_errors(form))


def _simple_step(step_name, form_class, template, fields):
    def handler(data, service):
        form = form_class(data={k: data.get(k) for k in fields})
        if form.validate_on_submit():
            if hasattr(form, "cleaned"):
                data.update(form.cleaned())
            else:
                data.update({k: getattr(form, k).data for k in fields})
            _save(data)
            return _after(step_name, service)
        return render_template(template, form=form, service=service, data=data,
                               back=_back(step_name, service), page_errors=_errors(form))
    return handler


def _step_schedule(data, service):
    mode = Mode(data["mode"])
    saved = datetime.fromisoformat(data["jadwal"]) if data.get("jadwal") else None
    if mode is Mode.KONSULTASI:
        form = forms.ConsultationForm(data={"slot": data.get("jadwal") or ""})
        booked = requests.booked_slots(get_db(), Mode.KONSULTASI)
        slots = forms.consultation_slots(office_today())
        form.slot.choices = [(s.isoformat(timespec="minutes"),
                              current_app.jinja_env.filters["waktu"](
                                  s.isoformat(timespec="minutes"), "EEEE, d MMMM y, HH.mm"))
                             for s in slots]
        taken = {s: _("Sudah dipesan orang lain.") for s, _t in form.slot.choices if s in booked}
        if form.validate_on_submit():
            if form.slot.data in taken:
                form.slot.errors = [_("Waktu itu baru saja dipesan. Pilih waktu lain.")]
            else:
                data["jadwal"] = form.slot.data
                _save(data)
                return _after("jadwal", service)
        return render_template("citizen/step_schedule.html", form=form, mode=mode, taken=taken,
                               service=service, back=_back("jadwal", service),
                               page_errors=_errors(form))

    initial = {"tanggal": saved.date() if saved else None, "jam": saved.time() if saved else None}
    if mode is Mode.ANTAR_JEMPUT:
        form = forms.PickupForm(data=dict(initial, alamat_jemput=data.get("alamat_jemput")
                                          or data.get("alamat")))
    elif mode is Mode.JEMPUT_BOLA:
        form = forms.VisitForm(data=dict(initial, bawaan=data.get("bawaan")))
    else:
        form = forms.WalkInForm(data=initial)
    if form.validate_on_submit():
        if mode is Mode.LANGSUNG:
            data["jadwal"] = form.tanggal.data.isoformat()
        else:
            data["jadwal"] = form.moment()
        if mode is Mode.ANTAR_JEMPUT:
            data["alamat_jemput"] = form.alamat_jemput.data
        if mode is Mode.JEMPUT_BOLA:
            data["bawaan"] = form.bawaan.data
        _save(data)
        return _after("jadwal", service)
    return render_template("citizen/step_schedule.html", form=form, mode=mode, service=service,
                           suara_pilihan=_spoken_schedule_choices(),
                           back=_back("jadwal", service), page_errors=_errors(form))


def _spoken_schedule_choices() -> dict:
    """Dates and times the voice dialogue offers as numbered menus ([value, words]): a date
    or time is hard to say and to recognise, a number is easy. The fields still take any."""
    day = current_app.jinja_env.filters["tanggal"]
    return {"tanggal": [[d.isoformat(), day(d, "EEEE, d MMMM")]
                        for d in forms.upcoming_working_days(office_today(), 5)],
            "jam": [[t.strftime("%H:%M"), t.strftime("%H.%M")] for t in forms.office_hours()]}


def _documents_form(service, mode):
    """One file field per requirement; for jemput bola also 'the officer collects it'."""
    class Form(forms.DocumentsForm):
        pass
    for req in service["persyaratan"]:
        setattr(Form, f"dok_{req['id']}", FileField(req["nama"]))
        if mode is Mode.JEMPUT_BOLA:
            setattr(Form, f"ambil_{req['id']}", BooleanField(
                _("Petugas mengambil dokumen ini saat datang")))
    return Form


def _step_documents(data, service):
    mode = Mode(data["mode"])
    db = get_db()
    draft_id = session[_DRAFT_KEY]
    existing = drafts.documents(db, draft_id)
    initial = {f"ambil_{rid}": bool(d["diambil_petugas"]) for rid, d in existing.items()}
    form = _documents_form(service, mode)(data=initial)
    if form.validate_on_submit():
        max_bytes = current_app.config["UPLOAD_MAX_BYTES"]
        for req in service["persyaratan"]:
            field = form[f"dok_{req['id']}"]
            ambil = form[f"ambil_{req['id']}"].data if mode is Mode.JEMPUT_BOLA else False
            upload = field.data
            if upload and upload.filename:
                try:
                    checked = uploads.check(upload.read(), upload.filename, max_bytes,
                                            tuple(req["jenis"].split(",")))
                except uploads.UploadRefused as refusal:
                    field.errors = [labels.UPLOAD_REFUSAL[refusal.reason] % {
                        "mb": f"{max_bytes / 1048576:g}"}]
                    continue
                # Saved at once, so a failure on another field never costs this upload.
                stored = uploads.save(current_app.config["UPLOAD_FOLDER"], checked)
                drafts.add_document(db, draft_id, req["id"], nama_asli=checked.original_name,
                                    berkas=stored, mime=checked.mime, ukuran=len(checked.data))
            elif ambil:
                drafts.add_document(db, draft_id, req["id"], diambil_petugas=True)
            elif req["id"] in existing and existing[req["id"]]["diambil_petugas"]:
                # The officer-collects box was cleared and nothing uploaded instead.
                drafts.remove_document(db, draft_id, req["id"])
        db.conn.commit()
        existing = drafts.documents(db, draft_id)
        for req in service["persyaratan"]:
            field = form[f"dok_{req['id']}"]
            if req["wajib"] and req["id"] not in existing and not field.errors:
                field.errors = [_("Unggah %(dokumen)s.", dokumen=req["nama"]) if
                                mode is not Mode.JEMPUT_BOLA else
                                _("Unggah %(dokumen)s, atau centang bahwa petugas mengambilnya.",
                                  dokumen=req["nama"])]
        if not _errors(form):
            data["dokumen_selesai"] = True
            _save(data)
            return _after("dokumen", service)
    return render_template("citizen/step_documents.html", form=form, service=service, mode=mode,
                           existing=existing, back=_back("dokumen", service),
                           page_errors=_errors(form),
                           max_mb=f"{current_app.config['UPLOAD_MAX_BYTES'] / 1048576:g}")


def _summary_rows(data, service) -> list[dict]:
    change = lambda step: url_for("citizen.step", step=step, ubah=1)  # noqa: E731
    mode = Mode(data["mode"])
    fmt_moment = current_app.jinja_env.filters["waktu"]
    fmt_day = current_app.jinja_env.filters["tanggal"]
    rows = [
        {"key": _("Layanan"), "value": service["nama"], "href": change("layanan")},
        # str(): a lazy string is iterable, and the summary list showed it letter by letter.
        {"key": _("Cara layanan"), "value": str(labels.MODE[mode]), "href": change("cara")},
        {"key": _("Nama lengkap"), "value": data.get("nama"), "href": change("data-diri")},
        {"key": _("Nomor HP atau WhatsApp"), "value": data.get("telepon"),
         "href": change("data-diri")},
        {"key": _("NIK"), "value": data.get("nik") or _("Tidak diisi"),
         "href": change("data-diri")},
        {"key": _("Alamat"), "value": [data.get("alamat"), data.get("desa"),
                                       _("Kecamatan %(nama)s", nama=data.get("kecamatan"))],
         "href": change("alamat")},
        {"key": _("Kelompok"), "value": [labels.of(labels.KATEGORI, k)
                                         for k in data.get("kategori") or []],
         "href": change("kebutuhan")},
    ]
    if data.get("disabilitas"):
        rows.append({"key": _("Jenis disabilitas"), "value": [
            labels.of(labels.DISABILITAS, k) for k in data["disabilitas"]],
            "href": change("kebutuhan")})
    needs = [labels.of(labels.BANTUAN, k) for k in data.get("bantuan") or []]
    if data.get("bantuan_lain"):
        needs.append(data["bantuan_lain"])
    rows.append({"key": _("Bantuan yang diperlukan"), "value": needs or [_("Tidak ada")],
                 "href": change("kebutuhan")})
    when = fmt_day(data["jadwal"]) if mode is Mode.LANGSUNG else fmt_moment(data["jadwal"])
    rows.append({"key": _("Jadwal"), "value": when, "href": change("jadwal")})
    if mode is Mode.ANTAR_JEMPUT:
        rows.append({"key": _("Alamat penjemputan"), "value": data.get("alamat_jemput"),
                     "href": change("jadwal")})
    if mode is Mode.JEMPUT_BOLA:
        rows.append({"key": _("Yang perlu dibawa petugas"),
                     "value": data.get("bawaan") or _("Tidak ada"), "href": change("jadwal")})
    if service["persyaratan"]:
        docs = drafts.documents(get_db(), session[_DRAFT_KEY])
        lines = []
        for req in service["persyaratan"]:
            d = docs.get(req["id"])
            if d is None:
                lines.append(_("%(dokumen)s: tidak diunggah", dokumen=req["nama"]))
            elif d["diambil_petugas"]:
                lines.append(_("%(dokumen)s: diambil petugas", dokumen=req["nama"]))
            else:
                lines.append(f"{req['nama']}: {d['nama_asli']}")
        rows.append({"key": _("Dokumen"), "value": lines, "href": change("dokumen")})
    return rows


def _step_check(data, service):
    form = forms.ConfirmForm(data={"catatan": data.get("catatan")})
    problem = None
    if form.validate_on_submit():
        existing = requests.by_idempotency_key(get_db(), data["idempotency_key"])
        if existing is not None:
            ownership.grant(existing["id"])
            return redirect(url_for("citizen.done", permohonan_id=existing["id"]))
        if not mode_available(service, data["mode"]):
            problem = _("Maaf, layanan atau cara layanan ini baru saja ditutup. Pilih yang lain.")
        else:
            data["catatan"] = form.catatan.data
            permohonan_id = submit(data, service, session[_DRAFT_KEY])
            session.pop(_DRAFT_KEY, None)
            ownership.grant(permohonan_id)
            return redirect(url_for("citizen.done", permohonan_id=permohonan_id))
    return render_template("citizen/step_check.html", form=form, service=service,
                           rows=_summary_rows(data, service), problem=problem,
                           back=_back("periksa", service), page_errors=_errors(form))


_HANDLERS = {
    "layanan": _step_service,
    "cara": _step_mode,
    "data-diri": _simple_step("data-diri", forms.PersonForm, "citizen/step_person.html",
                              ("nama", "telepon", "nik")),
    "alamat": _simple_step("alamat", forms.AddressForm, "citizen/step_address.html",
                           ("alamat", "desa", "kecamatan")),
    "kebutuhan": _simple_step("kebutuhan", forms.NeedsForm, "citizen/step_needs.html",
                              ("kategori", "disabilitas", "bantuan", "bantuan_lain")),
    "jadwal": _step_schedule,
    "dokumen": _step_documents,
    "periksa": _step_check,
}


@bp.get("/ajukan/selesai/<int:permohonan_id>")
def done(permohonan_id: int):
    if not ownership.owns(permohonan_id):
        return redirect(url_for("status.lookup"))
    permohonan = requests.get(get_db(), permohonan_id)
    if permohonan is None:
        abort(404)
    return render_template("citizen/done.html", p=permohonan)
