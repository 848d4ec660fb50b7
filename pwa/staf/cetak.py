"""/staf/permohonan/<id>/cetak: the verifikator's printed check sheet, one A4 page (print rules
in mentari.css)."""
from flask import render_template

from ..services import konsultasi
from ..services.clock import office_now
from ..web.db import get_db
from ..web.staf import role_required
from . import persyaratan
from .blueprint import bp
from .akses import VIEWERS, load


@bp.get("/permohonan/<int:permohonan_id>/cetak")
@role_required(*VIEWERS)
def cetak(permohonan_id: int):
    p = load(permohonan_id)
    return render_template("staf/cetak.html", p=p, reqs=persyaratan.of_request(get_db(), p),
                           percakapan=konsultasi.record(get_db(), p),
                           printed_at=office_now())
