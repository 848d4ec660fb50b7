"""/staf/admin/pengaduan: the service complaints, those needing someone first, and the answer to
one (its follow-up shows on /pengaduan/cek and is texted to a complainant who left a phone).
A complaint about integrity is not the admin's: it is not listed here and its page answers 404;
one filed as a service complaint that is about integrity is handed on (alihkan) to the Kepala
Kantor and the integrity team (staf/integritas.py)."""
from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from ..bahasa import labels
from ..domain import nomor, pengaduan as rules
from ..domain.jejak import Peristiwa
from ..domain.workflow import Peran
from ..services import pengaduan as service
from ..store import notifikasi, pengaduan as store
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp
from .forms import ComplaintResponseForm, RerouteForm

ADMIN = Peran.ADMIN


@bp.get("/pengaduan")
@role_required(ADMIN)
def pengaduan():
    return render_template("admin/pengaduan.html", items=store.for_handlers(
        get_db(), rules.kinds_handled_by(g.staf["peran"])))


def _handled(pengaduan_id: int) -> dict:
    """The complaint, if it is this role's to handle; otherwise it does not exist for them."""
    item = store.get(get_db(), pengaduan_id)
    if item is None or g.staf["peran"] not in rules.handlers(item["jenis"]):
        abort(404)
    return item


def _page(item: dict, form, reroute, status: int = 200):
    db = get_db()
    return render_template(
        "admin/pengaduan_tanggapi.html", form=form, reroute=reroute, item=item,
        thread=store.thread(db, item["id"]), deliveries=notifikasi.for_pengaduan(db, item["id"]),
        page_errors=form_errors(form, reroute)), status


@bp.route("/pengaduan/<int:pengaduan_id>", methods=["GET", "POST"])
@role_required(ADMIN)
def tanggapi(pengaduan_id: int):
    db = get_db()
    item = _handled(pengaduan_id)
    form = ComplaintResponseForm()
    if form.validate_on_submit():
        try:
            service.respond(db, pengaduan_id, tindak_lanjut=form.tindak_lanjut.data,
                            status=form.status.data, peran=g.staf["peran"],
                            staf_id=g.staf["id"])
        except service.PengaduanDitolak as refusal:
            form.status.errors.append(labels.of(labels.PENGADUAN_REFUSAL, refusal.reason))
            return _page(store.get(db, pengaduan_id), form, RerouteForm(formdata=None), 409)
        catat(Peristiwa.PENGADUAN_TANGGAPI, objek="pengaduan", objek_id=pengaduan_id,
              rincian=form.status.data)
        flash(_("Tindak lanjut pengaduan disimpan. Pengadu dapat melihatnya dengan nomor "
                "pengaduan."), "success")
        return redirect(url_for("admin.pengaduan"))
    return _page(item, form, RerouteForm(formdata=None))


@bp.post("/pengaduan/<int:pengaduan_id>/alihkan")
@role_required(ADMIN)
def alihkan(pengaduan_id: int):
    db = get_db()
    item = _handled(pengaduan_id)
    reroute = RerouteForm()
    if reroute.validate_on_submit():
        try:
            service.reroute(db, pengaduan_id, jenis=reroute.jenis.data, peran=g.staf["peran"],
                            staf_id=g.staf["id"])
        except service.PengaduanDitolak as refusal:
            reroute.jenis.errors.append(labels.of(labels.PENGADUAN_REFUSAL, refusal.reason))
            return _page(item, ComplaintResponseForm(formdata=None), reroute, 409)
        catat(Peristiwa.PENGADUAN_ALIHKAN, objek="pengaduan", objek_id=pengaduan_id)
        flash(_("Pengaduan %(nomor)s diteruskan kepada Kepala Kantor dan tim integritas. "
                "Pengaduan ini tidak lagi tampil di daftar Anda.",
                nomor=nomor.grouped(item["nomor"])), "success")
        return redirect(url_for("admin.pengaduan"))
    return _page(item, ComplaintResponseForm(formdata=None), reroute)
