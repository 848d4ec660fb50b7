"""/anggota: "Siapa yang memakai HP ini?", and choosing one. A member without a PIN is chosen
with one tap; one with a PIN is asked for it (buka.py). Choosing anybody locks whoever was
using the phone."""
from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from ..domain import keluarga as rules
from ..services import keluarga as family
from ..store import keluarga as family_store
from ..web import ownership
from ..web.caching import personal
from ..web.db import get_db
from ..web.redirects import local_path
from . import profil
from .blueprint import bp


@bp.get("")
def anggota():
    personal()   # the family's names
    members = ownership.members()
    db = get_db()
    counts = {m["id"]: family_store.count_held(db, m["id"]) for m in members}
    return render_template("keluarga/anggota.html", members=members, counts=counts,
                           kini=ownership.current(), terkunci=ownership.locked(),
                           maks=rules.MAKS_ANGGOTA,
                           lanjut=local_path(request.args.get("lanjut")) or "",
                           # hapus.py's: the script clears what the browser kept of them
                           dihapus=session.pop(profil.DIHAPUS, None))


@bp.post("/pilih")
def pilih():
    kode = request.form.get("kode", "")
    kode = "" if kode == "-" else kode   # "Orang lain (tanpa profil)"
    lanjut = local_path(request.form.get("lanjut")) or url_for("permohonan.status")
    phone = ownership.phone()
    member = ownership.member(kode) if kode else None
    if kode and member is None:
        # Removed meanwhile (on another tab, or while this page waited offline).
        flash(_("Anggota itu sudah tidak ada di HP ini."), "warning")
        return redirect(url_for("keluarga.anggota"))
    if member is not None and member["pin_hash"]:
        return redirect(url_for("keluarga.buka", kode=member["kode"], lanjut=lanjut))
    if phone is not None:
        profil.hand_over(ownership.current(), member)
        family.choose(get_db(), phone["id"], member)
    response = redirect(lanjut if member else url_for("permohonan.beranda"))
    profil.apply(response, member)
    return response
