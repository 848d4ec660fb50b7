"""Who is signed in on the staff side, and the guard every staff route uses.

The one place roles are checked: `role_required` (and `may_open`, which reads the same roles
for the menu) compares the role the person acts in now, g.staf["peran"], with the view's roles.
A person may hold several roles (issue 17.1) but acts in one at a time, like the domain's
Pelaku: opening a page of another role they hold asks them to switch (/staf/peran), and a POST
in the wrong role is refused as for anybody else.

The cookie holds only a random token; the session itself is a database row (services/akun.py),
so signing out, a password change and deactivation end it everywhere (issue 16.7).
"""
import functools

from flask import abort, current_app, g, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l

from ..services import akun
from .db import get_db

SESSION_KEY = "staf_session"

# Where each role lands after signing in.
HOME = {
    "admin": "admin.index",
    "verifikator": "staf.antrean",
    "kasubag_tu": "staf.antrean",
    "kepala_kantor": "staf.antrean",
    "petugas": "staf.antrean",
    "satpam": "meragatan.satpam",
    "tim_integritas": "staf.integritas",
}

# The staff menu, in order: endpoint and label; each shown only to the roles its view allows.
STAFF_MENU = (
    ("staf.antrean", _l("Antrean permohonan")),
    ("staf.integritas", _l("Pengaduan integritas")),
    ("meragatan.satpam", _l("Pendaftaran Meragatan")),
    ("meragatan.loket", _l("Loket Meragatan")),
    ("admin.index", _l("Kelola layanan")),
    ("admin.laporan", _l("Laporan")),
)


def load_staff():
    g.staf = None
    if request.endpoint == "static":
        return
    token = session.get(SESSION_KEY)
    if token:
        g.staf = akun.session_for(get_db(), token)
        if g.staf is None:
            # Signed out elsewhere, idle too long, or deactivated: forget the dead token.
            session.pop(SESSION_KEY, None)


def sign_in(token: str) -> None:
    """A fresh cookie session for the new staff session (prevents session fixation); only the
    chosen language is kept."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    session[SESSION_KEY] = token


def sign_out() -> None:
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang


def must_change_password() -> bool:
    return bool(g.get("staf")) and bool(g.staf["harus_ganti_sandi"])


def role_required(*roles):
    """Anonymous users are sent to sign in; a first password is replaced before anything else;
    signed-in staff acting in another role get 403 (or, for a page of another role they hold,
    the question whether to act in it)."""
    def wrap(view):
        @functools.wraps(view)
        def inner(*args, **kwargs):
            if g.get("staf") is None:
                return redirect(url_for("staf.masuk", next=request.full_path))
            if must_change_password():
                return redirect(url_for("staf.sandi_pertama"))
            if g.staf["peran"] not in roles:
                held = [p for p in g.staf["peran_semua"] if p in roles]
                if held and request.method == "GET":
                    return redirect(url_for("staf.peran", ke=held[0], next=request.full_path))
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
    return (bool(g.get("staf")) and not must_change_password() and roles is not None
            and g.staf["peran"] in roles)


def home() -> str:
    if must_change_password():
        return url_for("staf.sandi_pertama")
    return url_for(HOME[g.staf["peran"]])


def init_app(app):
    app.before_request(load_staff)

    @app.context_processor
    def staff_menu():
        def menu():
            return [(endpoint, label) for endpoint, label in STAFF_MENU if may_open(endpoint)]
        return {"staff_menu": menu, "may_open": may_open}
