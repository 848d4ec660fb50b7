"""Submitting a permohonan, and submitting it again after the office returned it.

Shared by the step-by-step form and the one-page form that can be filled without a signal, so
both create requests the same way: one number, one transaction, one notification, and at most
one request per idempotency key however often a phone retries.
"""
from ..domain import jadwal, sop
from ..domain.uploads import CheckedFile
from ..domain.workflow import Aksi, Pelaku, Peran, Status
from ..store import draf, files, permohonan as store, transaction
from ..store.db import utcnow
from . import aksi, kalender, nomor, notifikasi, pengiriman


def deadline(db, today, sop_hari: int, jadwal_text: str | None) -> tuple[str, bool]:
    """The SOP deadline of a request submitted today ('YYYY-MM-DD') and whether it counts from
    the day the citizen chose (a day after the SOP time: sop.deadline_with_booking)."""
    day, from_booking = sop.deadline_with_booking(today, sop_hari, kalender.of(db),
                                                  jadwal.booked_day(jadwal_text))
    return day.isoformat(), from_booking


def submit(db, data: dict, service: dict, draft_id: str | None, *, bahasa: str,
           today) -> int:
    """Create the request from the answers, with its documents and first history entry.

    When a request with the same idempotency key exists (a retry, or two retries racing),
    that request's id is returned and nothing new is created."""
    key = data.get("idempotency_key")
    if key:
        existing = store.by_idempotency_key(db, key)
        if existing is not None:
            return existing["id"]
    now = utcnow()
    batas, from_booking = deadline(db, today, service["sop_hari"], data.get("jadwal"))
    try:
        with transaction(db):
            permohonan_id = store.create(
                db, nomor=nomor.fresh(db), idempotency_key=key, layanan_id=service["id"],
                mode=data["mode"], status=Status.DIAJUKAN, data=data, bahasa=bahasa,
                batas_sop=batas, batas_dari_jadwal=from_booking, now=now)
            if draft_id:
                draf.attach_documents(db, draft_id, permohonan_id)
                draf.delete(db, draft_id)
            store.record_transition(db, permohonan_id, staf_id=None, peran=Peran.PEMOHON,
                                    aksi=Aksi.AJUKAN, dari=None, ke=Status.DIAJUKAN, now=now)
            notifikasi.tell(db, store.get(db, permohonan_id), Aksi.AJUKAN, now)
    except store.KunciDipakai:
        # Another retry with this key won the race between our check and our insert.
        return store.by_idempotency_key(db, key)["id"]
    pengiriman.wake()
    return permohonan_id


def replace_document(db, folder: str, permohonan_id: int, persyaratan_id: int,
                     checked: CheckedFile) -> None:
    """A returned document fixed by the citizen: kept at once, so a citizen whose second file
    fails re-sends only that one; the verifikator must check it again."""
    stored = files.save(folder, checked)
    with transaction(db):
        store.replace_document(db, permohonan_id, persyaratan_id,
                               nama_asli=checked.original_name, berkas=stored,
                               mime=checked.mime, ukuran=len(checked.data))
        store.clear_check(db, permohonan_id, persyaratan_id)


def resubmit(db, permohonan: dict, today, before_commit=None) -> Status:
    """Back to the office once every returned document is replaced; the SOP clock starts
    again (from the chosen day, when that is later), because the office could not act while
    documents were missing."""
    batas, from_booking = deadline(db, today, permohonan["sop_hari"], permohonan.get("jadwal"))
    return aksi.apply(db, permohonan, Aksi.AJUKAN_ULANG, Pelaku(Peran.PEMOHON),
                      before_commit=before_commit, updates={
                          "diajukan_at": utcnow(), "batas_sop": batas,
                          "batas_dari_jadwal": int(from_booking)})
