"""/staf/loket: a counter's staff choose their counter, call the next tiket (priority first) and
mark it served.

A ticket joined to an online Layanan Langsung request (issue 17.7) serves that request. When the
person at the counter is the officer the Kepala Kantor assigned and the request is approved,
finishing the ticket is the service's report (Aksi.LAPOR, through services/aksi.apply and the
workflow's rules, in the same transaction as the ticket): the request moves on to the Kasubag
TU's paraf and the Kepala Kantor's receipt, which stay their steps. Anyone else finishes only
the ticket, and the counter page says whose step the request waits for, with a link to the
request page for the steps their own role may take (a verifikator checks documents there).
"""
from flask import abort, flash, g, redirect, render_template, session, url_for
from flask_babel import gettext as _

from ..bahasa import labels
from ..domain import tiket as rules
from ..domain.nomor import grouped
from ..domain.workflow import (Aksi, Mode, Pelaku, Peran, Status, TransisiDitolak,
                               allowed_actions, waiting_for)
from ..domain.jejak import Peristiwa
from ..services import aksi as aksi_service
from ..services.clock import office_today
from ..store import permohonan as permohonan_store, tiket as store, transaction
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp
from .forms import LOKET, CounterForm, LayananForm

_SESSION_LOKET = "loket"
COUNTER_ROLES = ("petugas", "verifikator", "admin")


def _loket_name(code: str) -> str:
    return labels.of(LOKET, code)


def _pelaku() -> Pelaku:
    return Pelaku(Peran(g.staf["peran"]), g.staf["id"])


def _may_open(p: dict) -> bool:
    """Whether the request page would open for this person (staf/akses.load: a petugas only
    their own assignments)."""
    return g.staf["peran"] != Peran.PETUGAS or p["petugas_id"] == g.staf["id"]


def linked(tiket: dict) -> dict | None:
    """The online request a called ticket serves, with what this person can do for it:
    `lapor` (finishing the ticket reports the service), `langkah` (their other steps, taken on
    the request page), `menunggu` (the role whose step it waits for)."""
    if not tiket.get("permohonan_id"):
        return None
    p = permohonan_store.get(get_db(), tiket["permohonan_id"])
    if p is None:
        return None
    steps = allowed_actions(_pelaku(), Status(p["status"]), Mode(p["mode"]), p["petugas_id"])
    return {"p": p, "lapor": Aksi.LAPOR in steps,
            "langkah": [a for a in steps if a is not Aksi.LAPOR],
            "menunggu": waiting_for(Status(p["status"])), "buka": _may_open(p)}


def _page(form=None, layanan_forms=None, status: int = 200):
    db = get_db()
    loket = session.get(_SESSION_LOKET)
    hari = office_today().isoformat()
    day = store.of_day(db, hari) if loket in LOKET else []
    mine = [t for t in day if t["loket"] == loket]
    serving = [t for t in mine if t["status"] == rules.CALLED]
    for t in serving:
        t["permohonan"] = linked(t)
    layanan_forms = dict(layanan_forms or {})
    for t in serving:
        if t["permohonan"] and t["permohonan"]["lapor"]:
            layanan_forms.setdefault(t["id"], LayananForm(prefix=f"layanan{t['id']}",
                                                          formdata=None))
    return render_template(
        "meragatan/loket.html", form=form or CounterForm(loket=loket),
        loket=loket if loket in LOKET else None,
        loket_nama=_loket_name(loket) if loket in LOKET else None,
        serving=serving, waiting=rules.ordered(mine), layanan_forms=layanan_forms,
        page_errors=form_errors(form, *layanan_forms.values()),
    ), status


@bp.route("/staf/loket", methods=["GET", "POST"])
@role_required(*COUNTER_ROLES)
def loket():
    form = CounterForm(loket=session.get(_SESSION_LOKET))
    if form.validate_on_submit():
        session[_SESSION_LOKET] = form.loket.data
        return redirect(url_for(".loket"))
    return _page(form)


@bp.post("/staf/loket/panggil")
@role_required(*COUNTER_ROLES)
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
                catat(Peristiwa.TIKET_PANGGIL, objek="tiket", objek_id=tiket["id"],
                      rincian=loket)
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
@role_required(*COUNTER_ROLES)
def selesai(tiket_id: int):
    db = get_db()
    tiket = store.get(db, tiket_id)
    if tiket is None:
        abort(404)
    try:
        rules.check_finish(tiket, session.get(_SESSION_LOKET))
        joined = linked(tiket)
        if joined is not None and joined["lapor"]:
            return _serve_and_report(tiket, joined["p"])
        with transaction(db):
            if not store.finish(db, tiket_id):
                raise rules.TiketDitolak("already_served")
            catat(Peristiwa.TIKET_SELESAI, objek="tiket", objek_id=tiket_id)
    except rules.TiketDitolak as refusal:
        flash(labels.of(labels.TIKET_REFUSAL, refusal.reason) % {"nomor": tiket["nomor"]},
              "info" if refusal.reason == "already_served" else "warning")
        return redirect(url_for(".loket"))
    flash(_("%(nomor)s sudah selesai dilayani.", nomor=tiket["nomor"]), "success")
    if joined is not None:
        p = joined["p"]
        flash(_("Permohonan %(nomor)s tidak berubah: %(status)s.", nomor=grouped(p["nomor"]),
                status=labels.of(labels.STATUS, p["status"])), "info")
    return redirect(url_for(".loket"))


def _serve_and_report(tiket: dict, p: dict):
    """The assigned officer finishes the ticket of the request they serve: the result is the
    request's report, and ticket and request move together or not at all."""
    form = LayananForm(prefix=f"layanan{tiket['id']}")
    if not form.validate():
        return _page(layanan_forms={tiket["id"]: form}, status=400)
    db = get_db()

    def report_and_finish(db):
        aksi_service.unchanged(p)(db)
        permohonan_store.save_report(db, p["id"], petugas_id=g.staf["id"],
                                     hasil=form.hasil.data, catatan=form.catatan.data or "",
                                     lampiran=None, lampiran_mime=None)
        if not store.finish(db, tiket["id"]):
            raise rules.TiketDitolak("already_served")
        catat(Peristiwa.TIKET_SELESAI, objek="tiket", objek_id=tiket["id"])

    try:
        new = aksi_service.apply(db, p, Aksi.LAPOR, _pelaku(), form.catatan.data or "",
                                 before_commit=report_and_finish)
    except TransisiDitolak as refusal:
        flash(labels.of(labels.REFUSAL, refusal.reason), "warning")
        return redirect(url_for(".loket"))
    flash(_("%(nomor)s sudah selesai dilayani.", nomor=tiket["nomor"]), "success")
    flash(_("Laporan permohonan %(nomor)s terkirim. Status sekarang: %(status)s.",
            nomor=grouped(p["nomor"]), status=labels.of(labels.STATUS, new)), "success")
    return redirect(url_for(".loket"))
