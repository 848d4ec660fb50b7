"""Draf (unfinished requests): answers kept between the steps of the form and when going back."""
import json

from .db import row, rows, utcnow


def create(db, draft_id: str) -> None:
    now = utcnow()
    db["draf"].insert({"id": draft_id, "data": "{}", "dibuat_at": now, "diubah_at": now})


def load(db, draft_id: str, changed_after: str = "") -> dict | None:
    """The answers, unless the draft is gone or was last changed before `changed_after`
    (expired: the sweep deletes it soon)."""
    r = row(db, "SELECT data FROM draf WHERE id = ? AND diubah_at >= ?",
            (draft_id, changed_after))
    return json.loads(r["data"]) if r else None


def save(db, draft_id: str, data: dict) -> None:
    db.execute("UPDATE draf SET data = ?, diubah_at = ? WHERE id = ?",
               (json.dumps(data, ensure_ascii=False), utcnow(), draft_id))


def delete(db, draft_id: str) -> None:
    db.execute("DELETE FROM draf WHERE id = ?", (draft_id,))


def add_document(db, draft_id: str, persyaratan_id: int, *, nama_asli="", berkas=None,
                 mime=None, ukuran=0, diambil_petugas=False) -> list[str]:
    """This draft's document for the requirement, replacing any earlier one; returns the
    stored files that are no longer needed (the caller deletes them from disk)."""
    replaced = remove_document(db, draft_id, persyaratan_id)
    db["dokumen"].insert({
        "draf_id": draft_id, "persyaratan_id": persyaratan_id, "nama_asli": nama_asli,
        "berkas": berkas, "mime": mime, "ukuran": ukuran,
        "diambil_petugas": int(diambil_petugas), "aktif": 1, "diunggah_at": utcnow(),
    })
    db.execute("UPDATE draf SET diubah_at = ? WHERE id = ?", (utcnow(), draft_id))
    return replaced


def remove_document(db, draft_id: str, persyaratan_id: int) -> list[str]:
    """Drop this draft's document for the requirement; returns its stored files."""
    gone = [r["berkas"] for r in rows(
        db, "SELECT berkas FROM dokumen WHERE draf_id = ? AND persyaratan_id = ?",
        (draft_id, persyaratan_id)) if r["berkas"]]
    db.execute("DELETE FROM dokumen WHERE draf_id = ? AND persyaratan_id = ?",
               (draft_id, persyaratan_id))
    return gone


def bytes_of(db, draft_id: str) -> int:
    return db.execute("SELECT COALESCE(SUM(ukuran), 0) FROM dokumen WHERE draf_id = ?",
                      (draft_id,)).fetchone()[0]


def bytes_of_all(db) -> int:
    """Every unsubmitted draft's uploads together."""
    return db.execute("SELECT COALESCE(SUM(ukuran), 0) FROM dokumen "
                      "WHERE draf_id IS NOT NULL").fetchone()[0]


def expire(db, changed_before: str) -> tuple[int, list[str]]:
    """Delete the drafts last changed before that moment, and documents left without a draft;
    returns (drafts deleted, their stored files for the caller to delete from disk)."""
    old = [r["id"] for r in rows(db, "SELECT id FROM draf WHERE diubah_at < ?",
                                 (changed_before,))]
    gone_files = [r["berkas"] for r in rows(db, """
        SELECT berkas FROM dokumen WHERE berkas IS NOT NULL AND draf_id IS NOT NULL
        AND (draf_id IN (SELECT id FROM draf WHERE diubah_at < ?)
             OR draf_id NOT IN (SELECT id FROM draf))""", (changed_before,))]
    db.execute("""DELETE FROM dokumen WHERE draf_id IS NOT NULL
                  AND (draf_id IN (SELECT id FROM draf WHERE diubah_at < ?)
                       OR draf_id NOT IN (SELECT id FROM draf))""", (changed_before,))
    db.execute("DELETE FROM draf WHERE diubah_at < ?", (changed_before,))
    return len(old), gone_files


def documents(db, draft_id: str) -> dict[int, dict]:
    """The active document per requirement id."""
    return {d["persyaratan_id"]: d for d in rows(
        db, "SELECT * FROM dokumen WHERE draf_id = ? AND aktif = 1", (draft_id,))}


def attach_documents(db, draft_id: str, permohonan_id: int) -> None:
    db.execute("UPDATE dokumen SET permohonan_id = ?, draf_id = NULL "
               "WHERE draf_id = ? AND aktif = 1", (permohonan_id, draft_id))
