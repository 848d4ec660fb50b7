"""SKM answers (skm_jawaban): nine scores per respondent, the service received and the respondent's
profile, linked to a request when there is one."""
import sqlite3

from ..domain.skm import ELEMENT_KEYS as KEYS, PROFIL
from .db import row, rows, utcnow


def save(db, scores: dict, *, permohonan_id: int | None = None, tiket_id: int | None = None,
         now: str | None = None, kunci: str | None = None, layanan_id: int | None = None,
         profil: dict | None = None) -> bool:
    """False when this request (or ticket) already has its answers: one survey per service;
    or when answers with this idempotency key were saved already (a phone's retry).
    `layanan_id`: the service received; `profil`: the respondent's answers about themselves
    (domain/skm.PROFIL's questions, each a code or None)."""
    record = {k: int(scores[k]) for k in KEYS}
    record.update(permohonan_id=permohonan_id, tiket_id=tiket_id, at=now or utcnow(),
                  kunci=kunci, layanan_id=layanan_id)
    record.update({q: (profil or {}).get(q) or None for q in PROFIL})
    try:
        db["skm_jawaban"].insert(record)
    except sqlite3.IntegrityError as e:
        # A double submit hits the UNIQUE constraint; anything else (a foreign key) is a bug.
        if "UNIQUE" not in str(e):
            raise
        return False
    return True


def by_key(db, kunci: str) -> dict | None:
    return row(db, "SELECT * FROM skm_jawaban WHERE kunci = ?", (kunci,))


def for_request(db, permohonan_id: int) -> dict | None:
    return row(db, "SELECT * FROM skm_jawaban WHERE permohonan_id = ?", (permohonan_id,))


def answers_between(db, start: str, end: str) -> list[dict]:
    """Answers given at or after `start` and before `end` (UTC ISO timestamps, as stored): the
    nine scores, the service received and the respondent profile; never who answered."""
    # Written out whole (the columns are domain/skm.ELEMENT_KEYS and PROFIL).
    return rows(db, """SELECT u1, u2, u3, u4, u5, u6, u7, u8, u9, layanan_id,
                              umur, jenis_kelamin, pendidikan, pekerjaan
                       FROM skm_jawaban WHERE at >= ? AND at < ? ORDER BY id""", (start, end))
