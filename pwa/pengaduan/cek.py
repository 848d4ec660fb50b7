"""/pengaduan/cek: following a complaint up with its number. The number is the only key, so
the page shows the complaint and the office's follow-up but never the name or contact given."""
from flask import current_app, render_template
from flask_babel import lazy_gettext as _l

from ..domain import nomor
from ..store import pengaduan as store
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.extensions import limiter
from .blueprint import bp
from .forms import LookupForm


def _rate_limit():
    return current_app.config["STATUS_RATE_LIMIT"]


@bp.route("/cek", methods=["GET", "POST"])
@limiter.limit(_rate_limit, methods=["POST"])
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
    return render_template("pengaduan/cek.html", form=form, pengaduan=found,
                           page_errors=form_errors(form))
