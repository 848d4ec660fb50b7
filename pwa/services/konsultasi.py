"""Konsultasi Online: sending a message in a consultation's room and ending the room, each one
transaction that re-reads the room's state inside it (domain/konsultasi.py decides).

A message carries the phone's idempotency key: the outbox may send it again after a dropped
answer, and it is stored once (the same rule as a request sent from the offline form)."""
from datetime import datetime

from flask import current_app

from ..domain import konsultasi as rules
from ..store import konsultasi as store, permohonan as permohonan_store, transaction
from .clock import office_now

KonsultasiDitolak = rules.KonsultasiDitolak


def buka_menit() -> int:
    return int(current_app.config["KONSULTASI_BUKA_MENIT"])


def now_naive() -> datetime:
    """The office's time without its zone, as the booked time is stored."""
    return office_now().replace(tzinfo=None)


def room_state(db, p: dict) -> str:
    return rules.state(p, now_naive(), store.ended(db, p["id"]) is not None, buka_menit())


def send(db, permohonan_id: int, siapa: str, text: str, *, staf_id: int | None = None,
         kunci: str | None = None) -> int:
    """Store one text message; returns its id. A key already used returns that message's id
    and stores nothing. Raises KonsultasiDitolak with the reason otherwise refused."""
    if kunci:
        existing = store.by_kunci(db, kunci)
        if existing is not None:
            if existing["permohonan_id"] == permohonan_id:
                return existing["id"]
            kunci = None   # another room's key (never made by our pages): store it keyless
    text = rules.clean(text)
    problem = rules.message_problem(text)
    if problem:
        raise KonsultasiDitolak(problem)
    try:
        with transaction(db):
            p = permohonan_store.get(db, permohonan_id)
            problem = rules.write_problem(siapa, room_state(db, p))
            if problem:
                raise KonsultasiDitolak(problem)
            return store.add(db, permohonan_id, oleh=siapa, isi=text, jenis=rules.TEKS,
                             staf_id=staf_id if siapa == rules.PETUGAS else None, kunci=kunci)
    except store.KunciDipakai:
        return store.by_kunci(db, kunci)["id"]


def end(db, permohonan_id: int, siapa: str, *, staf_id: int | None) -> None:
    with transaction(db):
        p = permohonan_store.get(db, permohonan_id)
        problem = rules.end_problem(siapa, room_state(db, p))
        if problem:
            raise KonsultasiDitolak(problem)
        store.end(db, permohonan_id, staf_id=staf_id)


def record(db, p: dict) -> list[dict] | None:
    """The room's messages for the request's pages and print, or None when it has no room."""
    return store.messages(db, p["id"]) if rules.has_room(p) else None


def report_start(db, p: dict, labels: dict, max_chars: int) -> str:
    """The officer's report note as it starts: the conversation, shortened to fit."""
    return rules.summary(record(db, p) or [], labels, max_chars)
