"""/staf/keberatan/<id>: the Kepala Kantor (or the admin) decides a keberatan; /diantar: the
officer records that the finished document was taken to the citizen's home."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from ..bahasa import labels
from ..domain import keberatan as rules
from ..domain.jejak import Peristiwa
from ..domain.nomor import grouped
from ..domain.workflow import Peran
from ..services import keberatan as service
from ..services.clock import office_today
from ..store import keberatan as store, staf as staf_store
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from . import forms
from .blueprint import bp
from .akses import mark_late, pelaku


def _found(keberatan_id: int) -> dict:
    k = store.get(get_db(), keberatan_id)
    if k is None:
        abort(404)
    return k


@bp.route("/keberatan/<int:keberatan_id>", methods=["GET", "POST"])
@role_required(*rules.DECIDERS)
def keberatan(keberatan_id: int):
    db = get_db()
    k = _found(keberatan_id)
    form = forms.KeberatanDecisionForm()
    form.set_officers(staf_store.by_role(db, Peran.PETUGAS))
    if k["status"] == rules.DIAJUKAN and form.validate_on_submit():
        uphold = form.keputusan.data == "terima"
        try:
            new = service.decide(db, k, pelaku(), uphold=uphold,
                                 catatan=form.catatan.data or "",
                                 petugas_id=int(form.petugas.data) if uphold else None)
        except service.KeberatanDitolak as refusal:
            flash(labels.of(labels.KEBERATAN_REFUSAL, refusal.reason), "warning")
        else:
            catat(Peristiwa.KEBERATAN_PUTUS, objek="keberatan", objek_id=k["id"],
                  rincian=f"permohonan:{k['permohonan_id']};{new}")
            flash(gettext("Keputusan disimpan: %(keputusan)s. Pemohon sudah diberi kabar.",
                          keputusan=labels.of(labels.KEBERATAN, new)), "success")
        return redirect(url_for("staf.antrean"))
    if request.method == "POST" and k["status"] != rules.DIAJUKAN:
        flash(labels.of(labels.KEBERATAN_REFUSAL, "decided"), "warning")
        return redirect(url_for("staf.keberatan", keberatan_id=k["id"]))
    mark_late([k], office_today())
    errors = form_errors(form)
    return render_template("staf/keberatan.html", k=k, form=form, page_errors=errors), (
        400 if errors else 200)


@bp.post("/keberatan/<int:keberatan_id>/diantar")
@role_required(Peran.PETUGAS)
def keberatan_diantar(keberatan_id: int):
    db = get_db()
    k = _found(keberatan_id)
    if k["petugas_id"] != pelaku().staf_id:
        abort(403)
    if not forms.ButtonForm().validate_on_submit():
        abort(400)
    try:
        service.deliver(db, k, pelaku())
    except service.KeberatanDitolak as refusal:
        flash(labels.of(labels.KEBERATAN_REFUSAL, refusal.reason), "warning")
    else:
        catat(Peristiwa.KEBERATAN_ANTAR, objek="keberatan", objek_id=k["id"],
              rincian=f"permohonan:{k['permohonan_id']}")
        flash(gettext("Tercatat: hasil layanan permohonan %(nomor)s sudah diantar.",
                      nomor=grouped(k["nomor"])), "success")
    return redirect(url_for("staf.antrean"))
