"""/pengaduan/cek: following a complaint up with its number. The number is the only key, so
the page shows the complaint and the office's follow-up but never the name or contact given."""
from flask import render_template
from flask_babel import lazy_gettext as _l

from ..domain import nomor
from ..store import pengaduan as store
from ..web.db import get_db
from ..web.errors import form_errors
from ..web import batas
from .blueprint import bp
from .forms import LookupForm


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
    return render_template("pengaduan/cek.html", form=form, pengaduan=found,
                           page_errors=form_errors(form))
