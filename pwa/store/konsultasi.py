"""Konsultasi Online: the messages of a consultation's room and whether the officer ended it."""
import sqlite3

from .db import row, rows, utcnow


class KunciDipakai(Exception):
    """A message with this idempotency key exists already (the phone's retry won the race)."""


def add(db, permohonan_id: int, *, oleh: str, isi: str, jenis: str = "teks",
        staf_id: int | None = None, kunci: str | None = None, berkas: str | None = None,
        detik: float | None = None, transkrip: str | None = None,
        now: str | None = None) -> int:
    try:
        return db["konsultasi_pesan"].insert({
            "permohonan_id": permohonan_id, "oleh": oleh, "staf_id": staf_id, "jenis": jenis,
            "isi": isi, "kunci": kunci, "berkas": berkas, "detik": detik,
            "transkrip": transkrip, "at": now or utcnow(),
        }).last_pk
    except sqlite3.IntegrityError as e:
        if kunci and "kunci" in str(e):
            raise KunciDipakai(kunci) from None
        raise


def by_kunci(db, kunci: str) -> dict | None:
    return row(db, "SELECT * FROM konsultasi_pesan WHERE kunci = ?", (kunci,))


def messages(db, permohonan_id: int, since: int = 0) -> list[dict]:
    """The room's messages after message `since`, oldest first, with the officer's name."""
    return rows(db, """SELECT k.id, k.permohonan_id, k.oleh, k.jenis, k.isi, k.at, k.berkas,
                              k.detik, k.transkrip, s.nama AS staf_nama
                       FROM konsultasi_pesan k LEFT JOIN staf s ON s.id = k.staf_id
                       WHERE k.permohonan_id = ? AND k.id > ? ORDER BY k.id""",
                (permohonan_id, since))


def ended(db, permohonan_id: int) -> dict | None:
    return row(db, "SELECT * FROM konsultasi WHERE permohonan_id = ?", (permohonan_id,))


def end(db, permohonan_id: int, *, staf_id: int | None, now: str | None = None) -> None:
    db.execute("INSERT OR IGNORE INTO konsultasi (permohonan_id, selesai_at, staf_id) "
               "VALUES (?, ?, ?)", (permohonan_id, now or utcnow(), staf_id))


def get(db, pesan_id: int) -> dict | None:
    return row(db, "SELECT * FROM konsultasi_pesan WHERE id = ?", (pesan_id,))


def set_transcript(db, pesan_id: int, text: str, transkrip: str) -> None:
    db.execute("UPDATE konsultasi_pesan SET isi = ?, transkrip = ? WHERE id = ?",
               (text, transkrip, pesan_id))


def transcripts(db, permohonan_id: int) -> list[dict]:
    """The room's voice notes whose transcript is written (or could not be)."""
    return rows(db, """SELECT id, isi, transkrip FROM konsultasi_pesan
                       WHERE permohonan_id = ? AND jenis = 'suara' AND transkrip <> 'menunggu'
                       ORDER BY id""", (permohonan_id,))


def add_signal(db, permohonan_id: int, *, dari: str, jenis: str, data: str,
               now: str | None = None) -> int:
    return db["konsultasi_sinyal"].insert({"permohonan_id": permohonan_id, "dari": dari,
                                           "jenis": jenis, "data": data,
                                           "at": now or utcnow()}).last_pk


def signals_for(db, permohonan_id: int, penerima: str, since: int) -> list[dict]:
    """The call's signals the other side wrote after signal `since`, oldest first."""
    return rows(db, """SELECT id, dari, jenis, data, at FROM konsultasi_sinyal
                       WHERE permohonan_id = ? AND dari <> ? AND id > ? ORDER BY id""",
                (permohonan_id, penerima, since))


def last_signal_id(db, permohonan_id: int) -> int:
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM konsultasi_sinyal WHERE permohonan_id = ?",
                      (permohonan_id,)).fetchone()[0]
