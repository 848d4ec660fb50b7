"""/pengaduan/cek: following a complaint up with its number. The number is the only key, so
the page shows the complaint, its kind and its thread of follow-ups, and lets whoever holds the
number add information while it is handled (how an anonymous reporter answers the office's
question), but never the name or contact given. Shown only as the answer to the posted number:
nothing is remembered on the phone (a whistle-blower's shared phone keeps no trace)."""
from flask_babel import lazy_gettext as _l

from ..domain import nomor
from ..store import pengaduan as store
from ..web.db import get_db
from ..web import batas
from .blueprint import bp
from .forms import LookupForm
from .halaman import page


@bp.route("/cek", methods=["GET", "POST"])
@batas.per_client("pengaduan-cek", lambda config: config["STATUS_RATE_LIMIT"])
def cek():
    form = LookupForm()
    found = None
    if form.validate_on_submit():
        found = store.by_nomor(get_db(), nomor.normalise(form.nomor.data))
        if found is None:
            form.nomor.errors.append(_l("Nomor pengaduan tidak ditemukan. Periksa lagi "
                                        "nomornya."))
        else:
            form.nomor.data = ""  # the box below the result is for checking another number
    return page(form, found)
