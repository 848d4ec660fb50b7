"""/layanan: the published service standards: what each service needs, how long it takes,
how to get it."""
from flask import render_template

from ..store import layanan as store
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
    return render_template("permohonan/layanan.html", services=items)
