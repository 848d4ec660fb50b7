"""/staf/admin/notifikasi: what the office's SMS/WhatsApp messages became, as GOV.UK Notify shows
its senders: waiting (with the next attempt), sent, or failed after the last retry; a failed
one can be sent again. Phone numbers are shown masked."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..domain import pengiriman as rules
from ..domain.telepon import masked
from ..domain.workflow import Peran
from ..services import pengiriman
from ..store import notifikasi as store
from ..web.db import get_db
from ..web.staf import role_required
from .blueprint import bp
from .forms import RetireForm


@bp.get("/notifikasi")
@role_required(Peran.ADMIN)
def notifikasi():
    status = request.args.get("status")
    status = status if status in rules.STATES else None
    db = get_db()
    items = [dict(item, tujuan=masked(item["tujuan"])) for item in store.outbox(db, status)]
    return render_template("admin/notifikasi.html", items=items, chosen=status,
                           counts=store.counts(db), states=rules.STATES, form=RetireForm())


@bp.post("/notifikasi/<int:kiriman_id>/ulang")
@role_required(Peran.ADMIN)
def notifikasi_ulang(kiriman_id: int):
    if not RetireForm().validate_on_submit():
        abort(400)
    if store.retry(get_db(), kiriman_id):
        pengiriman.wake()
        flash(_("Pesan dikirim ulang."), "success")
    else:
        flash(_("Pesan ini tidak gagal, jadi tidak perlu dikirim ulang."), "warning")
    return redirect(url_for("admin.notifikasi", status=rules.GAGAL))
