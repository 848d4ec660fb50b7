"""/pengaduan: filing a complaint, and the page that gives its number."""
from flask import redirect, render_template, request, session, url_for
from flask_babel import get_locale

from ..domain import pengaduan as rules, standar
from ..services import pengaduan
from ..web.caching import personal
from ..web.db import get_db
from ..web.errors import form_errors
from ..web import batas
from .blueprint import bp
from .forms import PengaduanForm

_SESSION_KEY = "pengaduan_terkirim"
# An anonymous report leaves no trace on the phone it was sent from: its number is shown once,
# then forgotten (a shared phone's next user must not find a whistle-blower's report).
_ONCE_KEY = "pengaduan_sekali"


@bp.route("", methods=["GET", "POST"])
@batas.per_client("pengaduan", lambda config: config["STATUS_RATE_LIMIT"])
def kirim():
    form = PengaduanForm()
    if request.method == "GET" and request.args.get("jenis") in rules.JENIS:
        # Linked from a service's standard ("asked to pay? report it") with the kind chosen.
        form.jenis.data = request.args["jenis"]
    if form.validate_on_submit():
        anonymous = bool(form.anonim.data)
        number = pengaduan.file(get_db(), form.uraian.data, jenis=form.jenis.data,
                                nama="" if anonymous else (form.nama.data or ""),
                                kontak="" if anonymous else (form.kontak.data or ""),
                                bahasa=str(get_locale() or "id"))
        # Shown on the next page (post/redirect/get: a reload does not file it twice).
        session[_SESSION_KEY] = number
        session[_ONCE_KEY] = anonymous
        return redirect(url_for("pengaduan.terkirim"))
    return render_template("pengaduan/kirim.html", form=form, lapor=standar.LAPOR_NASIONAL,
                           page_errors=form_errors(form))


@bp.get("/terkirim")
def terkirim():
    number = session.get(_SESSION_KEY)
    if not number:
        return redirect(url_for("pengaduan.kirim"))
    personal()   # a complaint's number is its only key: not left on a shared phone
    once = bool(session.pop(_ONCE_KEY, False))
    if once:
        session.pop(_SESSION_KEY, None)
    return render_template("pengaduan/terkirim.html", number=number, once=once)
