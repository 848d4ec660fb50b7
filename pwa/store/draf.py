"""Draf (unfinished requests): answers kept between the steps of the form and when going back."""
import json

from .db import row, rows, utcnow


def create(db, draft_id: str) -> None:
    now = utcnow()
    db["draf"].insert({"id": draft_id, "data": "{}", "dibuat_at": now, "diubah_at": now})


def load(db, draft_id: str) -> dict | None:
    r = row(db, "SELECT data FROM draf WHERE id = ?", (draft_id,))
    return json.loads(r["data"]) if r else None


def save(db, draft_id: str, data: dict) -> None:
    db.execute("UPDATE draf SET data = ?, diubah_at = ? WHERE id = ?",
               (json.dumps(data, ensure_ascii=False), utcnow(), draft_id))


def delete(db, draft_id: str) -> None:
    db.execute("DELETE FROM draf WHERE id = ?", (draft_id,))


def add_document(db, draft_id: str, persyaratan_id: int, *, nama_asli="", berkas=None,
                 mime=None, ukuran=0, diambil_petugas=False) -> int:
    """Replace this draft's document for the requirement (the earlier one is kept, inactive)."""
    db.execute("UPDATE dokumen SET aktif = 0 WHERE draf_id = ? AND persyaratan_id = ?",
               (draft_id, persyaratan_id))
    return db["dokumen"].insert({
        "draf_id": draft_id, "persyaratan_id": persyaratan_id, "nama_asli": nama_asli,
        "berkas": berkas, "mime": mime, "ukuran": ukuran,
        "diambil_petugas": int(diambil_petugas), "aktif": 1, "diunggah_at": utcnow(),
    }).last_pk


def remove_document(db, draft_id: str, persyaratan_id: int) -> None:
    db.execute("UPDATE dokumen SET aktif = 0 WHERE draf_id = ? AND persyaratan_id = ?",
               (draft_id, persyaratan_id))


def documents(db, draft_id: str) -> dict[int, dict]:
    """The active document per requirement id."""
    return {d["persyaratan_id"]: d for d in rows(
        db, "SELECT * FROM dokumen WHERE draf_id = ? AND aktif = 1", (draft_id,))}


def attach_documents(db, draft_id: str, permohonan_id: int) -> None:
    db.execute("UPDATE dokumen SET permohonan_id = ?, draf_id = NULL "
               "WHERE draf_id = ? AND aktif = 1", (permohonan_id, draft_id))
