"""/staf/loket: a counter's staff choose their counter, call the next tiket (priority first) and
mark it served."""
from flask import abort, flash, g, redirect, render_template, session, url_for
from flask_babel import gettext as _

from ..bahasa import labels
from ..domain import tiket as rules
from ..domain.jejak import Peristiwa
from ..services.clock import office_today
from ..store import tiket as store, transaction
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
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
    with transaction(db):
        waiting = store.of_day(db, office_today().isoformat(), (rules.WAITING,))
        tiket = rules.next_for_counter(waiting, loket)
        if tiket is not None:
            store.call(db, tiket["id"], g.staf["id"])
            catat(Peristiwa.TIKET_PANGGIL, objek="tiket", objek_id=tiket["id"], rincian=loket)
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
    with transaction(db):
        finished = store.finish(db, tiket_id)
        if finished:
            catat(Peristiwa.TIKET_SELESAI, objek="tiket", objek_id=tiket_id)
    if finished:
        flash(_("%(nomor)s sudah selesai dilayani.", nomor=tiket["nomor"]), "success")
    else:
        flash(_("%(nomor)s sudah ditandai selesai sebelumnya.", nomor=tiket["nomor"]), "info")
    return redirect(url_for(".loket"))
