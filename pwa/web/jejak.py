"""The audit trail from a web request: who is signed in, in which role, from which address."""
from flask import g, request

from ..services import jejak as service
from ..services.jejak import Oleh
from .db import get_db


def asal() -> str:
    """Where the request came from: the client's address as the server saw it (behind a proxy,
    the proxy must pass it on; see README, deployment)."""
    return request.remote_addr or ""


def oleh() -> Oleh:
    staf = g.get("staf")
    return Oleh(staf["id"], staf["peran"], asal()) if staf else Oleh(asal=asal())


def catat(peristiwa: str, *, objek: str | None = None, objek_id: int | None = None,
          rincian: str = "") -> None:
    """One entry by the signed-in staff member; inside a transaction, part of it."""
    service.catat(get_db(), peristiwa, oleh(), objek=objek, objek_id=objek_id, rincian=rincian)
