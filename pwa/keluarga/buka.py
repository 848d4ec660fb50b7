"""/anggota/<kode>/buka: a member's PIN, checked on the server; wrong PINs are counted and,
every MENTARI_ANGGOTA_PIN_KUNCI_SETELAH in a row, stop PINs being tried for a while."""
from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..services import keluarga as family
from ..web import ownership
from ..web.caching import personal
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.redirects import local_path
from . import profil
from .blueprint import bp
from .forms import PinForm


@bp.route("/<kode>/buka", methods=["GET", "POST"])
def buka(kode: str):
    personal()
    member = ownership.member(kode)
    if member is None:
        abort(404)
    lanjut = (local_path(request.values.get("lanjut")) or url_for("permohonan.status"))
    if not member["pin_hash"]:
        profil.hand_over(ownership.current(), member)
        family.choose(get_db(), ownership.phone()["id"], member)
        response = redirect(lanjut)
        profil.apply(response, member)
        return response
    form = PinForm()
    code = 200
    if not form.validate_on_submit():
        pass
    elif not (form.pin.data or "").strip():
        # Nothing typed is no guess: not counted.
        form.pin.errors = [_("Masukkan 4 angka PIN.")]
        code = 422
    else:
        config = current_app.config
        before = ownership.current()
        result = family.unlock(get_db(), member, form.pin.data or "",
                               config["ANGGOTA_PIN_LOCK_AFTER"], config["ANGGOTA_PIN_LOCK_MINUTES"])
        if result == "buka":
            profil.hand_over(before, member)
            response = redirect(lanjut)
            profil.apply(response, member)
            return response
        if result == "terkunci":
            form.pin.errors = [_("PIN salah terlalu sering. Coba lagi %(menit)d menit lagi.",
                                 menit=config["ANGGOTA_PIN_LOCK_MINUTES"])]
            code = 429
        else:
            form.pin.errors = [_("PIN tidak cocok. Coba lagi.")]
            code = 422
    return render_template("keluarga/buka.html", form=form, member=member, lanjut=lanjut,
                           page_errors=form_errors(form)), code
