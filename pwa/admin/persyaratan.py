"""/staf/admin/layanan/<id>/persyaratan and /staf/admin/persyaratan/<id>: the documents a service
asks for."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..domain.jejak import Peristiwa
from ..domain.workflow import Peran
from ..store import layanan as store, transaction
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp
from .forms import FILE_TYPES, RequirementForm, RetireForm

ADMIN = Peran.ADMIN


def _active_requirement(db, persyaratan_id: int) -> dict:
    req = store.get_requirement(db, persyaratan_id)
    if req is None or not req["aktif"]:
        abort(404)
    return req


@bp.route("/layanan/<int:layanan_id>/persyaratan/baru", methods=["GET", "POST"])
@role_required(ADMIN)
def persyaratan_baru(layanan_id: int):
    db = get_db()
    service = store.get_service(db, layanan_id) or abort(404)
    form = RequirementForm()
    if request.method == "GET":
        form.wajib.data = "1"
        form.jenis.data = [code for code, _text in FILE_TYPES]
    if form.validate_on_submit():
        values = form.values()
        with transaction(db):
            persyaratan_id = store.add_requirement(db, layanan_id,
                                                   urutan=len(service["persyaratan"]), **values)
            catat(Peristiwa.PERSYARATAN_TAMBAH, objek="persyaratan", objek_id=persyaratan_id,
                  rincian=f"layanan:{layanan_id}")
        flash(_("Persyaratan %(nama)s ditambahkan.", nama=values["nama"]), "success")
        return redirect(url_for(".layanan_ubah", layanan_id=layanan_id, _anchor="persyaratan"))
    return render_template("admin/persyaratan_form.html", form=form, service=service,
                           requirement=None, page_errors=form_errors(form))


@bp.route("/persyaratan/<int:persyaratan_id>", methods=["GET", "POST"])
@role_required(ADMIN)
def persyaratan_ubah(persyaratan_id: int):
    db = get_db()
    req = _active_requirement(db, persyaratan_id)
    service = store.get_service(db, req["layanan_id"])
    form = RequirementForm()
    if request.method == "GET":
        form.fill(req)
    if form.validate_on_submit():
        values = form.values()
        with transaction(db):
            store.update_requirement(db, persyaratan_id, **values)
            catat(Peristiwa.PERSYARATAN_UBAH, objek="persyaratan", objek_id=persyaratan_id,
                  rincian=f"layanan:{service['id']}")
        flash(_("Persyaratan %(nama)s disimpan.", nama=values["nama"]), "success")
        return redirect(url_for(".layanan_ubah", layanan_id=service["id"],
                                _anchor="persyaratan"))
    return render_template("admin/persyaratan_form.html", form=form, service=service,
                           requirement=req, page_errors=form_errors(form))


@bp.route("/persyaratan/<int:persyaratan_id>/hapus", methods=["GET", "POST"])
@role_required(ADMIN)
def persyaratan_hapus(persyaratan_id: int):
    """GET asks to confirm; POST retires. Retired requirements stay for earlier requests."""
    db = get_db()
    req = _active_requirement(db, persyaratan_id)
    form = RetireForm()
    if form.validate_on_submit():
        with transaction(db):
            store.retire_requirement(db, persyaratan_id)
            catat(Peristiwa.PERSYARATAN_HAPUS, objek="persyaratan", objek_id=persyaratan_id,
                  rincian=f"layanan:{req['layanan_id']}")
        flash(_("Persyaratan %(nama)s dihapus dari layanan ini.", nama=req["nama"]), "success")
        return redirect(url_for(".layanan_ubah", layanan_id=req["layanan_id"],
                                _anchor="persyaratan"))
    return render_template("admin/persyaratan_hapus.html", form=form, requirement=req,
                           service=store.get_service(db, req["layanan_id"]))
