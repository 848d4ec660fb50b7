"""/permohonan/<id>/perbaiki: replacing the documents the verifikator returned; once all are
replaced the request goes back to the office."""
from flask import current_app, flash, redirect, url_for
from flask_babel import gettext as _

from ..bahasa import labels
from ..domain.workflow import Status, TransisiDitolak
from ..services import pengajuan
from ..services.clock import office_today
from ..web import upload_field
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.ownership import owned_request
from . import halaman
from .blueprint import bp
from .forms import fix_form


@bp.post("/permohonan/<int:permohonan_id>/perbaiki")
@owned_request
def perbaiki(p: dict):
    """Each good file is kept at once, so a citizen whose second file fails re-sends only that
    one."""
    if p["status"] != Status.DIKEMBALIKAN:
        flash(_("Permohonan ini tidak sedang dikembalikan."), "warning")
        return redirect(url_for("permohonan.lihat", permohonan_id=p["id"]))
    db = get_db()
    returned = halaman.returned(p)
    form = fix_form(returned)()
    form.validate_on_submit()
    for r in returned:
        field = form[f"dok_{r['persyaratan_id']}"]
        if not upload_field.chosen(field):
            field.errors = [_("Unggah %(dokumen)s yang sudah diperbaiki.", dokumen=r["nama"])]
            continue
        checked = upload_field.checked(field, r["jenis"])
        if checked is not None:
            pengajuan.replace_document(db, current_app.config["UPLOAD_FOLDER"], p["id"],
                                       r["persyaratan_id"], checked)
    if halaman.returned(p):
        return halaman.render(p, fixing=form, errors=form_errors(form), code=400)
    try:
        pengajuan.resubmit(db, p, office_today())
    except TransisiDitolak as refusal:
        flash(str(labels.REFUSAL[refusal.reason]), "warning")
    else:
        flash(_("Dokumen terkirim. Permohonan Anda diperiksa kembali."), "success")
    return redirect(url_for("permohonan.lihat", permohonan_id=p["id"]))
