"""/ajukan: the citizen's request, one question per page (GOV.UK pattern), answers kept in a
draft (draf.py); and /ajukan/satu-halaman, the same questions on one page for a phone without
a signal (satu_halaman.py).

Steps (domain/langkah.py): layanan → cara → data-diri → alamat → kebutuhan → jadwal → dokumen →
periksa → selesai. Every step is a plain HTML form; a "Ubah" link from the check-answers page
comes back to it with ?ubah=1 and returns to the check page after saving.
"""
from flask import abort, current_app, redirect, render_template, request, url_for

from ...store import layanan
from ...web import batas
from ...web.caching import personal
from ...web.db import get_db
from ...web.errors import form_errors
from ...web.ownership import owned_request
from ..blueprint import bp
from .. import draf
from . import forms, navigasi
from .dokumen import step_documents
from .jadwal import step_schedule
from .periksa import step_check
from .pilihan import step_mode, step_service


@bp.route("/ajukan", methods=["GET", "POST"])
def ajukan():
    if request.method == "POST":
        if request.form.get("mulai") == "baru" or not draf.load():
            # Each draft may hold uploads: one client cannot make them without end.
            if batas.hit("draf", batas.client(), current_app.config["DRAFT_RATE_LIMIT"]):
                abort(429)
            draf.start()
        preselect = request.form.get("layanan")
        if preselect and preselect.isdigit() and len(preselect) < 10:
            data = draf.load()
            service = layanan.get_service(get_db(), int(preselect))
            if service and service["dibuka"]:
                data["layanan_id"] = service["id"]
                draf.save(data)
                return redirect(url_for("permohonan.langkah", step="cara"))
        return redirect(url_for("permohonan.langkah", step="layanan"))
    resume = draf.load() is not None
    if resume:
        personal()   # her draft waits: this page is hers, and no copy of it is kept
    return render_template("permohonan/ajukan/start.html", resume=resume)


def _simple_step(step_name, form_class, template, fields):
    def handler(data, service):
        form = form_class(data={k: data.get(k) for k in fields})
        if form.validate_on_submit():
            if hasattr(form, "cleaned"):
                data.update(form.cleaned())
            else:
                data.update({k: getattr(form, k).data for k in fields})
            draf.save(data)
            return navigasi.after(step_name, service)
        return render_template(template, form=form, service=service, data=data,
                               back=navigasi.back(step_name, service),
                               page_errors=form_errors(form))
    return handler


_HANDLERS = {
    "layanan": step_service,
    "cara": step_mode,
    "data-diri": _simple_step("data-diri", forms.PersonForm,
                              "permohonan/ajukan/step_person.html", ("nama", "telepon", "nik")),
    "alamat": _simple_step("alamat", forms.AddressForm, "permohonan/ajukan/step_address.html",
                           ("alamat", "desa", "kecamatan")),
    "kebutuhan": _simple_step("kebutuhan", forms.NeedsForm, "permohonan/ajukan/step_needs.html",
                              ("kategori", "disabilitas", "bantuan", "bantuan_lain")),
    "jadwal": step_schedule,
    "dokumen": step_documents,
    "periksa": step_check,
}


@bp.route("/ajukan/<step>", methods=["GET", "POST"])
def langkah(step: str):
    handler = _HANDLERS.get(step)
    if handler is None:
        abort(404)
    personal()   # every step shows the draft's answers (name, phone, NIK, address)
    data, service, redirect_to = navigasi.guard(step)
    if redirect_to is not None:
        return redirect_to
    return handler(data, service)


@bp.get("/ajukan/selesai/<int:permohonan_id>")
@owned_request
def selesai(p: dict):
    return render_template("permohonan/ajukan/done.html", p=p)


from . import satu_halaman  # noqa: E402,F401  (its route)
