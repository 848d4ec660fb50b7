"""/pengaduan: filing a complaint, and the page that gives its number."""
from flask import redirect, render_template, session, url_for

from ..services import pengaduan
from ..web.caching import personal
from ..web.db import get_db
from ..web.errors import form_errors
from ..web import batas
from .blueprint import bp
from .forms import PengaduanForm

_SESSION_KEY = "pengaduan_terkirim"


@bp.route("", methods=["GET", "POST"])
@batas.per_client("pengaduan", lambda config: config["STATUS_RATE_LIMIT"])
def kirim():
    form = PengaduanForm()
    if form.validate_on_submit():
        anonymous = bool(form.anonim.data)
        number = pengaduan.file(get_db(), form.uraian.data,
                                nama="" if anonymous else (form.nama.data or ""),
                                kontak="" if anonymous else (form.kontak.data or ""))
        # Shown on the next page (post/redirect/get: a reload does not file it twice).
        session[_SESSION_KEY] = number
        return redirect(url_for("pengaduan.terkirim"))
    return render_template("pengaduan/kirim.html", form=form, page_errors=form_errors(form))


@bp.get("/terkirim")
def terkirim():
    number = session.get(_SESSION_KEY)
    if not number:
        return redirect(url_for("pengaduan.kirim"))
    personal()   # a complaint's number is its only key: not left on a shared phone
    return render_template("pengaduan/terkirim.html", number=number)
