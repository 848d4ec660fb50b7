"""/staf/sandi ("Ganti kata sandi", every staff member) and /staf/sandi-pertama (replacing the
first password the admin handed over, before anything else). Either ends every other session
of the account; this browser stays signed in with a new one."""
from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import DataRequired, Length, ValidationError

from ..bahasa import labels
from ..domain.workflow import STAFF_ROLES
from ..services import akun
from ..web import staf as staff
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import oleh
from ..web.staf import role_required
from .blueprint import bp

_TOO_LONG = Length(max=1024, message=_l("Kata sandi terlalu panjang."))


def _new_fields():
    return (PasswordField(_l("Kata sandi baru"), validators=[
                DataRequired(_l("Masukkan kata sandi baru.")), _TOO_LONG]),
            PasswordField(_l("Ketik lagi kata sandi baru"), validators=[
                DataRequired(_l("Ketik lagi kata sandi baru.")), _TOO_LONG]))


def _same(form, field):
    if form.sandi_baru.data and field.data != form.sandi_baru.data:
        raise ValidationError(_l("Kedua kata sandi baru tidak sama. Ketik lagi."))


class NewPasswordForm(FlaskForm):
    sandi_baru, sandi_ulang = _new_fields()
    validate_sandi_ulang = _same


class ChangePasswordForm(FlaskForm):
    sandi_sekarang = PasswordField(_l("Kata sandi sekarang"), validators=[
        DataRequired(_l("Masukkan kata sandi Anda sekarang.")), _TOO_LONG])
    sandi_baru, sandi_ulang = _new_fields()  # made after sandi_sekarang: shown after it
    validate_sandi_ulang = _same


def _change(form, current):
    """Try the change; the form's field gets the refusal. True when done."""
    try:
        token = akun.change_password(get_db(), g.staf, current, form.sandi_baru.data, oleh())
    except akun.SandiSekarangSalah:
        form.sandi_sekarang.errors = [_("Kata sandi sekarang salah.")]
        return False
    except akun.SandiDitolak as refused:
        form.sandi_baru.errors = [labels.of(labels.SANDI, refused.reason)]
        return False
    staff.sign_in(token)
    g.staf = dict(g.staf, harus_ganti_sandi=0)
    return True


@bp.route("/sandi", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def sandi():
    form = ChangePasswordForm()
    if form.validate_on_submit() and _change(form, form.sandi_sekarang.data):
        flash(_("Kata sandi Anda sudah diganti. Di perangkat lain Anda perlu masuk lagi."),
              "success")
        return redirect(staff.home())
    return render_template("staf/sandi.html", form=form, page_errors=form_errors(form))


@bp.route("/sandi-pertama", methods=["GET", "POST"])
def sandi_pertama():
    """Only for someone signed in with a first password; everyone else goes where they belong."""
    if g.get("staf") is None:
        return redirect(url_for("staf.masuk"))
    if not staff.must_change_password():
        if request.method == "POST":
            abort(403)
        return redirect(staff.home())
    form = NewPasswordForm()
    if form.validate_on_submit() and _change(form, None):
        flash(_("Kata sandi Anda sudah disimpan. Gunakan kata sandi ini setiap kali masuk."),
              "success")
        return redirect(staff.home())
    return render_template("staf/sandi_pertama.html", form=form,
                           page_errors=form_errors(form))
