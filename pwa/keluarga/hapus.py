"""/anggota/<kode>/hapus: asked first (GOV.UK's confirmation page), then the member is gone
from the phone: their row, which requests were theirs here, their cookies; the page that
follows (static/js/anggota-hapus.js) clears what the browser kept of them: pages in Cache
Storage and answers waiting in the outbox. Their requests go on at the office."""
from flask import flash, redirect, render_template, session, url_for
from flask_babel import gettext as _

from ..services import keluarga as family
from ..store import keluarga as family_store
from ..web.caching import personal
from ..web.db import get_db
from . import profil
from .blueprint import bp

@bp.get("/<kode>/hapus")
def hapus_tanya(kode: str):
    personal()
    member, refused = profil.managed(kode, url_for("keluarga.hapus_tanya", kode=kode))
    if refused:
        return refused
    return render_template("keluarga/hapus.html", member=member,
                           jumlah=family_store.count_held(get_db(), member["id"]))


@bp.post("/<kode>/hapus")
def hapus(kode: str):
    personal()
    member, refused = profil.managed(kode, url_for("keluarga.hapus_tanya", kode=kode))
    if refused:
        return refused
    profil.forget_draft(member)
    family.remove(get_db(), member)
    session[profil.DIHAPUS] = member["kode"]
    flash(_("%(nama)s sudah dihapus dari HP ini. Permohonannya tetap diproses kantor.",
            nama=member["nama"]), "success")
    response = redirect(url_for("keluarga.anggota"))
    if profil.current_is(member):
        profil.apply(response, None)
    return response
