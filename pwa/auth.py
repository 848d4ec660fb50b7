"""Staff sign-in and the `role_required` guard every staff route uses."""
import functools

from flask import (Blueprint, abort, current_app, g, redirect, render_template, request,
                   session, url_for)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.security import check_password_hash
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired

from .database import get_db
from .extensions import limiter
from .store import staff as staff_store

bp = Blueprint("auth", __name__, url_prefix="/staf")

# Where each role lands after signing in.
HOME = {
    "admin": "admin.index",
    "verifikator": "staff.queue",
    "kasubag_tu": "staff.queue",
    "kepala_kantor": "staff.queue",
    "petugas": "staff.queue",
    "satpam": "meragatan.satpam",
}


class LoginForm(FlaskForm):
    username = StringField(_l("Nama pengguna"),
                           validators=[DataRequired(_l("Masukkan nama pengguna."))])
    password = PasswordField(_l("Kata sandi"),
                             validators=[DataRequired(_l("Masukkan kata sandi."))])


@bp.before_app_request
def load_staff():
    staf_id = session.get("staf_id")
    g.staf = staff_store.get_staff(get_db(), staf_id) if staf_id else None
    if g.staf is not None and not g.staf["aktif"]:
        g.staf = None


def role_required(*roles):
    """Anonymous users are sent to sign in; signed-in staff with another role get 403."""
    def wrap(view):
        @functools.wraps(view)
        def inner(*args, **kwargs):
            if g.get("staf") is None:
                return redirect(url_for("auth.login", next=request.full_path))
            if g.staf["peran"] not in roles:
                abort(403)
            return view(*args, **kwargs)
        inner.roles = frozenset(str(r) for r in roles)  # read by may_open (the header menu)
        return inner
    return wrap


def may_open(endpoint: str) -> bool:
    """Whether the signed-in staff member may open this endpoint: the menu shows only links
    that work for them, decided by the same roles the view enforces."""
    view = current_app.view_functions.get(endpoint)
    roles = getattr(view, "roles", None)
    return bool(g.get("staf")) and roles is not None and g.staf["peran"] in roles


# The staff menu, in order: endpoint and label; each shown only to the roles its view allows.
STAFF_MENU = (
    ("staff.queue", _l("Antrean permohonan")),
    ("meragatan.satpam", _l("Pendaftaran Meragatan")),
    ("meragatan.counter", _l("Loket Meragatan")),
    ("admin.index", _l("Kelola layanan")),
    ("admin.reports", _l("Laporan")),
)


@bp.app_context_processor
def staff_menu():
    def menu():
        return [(endpoint, label) for endpoint, label in STAFF_MENU if may_open(endpoint)]
    return {"staff_menu": menu}


def _safe_next(target: str | None) -> str | None:
    # Only local paths: an open redirect after login would help phishing.
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return None


@bp.route("/masuk", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def login():
    form = LoginForm()
    failed = False
    if form.validate_on_submit():
        user = staff_store.by_username(get_db(), form.username.data.strip())
        if user and check_password_hash(user["password_hash"], form.password.data):
            session.clear()  # a fresh session on sign-in prevents session fixation
            session["staf_id"] = user["id"]
            return redirect(_safe_next(request.args.get("next")) or url_for(HOME[user["peran"]]))
        failed = True
    page_errors = [(fld.id, fld.errors[0]) for fld in (form.username, form.password) if fld.errors]
    if failed:
        # One message for both wrong name and wrong password: which one is right is not said.
        page_errors.append(("username", _("Nama pengguna atau kata sandi salah.")))
    return render_template("auth/login.html", form=form, page_errors=page_errors)


@bp.post("/keluar")
def logout():
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    return redirect(url_for("citizen.home"))


@bp.get("/")
def home():
    if g.get("staf") is None:
        return redirect(url_for("auth.login"))
    return redirect(url_for(HOME[g.staf["peran"]]))
