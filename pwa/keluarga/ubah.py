"""/anggota/<kode>/ubah: a member's name and PIN (set, changed or removed). A member with a
PIN is changed only by themselves, unlocked (domain/keluarga.py may_manage)."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ..domain import keluarga as rules
from ..services import keluarga as family
from ..web import ownership
from ..web.caching import personal
from ..web.db import get_db
from ..web.errors import form_errors
from . import profil
from .blueprint import bp
from .forms import MemberForm


@bp.route("/<kode>/ubah", methods=["GET", "POST"])
def ubah(kode: str):
    personal()
    member, refused = profil.managed(kode, url_for("keluarga.ubah", kode=kode))
    if refused:
        return refused
    form = MemberForm(data={"nama": member["nama"]})
    code = 200
    if form.validate_on_submit():
        try:
            family.change(get_db(), member, form.nama.data, form.pin.data, form.hapus_pin.data)
        except rules.AnggotaDitolak as problem:
            form.refuse(problem.reason)
            code = 422
        else:
            flash(_("Perubahan untuk %(nama)s tersimpan.", nama=form.nama.data.strip()),
                  "success")
            return redirect(url_for("keluarga.anggota"))
    return render_template("keluarga/ubah.html", form=form, member=member,
                           page_errors=form_errors(form)), code
