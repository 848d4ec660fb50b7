"""Keberatan, every step of it: filed by the citizen, decided by the Kepala Kantor (or the
admin), delivered by the officer. Each is asked of domain/keberatan.py, written with its
notification in one transaction, then sent. Raises KeberatanDitolak when a step is not allowed.
"""
from datetime import date

from ..domain import keberatan as rules
from ..domain.keberatan import KeberatanDitolak
from ..domain.workflow import Pelaku, Status
from ..store import keberatan as store, permohonan as permohonan_store, transaction
from ..store import staf as staf_store
from . import notifikasi, pengiriman

__all__ = ["check_may_file", "file", "decide", "deliver", "KeberatanDitolak"]


def check_may_file(db, permohonan: dict, today: date) -> None:
    """Raises KeberatanDitolak unless the citizen may object now."""
    rules.check_file(date.fromisoformat(permohonan["batas_sop"]), today,
                     Status(permohonan["status"]),
                     store.open_for(db, permohonan["id"]) is not None)


def file(db, permohonan: dict, alasan: str, today: date) -> int:
    check_may_file(db, permohonan, today)
    try:
        with transaction(db):
            keberatan_id = store.create(db, permohonan["id"], alasan)
            notifikasi.tell_keberatan(db, permohonan, rules.DIAJUKAN)
    except store.SudahTerbuka:
        # Another tap (another tab, a retry) filed it a moment ago: one keberatan, one SMS.
        raise KeberatanDitolak("already_open") from None
    pengiriman.wake()
    return keberatan_id


def decide(db, keberatan: dict, pelaku: Pelaku, *, uphold: bool, catatan: str = "",
           petugas_id: int | None = None) -> str:
    """Returns the new state (diterima or ditolak)."""
    new = rules.decision(pelaku.peran, keberatan["status"], uphold, petugas_id)
    permohonan = permohonan_store.get(db, keberatan["permohonan_id"])
    with transaction(db):
        if not store.decide(db, keberatan["id"], status=new, pemeriksa_id=pelaku.staf_id,
                            catatan=catatan, petugas_id=petugas_id):
            raise KeberatanDitolak("decided")
        deliverer = staf_store.get_staff(db, petugas_id) if petugas_id else None
        notifikasi.tell_keberatan(db, permohonan, new,
                                  deliverer["nama"] if deliverer else None)
    pengiriman.wake()
    return new


def deliver(db, keberatan: dict, pelaku: Pelaku) -> None:
    """The officer took the finished document to the citizen's home."""
    permohonan = permohonan_store.get(db, keberatan["permohonan_id"])
    new = rules.check_delivery(pelaku.peran, pelaku.staf_id, keberatan["status"],
                               keberatan["petugas_id"], permohonan["status"])
    with transaction(db):
        if not store.mark_delivered(db, keberatan["id"], pelaku.staf_id):
            raise KeberatanDitolak("delivered")
        notifikasi.tell_keberatan(db, permohonan, new)
    pengiriman.wake()
