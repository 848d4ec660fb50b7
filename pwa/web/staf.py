"""Who is signed in on the staff side, and the guard every staff route uses."""
import functools

from flask import abort, current_app, g, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l

from ..store import staf as store
from .db import get_db

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
    staf_id = session.get("staf_id")
    g.staf = store.get_staff(get_db(), staf_id) if staf_id else None
    if g.staf is not None and not g.staf["aktif"]:
        g.staf = None


def role_required(*roles):
    """Anonymous users are sent to sign in; signed-in staff with another role get 403."""
    def wrap(view):
        @functools.wraps(view)
        def inner(*args, **kwargs):
            if g.get("staf") is None:
                return redirect(url_for("staf.masuk", next=request.full_path))
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


def home() -> str:
    return url_for(HOME[g.staf["peran"]])


def init_app(app):
    app.before_request(load_staff)

    @app.context_processor
    def staff_menu():
        def menu():
            return [(endpoint, label) for endpoint, label in STAFF_MENU if may_open(endpoint)]
        return {"staff_menu": menu}
