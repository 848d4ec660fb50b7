"""Permohonan: their documents, requirement checks, audit trail, report and rating."""
import json
import sqlite3

from . import jejak
from .db import row, rows, utcnow

_JSON_FIELDS = ("kategori", "disabilitas", "bantuan")

_VIEW_SQL = """
SELECT p.*, l.nama AS layanan_nama, l.slug AS layanan_slug, l.sop_hari AS sop_hari,
       s.nama AS petugas_nama
FROM permohonan p
JOIN layanan l ON l.id = p.layanan_id
LEFT JOIN staf s ON s.id = p.petugas_id
"""


def _decode(r: dict | None) -> dict | None:
    if r is not None:
        for f in _JSON_FIELDS:
            r[f] = json.loads(r[f] or "[]")
    return r


def create(db, *, nomor: str, idempotency_key: str | None, layanan_id: int, mode: str,
           status: str, data: dict, bahasa: str, batas_sop: str,
           batas_dari_jadwal: bool = False, now: str | None = None) -> int:
    now = now or utcnow()
    record = {
        "nomor": nomor, "idempotency_key": idempotency_key, "layanan_id": layanan_id,
        "mode": mode, "status": status, "bahasa": bahasa, "dibuat_at": now,
        "diajukan_at": now, "batas_sop": batas_sop, "batas_dari_jadwal": int(batas_dari_jadwal),
    }
    for key in ("nama", "telepon", "nik", "alamat", "desa", "kecamatan", "bantuan_lain",
                "jadwal", "alamat_jemput", "bawaan", "catatan"):
        record[key] = data.get(key) or ("" if key not in ("nik", "jadwal", "alamat_jemput")
                                        else None)
    for key in _JSON_FIELDS:
        record[key] = json.dumps(list(data.get(key) or []))
    try:
        return db["permohonan"].insert(record).last_pk
    except sqlite3.IntegrityError as e:
        if idempotency_key and "idempotency_key" in str(e):
            raise KunciDipakai(idempotency_key) from None
        raise


class KunciDipakai(Exception):
    """A request with this idempotency key exists already (a phone's retry won the race)."""



def by_idempotency_key(db, key: str) -> dict | None:
    return _decode(row(db, _VIEW_SQL + " WHERE p.idempotency_key = ?", (key,)))


def get(db, permohonan_id: int) -> dict | None:
    return _decode(row(db, _VIEW_SQL + " WHERE p.id = ?", (permohonan_id,)))


def by_nomor(db, nomor: str) -> dict | None:
    return _decode(row(db, _VIEW_SQL + " WHERE p.nomor = ?", (nomor,)))


