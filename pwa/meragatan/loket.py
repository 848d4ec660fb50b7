"""/staf/loket: a counter's staff choose their counter, call the next tiket (priority first) and
mark it served."""
from flask import abort, flash, g, redirect, render_template, session, url_for
from flask_babel import gettext as _

from ..bahasa import labels
from ..domain import tiket as rules
from ..services.clock import office_today
from ..store import tiket as store, transaction
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.staf import role_required
from .blueprint import bp
from .forms import LOKET, CounterForm

_SESSION_LOKET = "loket"


def _loket_name(code: str) -> str:
    return labels.of(LOKET, code)


@bp.route("/staf/loket", methods=["GET", "POST"])
@role_required("petugas", "verifikator", "admin")
def loket():
    db = get_db()
    form = CounterForm(loket=session.get(_SESSION_LOKET))
    if form.validate_on_submit():
        session[_SESSION_LOKET] = form.loket.data
        return redirect(url_for(".loket"))
    loket = session.get(_SESSION_LOKET)
    hari = office_today().isoformat()
    day = store.of_day(db, hari) if loket in LOKET else []
    mine = [t for t in day if t["loket"] == loket]
    return render_template(
        "meragatan/loket.html", form=form, loket=loket if loket in LOKET else None,
        loket_nama=_loket_name(loket) if loket in LOKET else None,
        serving=[t for t in mine if t["status"] == rules.CALLED],
        waiting=rules.ordered(mine),
        page_errors=form_errors(form),
    )


@bp.post("/staf/loket/panggil")
@role_required("petugas", "verifikator", "admin")
def panggil():
    loket = session.get(_SESSION_LOKET)
    if loket not in LOKET:
        flash(_("Pilih dulu loket tempat Anda melayani."), "warning")
        return redirect(url_for(".loket"))
    db = get_db()
    try:
        with transaction(db):  # BEGIN IMMEDIATE: two clicks cannot both call
            day = store.of_day(db, office_today().isoformat())
            rules.check_call(day, loket)
            tiket = rules.next_for_counter(day, loket)
            if tiket is not None:
                store.call(db, tiket["id"], g.staf["id"])
    except rules.TiketDitolak as refusal:
        flash(labels.of(labels.TIKET_REFUSAL, refusal.reason), "warning")
        return redirect(url_for(".loket"))
    if tiket is None:
        flash(_("Tidak ada yang menunggu di %(loket)s.", loket=_loket_name(loket)), "info")
    else:
        flash(_("Silakan layani %(nomor)s: %(nama)s.", nomor=tiket["nomor"], nama=tiket["nama"]),
              "success")
    return redirect(url_for(".loket"))


@bp.post("/staf/loket/<int:tiket_id>/selesai")
@role_required("petugas", "verifikator", "admin")
def selesai(tiket_id: int):
    db = get_db()
    tiket = store.get(db, tiket_id)
    if tiket is None:
        abort(404)
    try:
        rules.check_finish(tiket, session.get(_SESSION_LOKET))
        with transaction(db):
            if not store.finish(db, tiket_id):
                raise rules.TiketDitolak("already_served")
    except rules.TiketDitolak as refusal:
        flash(labels.of(labels.TIKET_REFUSAL, refusal.reason) % {"nomor": tiket["nomor"]},
              "info" if refusal.reason == "already_served" else "warning")
        return redirect(url_for(".loket"))
    flash(_("%(nomor)s sudah selesai dilayani.", nomor=tiket["nomor"]), "success")
    return redirect(url_for(".loket"))
