"""/staf/admin/skm: what the office did about an SKM period, shown with its public results."""
from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from ..domain.jejak import Peristiwa
from ..domain.workflow import Peran
from ..store import rekap, transaction
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp
from .forms import SkmFollowupForm

ADMIN = Peran.ADMIN


@bp.route("/skm", methods=["GET", "POST"])
@role_required(ADMIN)
def skm_tindak_lanjut():
    db = get_db()
    form = SkmFollowupForm()
    if form.validate_on_submit():
        with transaction(db):
            rekap.add_skm_followup(db, form.periode.data, form.catatan.data,
                                           g.staf["id"])
            catat(Peristiwa.SKM_TINDAK_LANJUT, objek="skm", rincian=form.periode.data)
        flash(_("Tindak lanjut survei untuk periode %(periode)s disimpan dan ditampilkan di "
                "halaman hasil survei.", periode=form.periode.data), "success")
        return redirect(url_for("admin.skm_tindak_lanjut"))
    return render_template("admin/skm.html", form=form,
                           notes=rekap.recent_skm_followups(db),
                           page_errors=form_errors(form))
