"""Who is in a consultation's room: the citizen who proved the request on this phone, the
assigned officer, the Kepala Kantor reading. Anybody else gets 404: the room, and whether the
request is a consultation at all, does not exist for a stranger."""
from flask import abort, g

from ..domain import konsultasi as rules
from ..store import permohonan as store
from ..web import ownership
from ..web.caching import personal
from ..web.db import get_db


def room(permohonan_id: int) -> tuple[dict, str]:
    """The request and who this person is in its room (domain/konsultasi.py PEMOHON, ...)."""
    p = store.get(get_db(), permohonan_id)
    if p is None or not rules.has_room(p):
        abort(404)
    staf = g.get("staf")
    siapa = rules.participant(staf["peran"] if staf else None, staf["id"] if staf else None,
                              p["petugas_id"], ownership.owns(permohonan_id))
    if siapa is None:
        abort(404)
    personal()   # a conversation about someone's family: never kept on the phone
    return p, siapa


def person_key(p: dict, siapa: str) -> str:
    """Whom the rate limit counts: the staff member, or the citizen's request."""
    if siapa == rules.PEMOHON:
        return f"pemohon:{p['id']}"
    return f"staf:{g.staf['id']}"
