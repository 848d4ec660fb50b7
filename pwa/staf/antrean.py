"""/staf/antrean: each role's queue, the requests waiting for them, late ones marked; the
Kepala Kantor's keberatan to decide and the officer's deliveries beside it. A petugas works
from a phone in the field: their tasks are cards in the order of their day (issue 17.6)."""
from flask import g, render_template
from flask_babel import lazy_gettext as _l

from ..domain import tugas
from ..domain.keberatan import DECIDERS, may_deliver
from ..domain.workflow import QUEUE_STATES, SERVED_STATES, Peran
from ..services.clock import office_today
from ..store import keberatan, permohonan as store
from ..web.db import get_db
from ..web.staf import role_required
from .blueprint import bp
from .akses import VIEWERS, mark_late

QUEUE_CAPTION = {
    Peran.VERIFIKATOR: _l("Permohonan menunggu pemeriksaan"),
    Peran.KASUBAG_TU: _l("Permohonan menunggu paraf"),
    Peran.KEPALA_KANTOR: _l("Permohonan menunggu persetujuan"),
    Peran.PETUGAS: _l("Tugas layanan saya"),
    Peran.ADMIN: _l("Semua permohonan yang belum selesai"),
}
REPORT_CAPTION = {
    Peran.KASUBAG_TU: _l("Laporan petugas menunggu paraf"),
    Peran.KEPALA_KANTOR: _l("Laporan petugas menunggu diterima"),
}


@bp.get("/antrean")
@role_required(*VIEWERS)
def antrean():
    db = get_db()
    peran = Peran(g.staf["peran"])
    if peran is Peran.ADMIN:
        items = sorted(store.all_open(db), key=lambda r: (r["diajukan_at"], r["id"]))
    else:
        items = store.queue(db, QUEUE_STATES[peran],
                            petugas_id=g.staf["id"] if peran is Peran.PETUGAS else None)
    today = office_today()
    mark_late(items, today)
    sections = [(QUEUE_CAPTION[peran],
                 [r for r in items if peran is Peran.ADMIN or r["status"] not in SERVED_STATES])]
    if peran in REPORT_CAPTION:
        sections.append((REPORT_CAPTION[peran],
                         [r for r in items if r["status"] in SERVED_STATES]))
    deciding = peran in DECIDERS
    petugas = peran is Peran.PETUGAS
    return render_template(
        "staf/antrean.html", peran=peran, sections=[] if petugas else sections, today=today,
        tugas=_field_tasks(items, today) if petugas else None,
        terlambat=sum(1 for r in items if r["terlambat"]),
        keberatan_baru=keberatan.pending_decisions(db) if deciding else None,
        keberatan_diantar=keberatan.upheld(db, delivered=False) if deciding else None,
        pengantaran=(keberatan.delivery_tasks(db, g.staf["id"])
                     if peran is Peran.PETUGAS else None),
        keberatan_siap_antar=may_deliver,
    )


def _field_tasks(items: list[dict], today) -> list[tuple[str, list[dict]]]:
    """The officer's tasks grouped by day, each with when, where and the next step."""
    for t in items:
        t["waktu"], t["berjam"] = tugas.moment(t), tugas.timed(t)
        t["langkah"] = tugas.next_step(t, g.staf["id"])
        t["tempat"] = tugas.place(t)
        t["peta"] = tugas.geo_link(t["tempat"], t["kecamatan"]) if t["tempat"] else None
    return tugas.grouped(items, today)
