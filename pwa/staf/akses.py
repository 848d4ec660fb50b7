"""Which requests a staff member may see, and who is acting, for every /staf page of a request."""
from datetime import date

from flask import abort, g

from ..domain import sop
from ..domain.workflow import Pelaku, Peran, Status
from ..store import keberatan, permohonan as store
from ..web.db import get_db

# Everyone who works on requests; the satpam only registers walk-ins at the door.
VIEWERS = (Peran.ADMIN, Peran.VERIFIKATOR, Peran.KASUBAG_TU, Peran.KEPALA_KANTOR, Peran.PETUGAS)


def pelaku() -> Pelaku:
    return Pelaku(Peran(g.staf["peran"]), g.staf["id"])


def load(permohonan_id: int) -> dict:
    """The request, if this staff member may see it: a petugas only their own assignments
    (or a keberatan delivery given to them)."""
    db = get_db()
    p = store.get(db, permohonan_id)
    if p is None:
        abort(404)
    if (g.staf["peran"] == Peran.PETUGAS and p["petugas_id"] != g.staf["id"]
            and not keberatan.has_delivery_for(db, g.staf["id"], permohonan_id)):
        abort(403)
    return p


def day(value: str) -> date:
    return date.fromisoformat(value[:10])


def mark_late(items: list[dict], today: date) -> list[dict]:
    for r in items:
        status = Status(r.get("permohonan_status") or r["status"])
        r["terlambat"] = sop.is_overdue(day(r["batas_sop"]), today, status)
    return items
