"""A workflow step (aksi) on a permohonan: decided by the domain, saved with its history entry
and its notification in one transaction, then sent.

Views call `apply` instead of touching the store for state changes, so every transition is
decided by `workflow.decide`, and told to the citizen when it asks something of them or changes
what happens to them (domain/pesan.py).
"""
from ..domain.workflow import Mode, Pelaku, Status, TransisiDitolak, decide
from ..store import permohonan as store, transaction
from ..store.db import utcnow
from . import notifikasi, pengiriman


def apply(db, permohonan: dict, aksi, pelaku: Pelaku, note: str = "",
          updates: dict | None = None, before_commit=None, asal: str = "") -> Status:
    """Decide and record the step; raises workflow.TransisiDitolak when not allowed.

    before_commit(db) runs inside the same transaction (for checks, reports, documents);
    `asal` is where a staff member acted from, for the audit trail."""
    new = decide(aksi, pelaku, Status(permohonan["status"]), Mode(permohonan["mode"]),
                 permohonan.get("petugas_id"), note)
    now = utcnow()
    try:
        with transaction(db):
            if before_commit is not None:
                before_commit(db)
            store.record_transition(
                db, permohonan["id"], staf_id=pelaku.staf_id, peran=pelaku.peran, aksi=aksi,
                dari=permohonan["status"], ke=new, catatan=note.strip(), now=now, asal=asal,
                updates=dict(updates or {},
                             **({"selesai_at": now} if new is Status.SELESAI else {})),
            )
            # Read back: the message names the officer and schedule this step may have set.
            notifikasi.tell(db, store.get(db, permohonan["id"]), aksi, now)
    except store.StatusBerubah:
        # Someone else acted first (another tab, another office): refuse, change nothing.
        raise TransisiDitolak("wrong_state") from None
    pengiriman.wake()
    return new


def unchanged(permohonan: dict):
    """A before_commit check for writes beside a transition (saved checks, a report's file):
    refuse if someone else moved the request meanwhile."""
    def check(db):
        if store.get(db, permohonan["id"])["status"] != permohonan["status"]:
            raise TransisiDitolak("wrong_state")
    return check
