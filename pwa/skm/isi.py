"""/skm/isi: the SKM for walk-ins and anyone served without an online request (the one linked
to a request is at /permohonan/<id>/survei)."""
import secrets

from flask import redirect, render_template, request, url_for

from ..store import layanan as catalogue, skm as store
from ..web import batas, outbox
from ..web.db import get_db
from ..web.errors import form_errors
from .blueprint import bp
from .forms import SKM_PERTANYAAN, SkmUmumForm


@bp.route("/skm/isi", methods=["GET", "POST"])
@outbox.accepts_outbox
@batas.per_client("skm", "5 per minute")
def isi():
    """No login, rate-limited. Kept on the phone by the service worker: filled without a
    signal, it is sent later from the phone's outbox with its idempotency key (kunci), and
    saved once however often sent."""
    db = get_db()
    kunci = outbox.idempotency_key()
    skm_form = SkmUmumForm(meta=outbox.form_meta(), services=catalogue.list_services(db))
    if kunci and store.by_key(db, kunci) is not None:
        saved = True
    elif skm_form.validate_on_submit():
        saved = store.save(db, skm_form.scores(), kunci=kunci,
                           layanan_id=skm_form.layanan_id(),
                           profil=skm_form.profile()) or kunci is not None
    else:
        saved = False
    if saved:
        if outbox.wants_json():
            return outbox.answer("terkirim", tautan=url_for("skm.terima_kasih"))
        return redirect(url_for("skm.terima_kasih"))
    if request.method == "POST" and outbox.wants_json():
        return outbox.answer("perlu_diperbaiki", tautan=url_for("skm.isi"),
                             kesalahan=[message for _f, message in form_errors(skm_form)])
    return render_template("skm/isi.html", form=skm_form, permohonan=None,
                           action=url_for("skm.isi"), skip=None, questions=SKM_PERTANYAAN,
                           kunci=secrets.token_urlsafe(18), page_errors=form_errors(skm_form))


@bp.get("/skm/terima-kasih")
def terima_kasih():
    return render_template("skm/terima_kasih.html")