def summaries(db, ids: list[int]) -> list[dict]:
    """What a phone's list of its requests shows, in the order of `ids`; no personal data."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    # Only "?" placeholders are put into the text; the ids are parameters.
    sql = ("SELECT p.id, p.nomor, p.status, p.mode, p.diajukan_at, l.nama AS layanan_nama "  # nosec B608
           "FROM permohonan p JOIN layanan l ON l.id = p.layanan_id "
           f"WHERE p.id IN ({marks})")
    found = {r["id"]: r for r in rows(db, sql, list(ids))}
    return [found[i] for i in ids if i in found]


def update_fields(db, permohonan_id: int, fields: dict) -> None:
    fields = {k: (json.dumps(v) if k in _JSON_FIELDS else v) for k, v in fields.items()}
    db["permohonan"].update(permohonan_id, fields)


def queue(db, states, petugas_id: int | None = None) -> list[dict]:
    """Requests in the given states, oldest submission first."""
    states = [str(s) for s in states]
    if not states:
        return []
    marks = ",".join("?" * len(states))
    sql = _VIEW_SQL + f" WHERE p.status IN ({marks})"
    params: list = list(states)
    if petugas_id is not None:
        sql += " AND p.petugas_id = ?"
        params.append(petugas_id)
    sql += " ORDER BY p.diajukan_at, p.id"
    return [_decode(r) for r in rows(db, sql, params)]


def all_open(db) -> list[dict]:
    return [_decode(r) for r in rows(
        db, _VIEW_SQL + " WHERE p.status NOT IN ('selesai', 'ditolak') ORDER BY p.batas_sop")]


class StatusBerubah(Exception):
    """The request left the expected state before this change could be written."""


def record_transition(db, permohonan_id: int, *, staf_id: int | None, peran: str, aksi: str,
                      dari: str | None, ke: str, catatan: str = "", now: str | None = None,
                      updates: dict | None = None, asal: str = "") -> None:
    """Move the request and write its history entry (who, when, from, to, note) and its audit
    trail entry (who, when, from where: jejak, without the note) together.

    The move happens only if the request is still in `dari`: two staff acting on the same
    request at once cannot both succeed (the second gets StatusBerubah and nothing is written).
    `dari` None is the first entry of a request just created in `ke`."""
    now = now or utcnow()
    fields = {"status": str(ke)}
    fields.update(updates or {})
    fields = {k: (json.dumps(v) if k in _JSON_FIELDS else v) for k, v in fields.items()}
    if dari is not None:
        assignments = ", ".join(f"[{k}] = ?" for k in fields)
        # Column names come from the code (services), never from a request: values are params.
        sql = f"UPDATE permohonan SET {assignments} WHERE id = ? AND status = ?"  # nosec B608
        moved = db.execute(sql, [*fields.values(), permohonan_id, str(dari)]).rowcount
        if moved != 1:
            raise StatusBerubah(permohonan_id)
    else:
        db["permohonan"].update(permohonan_id, fields)
    db["riwayat"].insert({
        "permohonan_id": permohonan_id, "staf_id": staf_id, "peran": str(peran),
        "aksi": str(aksi), "dari_status": dari, "ke_status": str(ke), "catatan": catatan,
        "at": now,
    })
    jejak.add(db, aksi, staf_id=staf_id, peran=peran, objek="permohonan",
              objek_id=permohonan_id, rincian=f"{dari or ''}>{ke}", asal=asal, now=now)


def history(db, permohonan_id: int) -> list[dict]:
    return rows(db, """
        SELECT r.*, s.nama AS staf_nama FROM riwayat r LEFT JOIN staf s ON s.id = r.staf_id
        WHERE r.permohonan_id = ? ORDER BY r.id""", (permohonan_id,))


def documents(db, permohonan_id: int) -> list[dict]:
    """Active documents with their requirement, in the requirement's order."""
    return rows(db, """
        SELECT d.*, q.nama AS persyaratan_nama, q.wajib AS wajib
        FROM dokumen d JOIN persyaratan q ON q.id = d.persyaratan_id
        WHERE d.permohonan_id = ? AND d.aktif = 1 ORDER BY q.urutan, q.id""", (permohonan_id,))


def get_document(db, dokumen_id: int) -> dict | None:
    return row(db, "SELECT * FROM dokumen WHERE id = ?", (dokumen_id,))


def replace_document(db, permohonan_id: int, persyaratan_id: int, *, nama_asli, berkas, mime,
                     ukuran, diambil_petugas=False, now=None) -> int:
    db.execute("UPDATE dokumen SET aktif = 0 WHERE permohonan_id = ? AND persyaratan_id = ?",
               (permohonan_id, persyaratan_id))
    return db["dokumen"].insert({
        "permohonan_id": permohonan_id, "persyaratan_id": persyaratan_id,
        "nama_asli": nama_asli, "berkas": berkas, "mime": mime, "ukuran": ukuran,
        "diambil_petugas": int(diambil_petugas), "aktif": 1, "diunggah_at": now or utcnow(),
    }).last_pk


def set_check(db, permohonan_id: int, persyaratan_id: int, *, memenuhi: bool, alasan: str,
              staf_id: int, now: str | None = None) -> None:
    db["pemeriksaan"].upsert({
        "permohonan_id": permohonan_id, "persyaratan_id": persyaratan_id,
        "memenuhi": int(memenuhi), "alasan": alasan, "staf_id": staf_id, "at": now or utcnow(),
    }, pk=("permohonan_id", "persyaratan_id"))


def checks(db, permohonan_id: int) -> dict[int, dict]:
    return {c["persyaratan_id"]: c for c in rows(
        db, "SELECT * FROM pemeriksaan WHERE permohonan_id = ?", (permohonan_id,))}


def clear_check(db, permohonan_id: int, persyaratan_id: int) -> None:
    """A replaced document must be checked again."""
    db.execute("DELETE FROM pemeriksaan WHERE permohonan_id = ? AND persyaratan_id = ?",
               (permohonan_id, persyaratan_id))


