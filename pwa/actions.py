"""Application services: carry out a workflow action with its audit entry and notification.

Blueprints call these instead of touching the store directly for state changes, so every
transition is decided by `workflow.decide`, saved in one transaction and told to the citizen.
"""
from flask import current_app

from . import notices, senders
from .store import messages, requests, transaction
from .store.db import utcnow
from .workflow import Aksi, Mode, Pelaku, Status, TransisiDitolak, decide


def apply(db, permohonan: dict, aksi: Aksi, pelaku: Pelaku, note: str = "",
          updates: dict | None = None, before_commit=None) -> Status:
    """Decide and record the action; raises workflow.TransisiDitolak when not allowed.

    before_commit(db) runs inside the same transaction (for checks, reports, documents)."""
    new = decide(aksi, pelaku, Status(permohonan["status"]), Mode(permohonan["mode"]),
                 permohonan.get("petugas_id"), note)
    now = utcnow()
    try:
        with transaction(db):
            if before_commit is not None:
                before_commit(db)
            requests.record_transition(
                db, permohonan["id"], staf_id=pelaku.staf_id, peran=pelaku.peran, aksi=aksi,
                dari=permohonan["status"], ke=new, catatan=note.strip(), now=now,
                updates=dict(updates or {},
                             **({"selesai_at": now} if new is Status.SELESAI else {})),
            )
            notify(db, permohonan, new, now)
    except requests.StatusBerubah:
        # Someone else acted first (another tab, another office): refuse, change nothing.
        raise TransisiDitolak("wrong_state") from None
    send_pending(db)
    return new


def notify(db, permohonan: dict, status: str, now: str | None = None) -> None:
    messages.add(db, permohonan["id"], notices.status_message(permohonan, status),
                 permohonan.get("telepon"), now)


def send_pending(db) -> None:
    senders.flush(db, senders.from_config(current_app.config))
