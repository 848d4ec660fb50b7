"""Family members on one phone (issue 19), each change one transaction: making, changing and
removing a member, choosing who uses the phone, a PIN typed (right, wrong, or while locked),
and which member a request on the phone belongs to.

PINs are hashed like staff passwords (argon2id, services/akun.py's hasher): the database never
holds the four digits. Wrong PINs are counted in the database, so no cookie reset undoes them.
"""
import secrets
from datetime import datetime, timezone

from argon2.exceptions import InvalidHashError, VerificationError

from ..domain import keluarga as rules
from ..store import keluarga as store
from ..store.db import transaction
from .akun import hasher


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def phone(db, kunci: str) -> dict:
    """This phone's row, made on first need."""
    found = store.phone_by_key(db, kunci)
    if found is None:
        with transaction(db):
            store.add_phone(db, kunci)
        found = store.phone_by_key(db, kunci)
    return found


def hash_pin(pin: str | None) -> str | None:
    return hasher().hash(pin) if pin else None


def _pin_matches(stored: str, pin: str) -> bool:
    try:
        return hasher().verify(stored, pin)
    except (VerificationError, InvalidHashError):
        return False


def create(db, perangkat_id: int, nama: str, pin: str | None, tampilan: str, bahasa: str,
           legacy_ids: list[int] = ()) -> dict:
    """A new member (raises rules.AnggotaDitolak). The first member of a phone takes the
    requests the phone already holds: it was made by whoever sent them, after the first one."""
    nama = rules.clean_name(nama)
    pin = rules.clean_pin(pin)
    with transaction(db):
        existing = store.members(db, perangkat_id)
        rules.check_room(len(existing))
        rules.check_name_free(nama, [m["nama"] for m in existing])
        anggota_id = store.add_member(db, perangkat_id, secrets.token_hex(6), nama,
                                      hash_pin(pin), tampilan, bahasa)
        if not existing:
            for pid in legacy_ids:
                store.hold(db, perangkat_id, pid, None, None)
            store.adopt_unowned(db, perangkat_id, anggota_id)
        # The one who made it is the one holding the phone: they use it now, unlocked.
        store.set_current(db, perangkat_id, anggota_id, _iso(_now()))
    return store.member_by_id(db, anggota_id)


def change(db, member: dict, nama: str, pin: str | None, remove_pin: bool) -> None:
    nama = rules.clean_name(nama)
    pin = rules.clean_pin(pin)
    with transaction(db):
        others = [m["nama"] for m in store.members(db, member["perangkat_id"])
                  if m["id"] != member["id"]]
        rules.check_name_free(nama, others)
        fields = {"nama": nama}
        if pin:
            fields.update(pin_hash=hash_pin(pin), pin_salah=0, terkunci_sampai=None)
        elif remove_pin:
            fields.update(pin_hash=None, pin_salah=0, terkunci_sampai=None)
        store.update_member(db, member["id"], **fields)


def save_display(db, anggota_id: int, tampilan: str | None = None,
                 bahasa: str | None = None) -> None:
    fields = {k: v for k, v in (("tampilan", tampilan), ("bahasa", bahasa)) if v is not None}
    with transaction(db):
        store.update_member(db, anggota_id, **fields)


def remove(db, member: dict) -> None:
    """The member and which requests were theirs on this phone; the requests go on at the
    office (their number and phone digits bring them back)."""
    with transaction(db):
        store.remove_member(db, member["id"])


def choose(db, perangkat_id: int, member: dict | None) -> None:
    """Someone else takes the phone: whoever was using it is locked again (their PIN asked
    for next time). A member with a PIN is chosen only through unlock()."""
    with transaction(db):
        store.set_current(db, perangkat_id, member["id"] if member else None,
                          _iso(_now()) if member and not member["pin_hash"] else None)


def locked(phone_row: dict, member: dict | None, idle_minutes: int) -> bool:
    if member is None:
        return False
    active = phone_row.get("aktif_at")
    return rules.is_locked(bool(member["pin_hash"]),
                           datetime.fromisoformat(active) if active else None, _now(),
                           idle_minutes)


def still_here(db, perangkat_id: int, previous: str | None) -> None:
    """The member used the phone now: the idle lock counts from here (written at most every
    half minute)."""
    now = _now()
    if previous and (now - datetime.fromisoformat(previous)).total_seconds() < 30:
        return
    with transaction(db):
        store.touch(db, perangkat_id, _iso(now))


def unlock(db, member: dict, pin: str, lock_after: int, lock_minutes: int) -> str:
    """'buka' (right PIN: the member now uses the phone), 'salah', or 'terkunci' (too many
    wrong PINs: none is even compared until the lock ends)."""
    now = _now()
    with transaction(db):
        fresh = store.member_by_id(db, member["id"])
        until = fresh["terkunci_sampai"]
        if until and datetime.fromisoformat(until) > now:
            return "terkunci"
        if fresh["pin_hash"] and _pin_matches(fresh["pin_hash"], "".join((pin or "").split())):
            store.update_member(db, fresh["id"], pin_salah=0, terkunci_sampai=None)
            store.set_current(db, fresh["perangkat_id"], fresh["id"], _iso(now))
            return "buka"
        wrong = fresh["pin_salah"] + 1
        blocked = rules.pin_blocked_until(wrong, now, lock_after, lock_minutes)
        store.update_member(db, fresh["id"], pin_salah=wrong,
                            terkunci_sampai=_iso(blocked) if blocked else None)
        return "terkunci" if blocked else "salah"


def hold(db, perangkat_id: int, permohonan_id: int, anggota_id: int | None,
         pengisi_id: int | None) -> None:
    with transaction(db):
        store.hold(db, perangkat_id, permohonan_id, anggota_id, pengisi_id)


def release(db, perangkat_id: int, permohonan_id: int) -> None:
    with transaction(db):
        store.release(db, perangkat_id, permohonan_id)
