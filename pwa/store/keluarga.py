"""A phone and the family members on it (perangkat, anggota), and whose each request the phone
holds is (perangkat_permohonan). The rules are domain/keluarga.py's; services/keluarga.py
writes these in transactions."""
from .db import row, rows, utcnow


# --- the phone ------------------------------------------------------------------------------

def phone_by_key(db, kunci: str) -> dict | None:
    return row(db, "SELECT * FROM perangkat WHERE kunci = ?", (kunci,))


def add_phone(db, kunci: str, now: str | None = None) -> int:
    return db.execute("INSERT INTO perangkat (kunci, dibuat_at) VALUES (?, ?)",
                      (kunci, now or utcnow())).lastrowid


def set_current(db, perangkat_id: int, anggota_id: int | None, active_at: str | None) -> None:
    db.execute("UPDATE perangkat SET anggota_id = ?, aktif_at = ? WHERE id = ?",
               (anggota_id, active_at, perangkat_id))


def touch(db, perangkat_id: int, active_at: str) -> None:
    db.execute("UPDATE perangkat SET aktif_at = ? WHERE id = ?", (active_at, perangkat_id))


# --- its members ----------------------------------------------------------------------------

def members(db, perangkat_id: int) -> list[dict]:
    return rows(db, "SELECT * FROM anggota WHERE perangkat_id = ? ORDER BY id", (perangkat_id,))


def member(db, perangkat_id: int, kode: str) -> dict | None:
    """Only a member of this phone: a code from another phone names nobody here."""
    return row(db, "SELECT * FROM anggota WHERE perangkat_id = ? AND kode = ?",
               (perangkat_id, kode))


def member_by_id(db, anggota_id: int) -> dict | None:
    return row(db, "SELECT * FROM anggota WHERE id = ?", (anggota_id,))


def count(db, perangkat_id: int) -> int:
    return db.execute("SELECT COUNT(*) FROM anggota WHERE perangkat_id = ?",
                      (perangkat_id,)).fetchone()[0]


def add_member(db, perangkat_id: int, kode: str, nama: str, pin_hash: str | None,
               tampilan: str, bahasa: str, now: str | None = None) -> int:
    return db.execute(
        "INSERT INTO anggota (perangkat_id, kode, nama, pin_hash, tampilan, bahasa, dibuat_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (perangkat_id, kode, nama, pin_hash, tampilan, bahasa, now or utcnow())).lastrowid


def update_member(db, anggota_id: int, **fields) -> None:
    allowed = {"nama", "pin_hash", "tampilan", "bahasa", "pin_salah", "terkunci_sampai"}
    names = [k for k in fields if k in allowed]
    if not names:
        return
    db.execute(f"UPDATE anggota SET {', '.join(f'{k} = ?' for k in names)} WHERE id = ?",  # nosec B608: fixed column names
               [fields[k] for k in names] + [anggota_id])


def remove_member(db, anggota_id: int) -> None:
    db.execute("DELETE FROM perangkat_permohonan WHERE anggota_id = ?", (anggota_id,))
    db.execute("UPDATE perangkat_permohonan SET pengisi_id = NULL WHERE pengisi_id = ?",
               (anggota_id,))
    db.execute("UPDATE perangkat SET anggota_id = NULL, aktif_at = NULL WHERE anggota_id = ?",
               (anggota_id,))
    db.execute("DELETE FROM anggota WHERE id = ?", (anggota_id,))


# --- the requests it holds ------------------------------------------------------------------

def hold(db, perangkat_id: int, permohonan_id: int, anggota_id: int | None,
         pengisi_id: int | None, now: str | None = None) -> None:
    """The phone holds the request, as this member's (None: the phone's own)."""
    db.execute(
        "INSERT INTO perangkat_permohonan (perangkat_id, permohonan_id, anggota_id, pengisi_id, at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (perangkat_id, permohonan_id) DO UPDATE SET "
        "anggota_id = excluded.anggota_id, pengisi_id = excluded.pengisi_id, at = excluded.at",
        (perangkat_id, permohonan_id, anggota_id, pengisi_id, now or utcnow()))


def holding(db, perangkat_id: int, permohonan_id: int) -> dict | None:
    return row(db, "SELECT * FROM perangkat_permohonan WHERE perangkat_id = ? "
                   "AND permohonan_id = ?", (perangkat_id, permohonan_id))


def release(db, perangkat_id: int, permohonan_id: int) -> None:
    db.execute("DELETE FROM perangkat_permohonan WHERE perangkat_id = ? AND permohonan_id = ?",
               (perangkat_id, permohonan_id))


def held(db, perangkat_id: int, anggota_id: int | None) -> list[dict]:
    """The member's requests, those they filled in for another, and the phone's own (no
    member), newest first, with whose each is and who filled it in."""
    return rows(db, "SELECT pp.permohonan_id, pp.anggota_id, pp.pengisi_id, "
                    "pemilik.nama AS pemilik_nama, pengisi.nama AS pengisi_nama "
                    "FROM perangkat_permohonan pp "
                    "LEFT JOIN anggota pemilik ON pemilik.id = pp.anggota_id "
                    "LEFT JOIN anggota pengisi ON pengisi.id = pp.pengisi_id "
                    "WHERE pp.perangkat_id = ? AND (pp.anggota_id IS NULL OR pp.anggota_id = ? "
                    "OR pp.pengisi_id = ?) ORDER BY pp.at DESC, pp.permohonan_id DESC",
                (perangkat_id, anggota_id, anggota_id))


def count_held(db, anggota_id: int) -> int:
    return db.execute("SELECT COUNT(*) FROM perangkat_permohonan WHERE anggota_id = ?",
                      (anggota_id,)).fetchone()[0]


def adopt_unowned(db, perangkat_id: int, anggota_id: int) -> None:
    """The phone's own requests become the member's (the first member made on the phone)."""
    db.execute("UPDATE perangkat_permohonan SET anggota_id = ? "
               "WHERE perangkat_id = ? AND anggota_id IS NULL", (anggota_id, perangkat_id))
