"""/staf/dokumen/<id> and /staf/laporan/<id>/lampiran: a citizen's document and an officer's
report attachment, to the staff who may see the request, never kept in a shared computer's
cache."""
from flask import abort, current_app, send_from_directory
from flask_babel import gettext

from ..domain.jejak import Peristiwa
from ..store import permohonan as store
from ..web.db import get_db
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp
from .akses import VIEWERS, load


def _send_upload(berkas: str, mime: str, name: str):
    response = send_from_directory(current_app.config["UPLOAD_FOLDER"], berkas, mimetype=mime,
                                   as_attachment=False, download_name=name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    # Identity documents must not stay in a shared computer's cache.
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/dokumen/<int:dokumen_id>")
@role_required(*VIEWERS)
def dokumen(dokumen_id: int):
    d = store.get_document(get_db(), dokumen_id)
    if d is None or d["permohonan_id"] is None or not d["berkas"]:
        abort(404)
    load(d["permohonan_id"])
    catat(Peristiwa.DOKUMEN_BUKA, objek="dokumen", objek_id=dokumen_id,
          rincian=f"permohonan:{d['permohonan_id']}")
    return _send_upload(d["berkas"], d["mime"], d["nama_asli"] or d["berkas"])


@bp.get("/laporan/<int:permohonan_id>/lampiran")
@role_required(*VIEWERS)
def lampiran_laporan(permohonan_id: int):
    p = load(permohonan_id)
    report = store.report(get_db(), p["id"])
    if report is None or not report["lampiran"]:
        abort(404)
    catat(Peristiwa.LAMPIRAN_BUKA, objek="permohonan", objek_id=p["id"])
    return _send_upload(report["lampiran"], report["lampiran_mime"],
                        gettext("lampiran-laporan-%(nomor)s", nomor=p["nomor"]) + "."
                        + report["lampiran"].rsplit(".", 1)[-1])
