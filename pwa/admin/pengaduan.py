"""/staf/admin/pengaduan: the complaints, unanswered first, and the answer to one (its follow-up
shows on /pengaduan/cek)."""
from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..domain import pengaduan as rules
from ..domain.jejak import Peristiwa
from ..domain.workflow import Peran
from ..services import pengaduan as service
from ..store import pengaduan as store
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp
from .forms import ComplaintResponseForm

ADMIN = Peran.ADMIN


@bp.get("/pengaduan")
@role_required(ADMIN)
def pengaduan():
    return render_template("admin/pengaduan.html", items=store.all_for_admin(get_db()))


@bp.route("/pengaduan/<int:pengaduan_id>", methods=["GET", "POST"])
@role_required(ADMIN)
def tanggapi(pengaduan_id: int):
    db = get_db()
    item = store.get(db, pengaduan_id) or abort(404)
    form = ComplaintResponseForm()
    if request.method == "GET":
        form.tindak_lanjut.data = item["tindak_lanjut"]
        form.status.data = item["status"] if item["status"] != rules.BARU else None
    if form.validate_on_submit():
        service.respond(db, pengaduan_id, tindak_lanjut=form.tindak_lanjut.data,
                        status=form.status.data, staf_id=g.staf["id"])
        catat(Peristiwa.PENGADUAN_TANGGAPI, objek="pengaduan", objek_id=pengaduan_id,
              rincian=form.status.data)
        flash(_("Tindak lanjut pengaduan disimpan. Pengadu dapat melihatnya dengan nomor "
                "pengaduan."), "success")
        return redirect(url_for("admin.pengaduan"))
    return render_template("admin/pengaduan_tanggapi.html", form=form, item=item,
                           page_errors=form_errors(form))
