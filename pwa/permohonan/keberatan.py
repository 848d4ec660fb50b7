"""/permohonan/<id>/keberatan (seed 004): the citizen objects once the SOP time is exceeded."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _

from ..bahasa import labels
from ..services import keberatan as service
from ..services.clock import office_today
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.ownership import owned_request
from . import halaman
from .blueprint import bp
from .forms import KeberatanForm


@bp.post("/permohonan/<int:permohonan_id>/keberatan")
@owned_request
def keberatan(p: dict):
    db = get_db()
    try:
        # Not allowed (yet) is said before what to write: no point writing it.
        service.check_may_file(db, p, office_today())
        form = KeberatanForm()
        if not form.validate_on_submit():
            return halaman.render(p, objecting=form, errors=form_errors(form), code=400)
        service.file(db, p, form.alasan.data, office_today())
    except service.KeberatanDitolak as refusal:
        flash(labels.of(labels.KEBERATAN_REFUSAL, refusal.reason), "warning")
        return redirect(url_for("permohonan.lihat", permohonan_id=p["id"]))
    flash(_("Keberatan Anda diterima dan akan diperiksa Kepala Kantor."), "success")
    return redirect(url_for("permohonan.lihat", permohonan_id=p["id"]))
