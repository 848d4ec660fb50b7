"""/staf/masuk, /staf/keluar and /staf/: signing in and out, and each role's landing page."""
from flask import g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired

from ..store import staf as store
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.extensions import limiter
from ..web.redirects import local_path
from ..web.staf import HOME, home as home_url
from ..web.forms import Form
from .blueprint import bp


class LoginForm(Form):
    username = StringField(_l("Nama pengguna"),
                           validators=[DataRequired(_l("Masukkan nama pengguna."))])
    password = PasswordField(_l("Kata sandi"),
                             validators=[DataRequired(_l("Masukkan kata sandi."))])


@bp.route("/masuk", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def masuk():
    form = LoginForm()
    failed = False
    if form.validate_on_submit():
        user = store.by_username(get_db(), form.username.data.strip())
        if user and check_password_hash(user["password_hash"], form.password.data):
            session.clear()  # a fresh session on sign-in prevents session fixation
            session["staf_id"] = user["id"]
            return redirect(local_path(request.args.get("next")) or url_for(HOME[user["peran"]]))
        failed = True
    page_errors = form_errors(form)
    if failed:
        # One message for both wrong name and wrong password: which one is right is not said.
        page_errors.append(("username", _("Nama pengguna atau kata sandi salah.")))
    return render_template("staf/masuk.html", form=form, page_errors=page_errors)


@bp.post("/keluar")
def keluar():
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    return redirect(url_for("permohonan.beranda"))


@bp.get("/")
def home():
    if g.get("staf") is None:
        return redirect(url_for("staf.masuk"))
    return redirect(home_url())