def save_report(db, permohonan_id: int, *, petugas_id: int, hasil: str, catatan: str,
                lampiran: str | None, lampiran_mime: str | None, now: str | None = None) -> None:
    db["laporan"].upsert({
        "permohonan_id": permohonan_id, "petugas_id": petugas_id, "hasil": hasil,
        "catatan": catatan, "lampiran": lampiran, "lampiran_mime": lampiran_mime,
        "at": now or utcnow(),
    }, pk="permohonan_id")


def report(db, permohonan_id: int) -> dict | None:
    return row(db, """SELECT l.*, s.nama AS petugas_nama FROM laporan l
                      JOIN staf s ON s.id = l.petugas_id WHERE l.permohonan_id = ?""",
               (permohonan_id,))


def save_penilaian(db, permohonan_id: int, *, petugas_id: int | None, skor: int, komentar: str,
                now: str | None = None) -> bool:
    """False when this request was already rated (one rating per request)."""
    try:
        db["penilaian"].insert({
            "permohonan_id": permohonan_id, "petugas_id": petugas_id, "skor": skor,
            "komentar": komentar, "at": now or utcnow(),
        })
    except sqlite3.IntegrityError:
        return False  # rated a moment ago (another tab, a double tap): the primary key holds
    return True


def penilaian(db, permohonan_id: int) -> dict | None:
    return row(db, "SELECT * FROM penilaian WHERE permohonan_id = ?", (permohonan_id,))


def booked_slots(db, mode: str) -> set[str]:
    """Consultation slots already taken by requests that are still alive."""
    return {r["jadwal"] for r in rows(
        db, "SELECT jadwal FROM permohonan WHERE mode = ? AND jadwal IS NOT NULL "
            "AND status NOT IN ('ditolak')", (mode,))}


# --- finding a citizen's request at the office (issue 17.3) ---------------------------------

# A search lists what lets staff tell two citizens apart, not their data: the NIK and the
# phone only by their last four digits, never the address. The request page holds the rest.
_FOUND_SQL = """
SELECT p.id, p.nomor, p.nama, p.status, p.mode, p.diajukan_at, p.batas_sop,
       substr(p.telepon, -4) AS telepon_akhir,
       CASE WHEN length(coalesce(p.nik, '')) >= 4 THEN substr(p.nik, -4) ELSE '' END AS nik_akhir,
       l.nama AS layanan_nama
FROM permohonan p JOIN layanan l ON l.id = p.layanan_id
"""
# What akses.load lets a petugas open: their assignments and the deliveries given to them.
_OWN_TASKS = """(p.petugas_id = ? OR EXISTS (
    SELECT 1 FROM keberatan k WHERE k.permohonan_id = p.id AND k.petugas_id = ?
    AND k.status = 'diterima'))"""


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(db, *, nomor: str | None = None, nama: str | None = None,
           telepon: str | None = None, nik_akhir: str | None = None,
           petugas_id: int | None = None, limit: int = 51) -> list[dict]:
    """Requests matching one criterion, newest first. A name matches when it holds every word
    typed (any order, any case); NIK digits are compared with the end of the NIK only;
    `petugas_id` keeps an officer to their own tasks."""
    where, params = [], []
    if nomor is not None:
        where.append("p.nomor = ?")
        params.append(nomor)
    elif telepon is not None:
        where.append("p.telepon = ?")
        params.append(telepon)
    elif nik_akhir is not None:
        where.append("length(coalesce(p.nik, '')) >= ? AND substr(p.nik, -?) = ?")
        params += [len(nik_akhir), len(nik_akhir), nik_akhir]
    elif nama is not None:
        for word in nama.split()[:6]:
            where.append("p.nama LIKE ? ESCAPE '\\'")
            params.append(_like(word))
    else:
        return []
    if petugas_id is not None:
        where.append(_OWN_TASKS)
        params += [petugas_id, petugas_id]
    # Only fixed fragments and "?" placeholders are joined; every value is a parameter.
    sql = (_FOUND_SQL + " WHERE " + " AND ".join(where)  # nosec B608
           + " ORDER BY p.diajukan_at DESC, p.id DESC LIMIT ?")
    return rows(db, sql, [*params, limit])
