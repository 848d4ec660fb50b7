"""'Cek status' (seed 001) and a request's own page.

/status finds a request by its number and the phone's last four digits. A wrong number and
wrong digits get one and the same message, and lookups are rate-limited per client, so the
page cannot be used to learn which numbers exist. A phone that already sent or looked up
requests lists those first (web/ownership.py), so nobody has to recite twelve digits to see a
request made on the same phone; "?lain=1" asks for another number.
"""
from flask import (abort, current_app, flash, redirect, render_template, request,
                   send_from_directory, url_for)
from flask_babel import gettext as _

from ..domain import nomor, telepon
from ..store import permohonan as store
from ..web import batas, ownership
from ..web.caching import personal
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.ownership import owned_request
from . import halaman
from .blueprint import bp
from .forms import LookupForm


@bp.route("/status", methods=["GET", "POST"])
@batas.per_client("status", lambda config: config["STATUS_RATE_LIMIT"])
def status():
    if request.method == "GET" and not request.args.get("nomor") and "lain" not in request.args:
        held = ownership.owned_rows()
        mine = store.summaries(get_db(), [r["permohonan_id"] for r in held])
        whose = {r["permohonan_id"]: r for r in held}
        for p in mine:
            p.update(pemilik_nama=whose[p["id"]]["pemilik_nama"],
                     pengisi_nama=whose[p["id"]]["pengisi_nama"])
        members = ownership.members()
        if mine or members:
            personal()   # the requests made on this phone, with their names
            return render_template("permohonan/milik.html", mine=mine, members=members,
                                   kini=ownership.unlocked_member(),
                                   terkunci=ownership.locked())
    form = LookupForm(data={"nomor": request.args.get("nomor", "")})
    code = 200
    if form.validate_on_submit():
        number = nomor.normalise(form.nomor.data)
        limit = current_app.config["STATUS_NOMOR_LIMIT"]
        if batas.reached("status-nomor", number, limit):
            # Whoever asks, known number or not: the lock tells nothing about the number.
            form.nomor.errors = [_("Terlalu banyak percobaan untuk nomor ini. Coba lagi satu "
                                   "jam lagi, atau datang ke kantor dengan KTP Anda.")]
            code = 429
        else:
            p = store.by_nomor(get_db(), number)
            if p is not None and telepon.last_four(p["telepon"]) == form.telepon4.data:
                ownership.grant(p["id"])
                return redirect(url_for("permohonan.lihat", permohonan_id=p["id"]))
            batas.hit("status-nomor", number, limit)
            # One message for both cases, so the page never confirms that a number exists.
            form.nomor.errors = [_("Nomor registrasi atau 4 angka HP tidak cocok. Periksa "
                                   "lagi.")]
    return render_template("permohonan/status.html", form=form,
                           page_errors=form_errors(form)), code


@bp.get("/permohonan/<int:permohonan_id>")
@owned_request
def lihat(p: dict):
    return halaman.render(p)


@bp.get("/permohonan/<int:permohonan_id>/lupakan")
@owned_request
def lupakan_tanya(p: dict):
    """Asked first: a tap by mistake on a shared phone would hide her request from her, and
    bringing it back needs the registration number, which she may not have written down."""
    return render_template("permohonan/lupakan.html", p=p)


@bp.post("/permohonan/<int:permohonan_id>/lupakan")
@owned_request
def lupakan(p: dict):
    """A shared phone stops listing a request; the request itself goes on at the office."""
    ownership.forget(p["id"])
    flash(_("Permohonan %(nomor)s tidak lagi tercantum di HP ini. Permohonan tetap diproses "
            "kantor; Anda bisa melihatnya lagi dengan nomor registrasi.",
            nomor=nomor.grouped(p["nomor"])), "success")
    return redirect(url_for("permohonan.status"))


@bp.get("/permohonan/<int:permohonan_id>/dokumen/<int:dokumen_id>")
@owned_request
def dokumen(p: dict, dokumen_id: int):
    """A citizen sees their own documents only (proven by the lookup)."""
    d = store.get_document(get_db(), dokumen_id)
    if d is None or d["permohonan_id"] != p["id"] or not d["berkas"]:
        abort(404)
    response = send_from_directory(current_app.config["UPLOAD_FOLDER"], d["berkas"],
                                   mimetype=d["mime"], download_name=d["nama_asli"])
    response.headers["Cache-Control"] = "private, no-store"
    return response
