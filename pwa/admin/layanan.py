"""/staf/admin/ and /staf/admin/layanan: the service catalogue: which services the office offers,
in which modes, open or closed (dikunci), and their SOP time."""
import re
import unicodedata

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..domain.jejak import Peristiwa
from ..domain.workflow import Mode, Peran
from ..services import akun
from ..store import layanan as store, pengaduan, transaction
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp
from .forms import ServiceForm

ADMIN = Peran.ADMIN


@bp.get("/")
@role_required(ADMIN)
def index():
    db = get_db()
    return render_template("admin/layanan.html", services=store.list_services(db),
                           modes=list(Mode),
                           unanswered=pengaduan.count_unanswered(db),
                           locked=akun.locked_accounts(db))


@bp.route("/layanan/baru", methods=["GET", "POST"])
@role_required(ADMIN)
def layanan_baru():
    db = get_db()
    form = ServiceForm()
    if request.method == "GET":
        form.dibuka.data = "1"
        for _mode, sub in form.mode_fields():
            sub.ditawarkan.data = True
    if form.validate_on_submit():
        values = form.values()
        with transaction(db):
            layanan_id = store.add_service(
                db, slug=unique_slug(db, values["nama"]), nama=values["nama"],
                urutan=_next_order(db))
            store.update_service(db, layanan_id, **values)
            catat(Peristiwa.LAYANAN_TAMBAH, objek="layanan", objek_id=layanan_id)
        flash(_("Layanan %(nama)s ditambahkan. Sekarang tambahkan persyaratannya.",
                nama=values["nama"]), "success")
        return redirect(url_for(".layanan_ubah", layanan_id=layanan_id))
    return render_template("admin/layanan_form.html", form=form, service=None,
                           page_errors=form_errors(form))


@bp.route("/layanan/<int:layanan_id>", methods=["GET", "POST"])
@role_required(ADMIN)
def layanan_ubah(layanan_id: int):
    db = get_db()
    service = store.get_service(db, layanan_id) or abort(404)
    form = ServiceForm()
    if request.method == "GET":
        form.fill(service)
    if form.validate_on_submit():
        values = form.values()
        with transaction(db):
            store.update_service(db, layanan_id, **values)
            catat(Peristiwa.LAYANAN_UBAH, objek="layanan", objek_id=layanan_id,
                  rincian=_modes_detail(values))
        flash(_("Perubahan layanan %(nama)s disimpan.", nama=values["nama"]), "success")
        return redirect(url_for(".index"))
    return render_template("admin/layanan_form.html", form=form, service=service,
                           page_errors=form_errors(form))


def _modes_detail(values: dict) -> str:
    """Codes only: open or closed, and each mode offered and open or closed."""
    modes = ",".join(f"{mode}:{'buka' if is_open else 'tutup'}"
                     for mode, (offered, is_open, _reopen) in values["modes"].items() if offered)
    return f"{'buka' if values['dibuka'] else 'tutup'};{modes}"


def slugify(text: str) -> str:
    """"Legalisir ijazah / sekolah" → "legalisir-ijazah-sekolah": readable in the citizen's URL."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-")
    return slug or "layanan"


def unique_slug(db, nama: str) -> str:
    base = slugify(nama)
    slug, n = base, 2
    while store.get_service_by_slug(db, slug) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _next_order(db) -> int:
    return max((s["urutan"] for s in store.list_services(db)), default=-1) + 1
