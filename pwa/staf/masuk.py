"""/staf/masuk, /staf/keluar and /staf/: signing in and out, and each role's landing page.

Checking the password, counting failures and locking the account are services/akun.py's; this
module parses the form and says what happened."""
from flask import g, redirect, render_template, request, url_for
from flask_babel import format_time
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ..services import akun
from ..web import batas, staf as staff
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import asal, oleh
from ..web.forms import Form
from ..web.redirects import local_path
from .blueprint import bp


class LoginForm(Form):
    username = StringField(_l("Nama pengguna"), validators=[
        DataRequired(_l("Masukkan nama pengguna.")),
        Length(max=64, message=_l("Nama pengguna paling banyak 64 huruf."))])
    password = PasswordField(_l("Kata sandi"), validators=[
        DataRequired(_l("Masukkan kata sandi.")),
        # Longer than any password allowed (domain/sandi.py): no hashing of megabytes.
        Length(max=1024, message=_l("Kata sandi terlalu panjang."))])


def _refusal(refused: akun.MasukDitolak) -> str:
    if refused.reason != "terkunci":
        # One message for both wrong name and wrong password: which one is right is not said.
        return _("Nama pengguna atau kata sandi salah.")
    if refused.until is None:
        return _("Akun ini dikunci karena terlalu banyak percobaan masuk yang gagal. Minta "
                 "admin kantor untuk membukanya.")
    return _("Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. "
             "Coba lagi setelah pukul %(jam)s, atau minta admin kantor untuk membukanya.",
             jam=format_time(refused.until, "HH.mm"))


@bp.route("/masuk", methods=["GET", "POST"])
@batas.per_client("masuk", "20 per minute")
def masuk():
    form = LoginForm()
    refusal = None
    if form.validate_on_submit():
        try:
            account, token = akun.sign_in(get_db(), form.username.data, form.password.data,
                                          asal())
        except akun.MasukDitolak as refused:
            refusal = _refusal(refused)
        else:
            staff.sign_in(token)
            if account["harus_ganti_sandi"]:
                return redirect(url_for("staf.sandi_pertama"))
            peran = akun.ordered_roles(account["peran_semua"])[0]
            return redirect(local_path(request.args.get("next")) or url_for(staff.HOME[peran]))
    page_errors = form_errors(form)
    if refusal:
        page_errors.append(("username", refusal))
    return render_template("staf/masuk.html", form=form, page_errors=page_errors)


@bp.post("/keluar")
def keluar():
    if g.get("staf") is not None:
        akun.sign_out(get_db(), g.staf, oleh())
    staff.sign_out()
    return redirect(url_for("permohonan.beranda"))


@bp.get("/")
def home():
    if g.get("staf") is None:
        return redirect(url_for("staf.masuk"))
    return redirect(staff.home())
