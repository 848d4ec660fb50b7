"""/layanan: the published service standards, every service on one page with the office's
service charter (maklumat); /layanan/<slug>: one service's full standard (issue 17.8, seed 003):
requirements, procedure, SOP time, cost, what the citizen receives, where to complain, and what
the citizen is offered when the office misses the standard."""
from flask import abort, render_template

from ..domain import standar
from ..store import layanan as store, maklumat
from ..web.db import get_db
from .blueprint import bp
from .tutup import closed_reason


@bp.get("/layanan")
def layanan():
    db = get_db()
    items = []
    for s in store.list_services(db):
        s["persyaratan"] = store.requirements(db, s["id"])
        s["closed"] = closed_reason(bool(s["dibuka"]), s["dibuka_kembali"])
        items.append(s)
    return render_template("permohonan/layanan.html", services=items,
                           maklumat=maklumat.current(db))


@bp.get("/layanan/<slug>")
def layanan_standar(slug: str):
    db = get_db()
    service = store.get_service_by_slug(db, slug) or abort(404)
    before, per_mode, after = standar.prosedur_ringkas(service["modes"])
    return render_template(
        "permohonan/standar.html", s=service, maklumat=maklumat.current(db),
        closed=closed_reason(bool(service["dibuka"]), service["dibuka_kembali"]),
        sebelum=before, per_cara=per_mode, sesudah=after,
        biaya=standar.BIAYA, lapor=standar.LAPOR_NASIONAL)
