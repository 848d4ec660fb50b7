"""/staf/integritas: complaints about integrity (extortion, gratification, an officer's conduct;
issue 17.9, seed 003's whistle-blowing system) for the Kepala Kantor and the integrity team,
those needing someone first, and the answer to one. The admin never sees them
(domain/pengaduan.handlers): the person reported may be the admin, or sit beside them."""
from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from ..admin.forms import ComplaintResponseForm
from ..bahasa import labels
from ..domain import pengaduan as rules
from ..domain.jejak import Peristiwa
from ..domain.workflow import Peran
from ..services import pengaduan as service
from ..store import notifikasi, pengaduan as store
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp

@bp.get("/integritas")
@role_required(Peran.KEPALA_KANTOR, Peran.TIM_INTEGRITAS)
def integritas():
    return render_template("staf/integritas.html", items=store.for_handlers(
        get_db(), rules.kinds_handled_by(g.staf["peran"])))


@bp.route("/integritas/<int:pengaduan_id>", methods=["GET", "POST"])
@role_required(Peran.KEPALA_KANTOR, Peran.TIM_INTEGRITAS)
def integritas_tanggapi(pengaduan_id: int):
    db = get_db()
    item = store.get(db, pengaduan_id)
    if item is None or g.staf["peran"] not in rules.handlers(item["jenis"]):
        abort(404)  # a service complaint is the admin's; it does not exist on these pages
    form = ComplaintResponseForm()
    status = 200
    if form.validate_on_submit():
        try:
            service.respond(db, pengaduan_id, tindak_lanjut=form.tindak_lanjut.data,
                            status=form.status.data, peran=g.staf["peran"],
                            staf_id=g.staf["id"])
        except service.PengaduanDitolak as refusal:
            form.status.errors.append(labels.of(labels.PENGADUAN_REFUSAL, refusal.reason))
            item, status = store.get(db, pengaduan_id), 409
        else:
            catat(Peristiwa.PENGADUAN_TANGGAPI, objek="pengaduan", objek_id=pengaduan_id,
                  rincian=form.status.data)
            flash(_("Tindak lanjut pengaduan disimpan. Pengadu dapat melihatnya dengan nomor "
                    "pengaduan."), "success")
            return redirect(url_for("staf.integritas"))
    return render_template(
        "staf/integritas_tanggapi.html", form=form, item=item,
        thread=store.thread(db, pengaduan_id),
        deliveries=notifikasi.for_pengaduan(db, pengaduan_id),
        page_errors=form_errors(form)), status
