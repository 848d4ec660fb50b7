"""Application service: turn a citizen's answers into a request (permohonan).

Shared by the step-by-step form (citizen) and the one-page form that can be filled without a
signal (luring), so both create requests the same way: one number, one transaction, one
notification, and at most one request per idempotency key however often a phone retries.
"""
import sqlite3
from datetime import datetime, timezone

from flask_babel import get_locale

from . import actions, nomor, sop
from .database import get_db
from .store import drafts, requests, transaction
from .store.db import utcnow
from .workflow import Aksi, Peran, Status


def mode_available(service: dict, mode: str) -> bool:
    m = service["modes"].get(mode)
    return bool(service["dibuka"] and m and m["dibuka"])


def submit(data: dict, service: dict, draft_id: str | None) -> int:
    """Create the request from the answers, in one transaction with its documents and audit.

    When a request with the same idempotency key exists (a retry, or two retries racing),
    that request's id is returned and nothing new is created."""
    db = get_db()
    key = data.get("idempotency_key")
    if key:
        existing = requests.by_idempotency_key(db, key)
        if existing is not None:
            return existing["id"]
    now = utcnow()
    batas = sop.deadline(datetime.now(timezone.utc), service["sop_hari"]).isoformat()
    try:
        with transaction(db):
            number = nomor.generate()
            while requests.nomor_exists(db, number):
                number = nomor.generate()
            permohonan_id = requests.create(
                db, nomor=number, idempotency_key=key,
                layanan_id=service["id"], mode=data["mode"], status=Status.DIAJUKAN, data=data,
                bahasa=str(get_locale() or "id"), batas_sop=batas, now=now)
            if draft_id:
                drafts.attach_documents(db, draft_id, permohonan_id)
                drafts.delete(db, draft_id)
            requests.record_transition(db, permohonan_id, staf_id=None, peran=Peran.PEMOHON,
                                       aksi=Aksi.AJUKAN, dari=None, ke=Status.DIAJUKAN,
                                       now=now)
            actions.notify(db, requests.get(db, permohonan_id), Status.DIAJUKAN, now)
    except sqlite3.IntegrityError:
        # Another retry with this key won the race between our check and our insert.
        existing = requests.by_idempotency_key(db, key) if key else None
        if existing is None:
            raise
        return existing["id"]
    actions.send_pending(db)
    return permohonan_id
