"""Staff accounts (issue 17.1), their sign-in and sessions (issue 16.7, 16.13): every change to
an account, each written with its audit entry in one transaction.

- Passwords: chosen by the rules of domain/sandi.py (NIST SP 800-63B), hashed with argon2id
  (argon2-cffi's RFC 9106 low-memory profile; cheap parameters under TESTING only). Hashes from
  before issue 17 (werkzeug's scrypt/pbkdf2) still verify and are replaced on the next sign-in.
- A new or reset account gets a random first password that must be changed before anything
  else (staf.harus_ganti_sandi).
- Sessions are rows of staf_session named by a random token in the cookie: signing out, a
  password change, a reset and deactivation delete every row of the account, so a copied cookie
  opens nothing; one unused for STAF_IDLE_HOURS is deleted when next seen.
- Failed sign-ins are counted in the account's row (every process sees the same count): every
  LOGIN_LOCK_AFTER-th locks it for LOGIN_LOCK_MINUTES, LOGIN_LOCK_ADMIN_AFTER in a row until an
  admin opens it. The admin sees locked accounts on the admin pages and in the audit trail.
"""
import functools
import hashlib
import re
import secrets
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from werkzeug.security import check_password_hash

from ..domain import sandi
from ..domain.jejak import Peristiwa
from ..domain.sandi import SandiDitolak
from ..domain.workflow import STAFF_ROLES, Peran
from ..store import staf as store, transaction
from .jejak import CLI, Oleh, catat

__all__ = ["AkunDitolak", "MasukDitolak", "SandiDitolak", "SandiSekarangSalah", "Oleh", "CLI"]

# The session's last use is written at most this often: a page with its images and scripts
# would otherwise write once per request.
_TOUCH_EVERY = timedelta(minutes=1)
# Usernames: they name the person in the audit trail and never change.
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,31}")
NAMA_MAX = 100
# First passwords: no look-alike characters (l/1, O/0), read out or written on paper.
_FIRST_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class MasukDitolak(Exception):
    """Sign-in refused: reason "salah" (name or password wrong) or "terkunci" (locked)."""

    def __init__(self, reason: str, until: datetime | None = None):
        super().__init__(reason)
        self.reason = reason
        self.until = until  # when a temporary lock ends; None: wrong, or locked until the admin


class SandiSekarangSalah(Exception):
    """The current password typed to change it is wrong."""


class AkunDitolak(Exception):
    """An account change not allowed; `reason` is a code the interface translates."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --- passwords ------------------------------------------------------------------------------

@functools.cache
def _hasher(cheap: bool) -> PasswordHasher:
    # Tests sign in hundreds of times: the smallest parameters argon2 allows.
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1) if cheap else PasswordHasher()


def hasher(config=None) -> PasswordHasher:
    return _hasher(bool((config or current_app.config).get("TESTING")))


def hash_password(password: str, config=None) -> str:
    return hasher(config).hash(sandi.normalise(password))


def _verify(stored: str, password: str) -> bool:
    if stored.startswith("$argon2"):
        try:
            return hasher().verify(stored, sandi.normalise(password))
        except (VerificationError, InvalidHashError):
            return False
    return check_password_hash(stored, password)


def _needs_rehash(stored: str) -> bool:
    return not stored.startswith("$argon2") or hasher().check_needs_rehash(stored)


@functools.cache
def _dummy_hash(cheap: bool) -> str:
    return _hasher(cheap).hash(secrets.token_hex(16))


def _spend_the_same_time(password: str) -> None:
    """An unknown name costs one hash too, so the time taken does not tell which names exist."""
    _verify(_dummy_hash(bool(current_app.config.get("TESTING"))), password)


def first_password() -> str:
    """A random first password, like "k7fq-2mxa-pw9d" (about 59 bits)."""
    while True:
        raw = "".join(secrets.choice(_FIRST_ALPHABET) for _ in range(12))
        candidate = "-".join(raw[i:i + 4] for i in range(0, 12, 4))
        try:
            return sandi.check(candidate)
        except SandiDitolak:
            continue


# --- time -------------------------------------------------------------------------------------

def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _idle_limit() -> timedelta:
    return timedelta(hours=current_app.config["STAF_IDLE_HOURS"])


def locked_until(account: dict, now: datetime | None = None) -> datetime | None:
    """When the account's temporary lock ends; None if not locked for a while."""
    until = account.get("dikunci_sampai")
    if until and datetime.fromisoformat(until) > (now or _now()):
        return datetime.fromisoformat(until)
    return None


def locked_for_admin(account: dict) -> bool:
    return account["gagal_masuk"] >= current_app.config["LOGIN_LOCK_ADMIN_AFTER"]


def is_locked(account: dict, now: datetime | None = None) -> bool:
    return locked_for_admin(account) or locked_until(account, now) is not None


def locked_accounts(db) -> list[dict]:
    return store.locked(db, now=_iso(_now()),
                        admin_after=current_app.config["LOGIN_LOCK_ADMIN_AFTER"])


# --- roles ------------------------------------------------------------------------------------

def ordered_roles(roles) -> list[str]:
    """The roles in the office's order (admin first ... satpam): the first is the one a person
    acts in after signing in."""
    held = {str(r) for r in roles}
    return [str(p) for p in STAFF_ROLES if str(p) in held]


def _check_roles(roles) -> list[str]:
    chosen = ordered_roles(roles)
    if not chosen or len(chosen) != len({str(r) for r in roles}):
        raise AkunDitolak("peran")
    return chosen


# --- sessions ---------------------------------------------------------------------------------

def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _start_session(db, staf_id: int, peran: str, now: datetime) -> str:
    token = secrets.token_urlsafe(32)
    store.add_session(db, token_hash=_digest(token), staf_id=staf_id, peran=peran,
                      now=_iso(now))
    return token


def start_session(db, staf_id: int, peran: str) -> str:
    """A session for this account acting in `peran`; returns the token for the cookie."""
    with transaction(db):
        return _start_session(db, staf_id, peran, _now())


def session_for(db, token: str) -> dict | None:
    """The signed-in account with `peran` (the role acted in now) and `session_id`, or None
    when the token names no session, an idle one, or one of a deactivated account."""
    if not isinstance(token, str) or not token:
        return None
    found = store.session_by_token(db, _digest(token))
    if found is None:
        return None
    now = _now()
    account = store.get_staff(db, found["staf_id"])
    idle = now - datetime.fromisoformat(found["terakhir_at"]) > _idle_limit()
    if idle or account is None or not account["aktif"] or not account["peran_semua"]:
        with transaction(db):
            store.end_session(db, found["id"])
        return None
    peran = found["peran"]
    if peran not in account["peran_semua"]:
        # The admin took this role away meanwhile: act in the first one still held.
        peran = ordered_roles(account["peran_semua"])[0]
        with transaction(db):
            store.set_session_role(db, found["id"], peran)
    # Written at most once a minute: reading a page must not take SQLite's write lock.
    if now - datetime.fromisoformat(found["terakhir_at"]) >= _TOUCH_EVERY:
        with transaction(db):
            store.touch_session(db, found["id"], _iso(now))
    account["peran_semua"] = ordered_roles(account["peran_semua"])
    return dict(account, peran=peran, session_id=found["id"])


def switch_role(db, staf: dict, peran: str, oleh: Oleh) -> None:
    """A person holding several roles acts in another one (domain Pelaku: one role at a time)."""
    if peran not in staf["peran_semua"]:
        raise AkunDitolak("peran")
    with transaction(db):
        store.set_session_role(db, staf["session_id"], peran)
        catat(db, Peristiwa.PERAN_DIGANTI, Oleh(staf["id"], peran, oleh.asal),
              rincian=f"{staf['peran']}>{peran}")


def sign_out(db, staf: dict, oleh: Oleh) -> None:
    """Ends every session of the account (issue 16.7), not only this browser's."""
    with transaction(db):
        store.end_sessions(db, staf["id"])
        catat(db, Peristiwa.KELUAR, oleh)


# --- signing in -------------------------------------------------------------------------------

def sign_in(db, username: str, password: str, asal: str) -> tuple[dict, str]:
    """(account, session token), or MasukDitolak. Every attempt goes into the audit trail,
    under the account tried when it exists (never the name typed: it may be a password)."""
    config = current_app.config
    now = _now()
    account = store.by_username(db, (username or "").strip().lower())
    if account is None:
        _spend_the_same_time(password)
        catat(db, Peristiwa.MASUK_GAGAL, Oleh(asal=asal), rincian="akun_tidak_dikenal")
        raise MasukDitolak("salah")
    who = Oleh(account["id"], None, asal)
    if is_locked(account, now):
        catat(db, Peristiwa.MASUK_TERKUNCI, who)
        raise MasukDitolak("terkunci", locked_until(account, now))
    if not _verify(account["password_hash"], password):
        until = now + timedelta(minutes=config["LOGIN_LOCK_MINUTES"])
        with transaction(db):
            state = store.record_failure(db, account["id"], lock_every=config["LOGIN_LOCK_AFTER"],
                                         locked_until=_iso(until))
            catat(db, Peristiwa.MASUK_GAGAL, who, rincian=f"gagal_ke_{state['gagal_masuk']}")
            failures = state["gagal_masuk"]
            for_admin = failures >= config["LOGIN_LOCK_ADMIN_AFTER"]
            now_locked = for_admin or failures % config["LOGIN_LOCK_AFTER"] == 0
            if now_locked and failures <= config["LOGIN_LOCK_ADMIN_AFTER"]:
                minutes = config["LOGIN_LOCK_MINUTES"]
                catat(db, Peristiwa.AKUN_DIKUNCI, who,
                      rincian="sampai_dibuka_admin" if for_admin else f"{minutes}_menit")
        if now_locked:
            raise MasukDitolak("terkunci", None if for_admin else until)
        raise MasukDitolak("salah")
    peran = ordered_roles(account["peran_semua"])[0]
    with transaction(db):
        store.clear_failures(db, account["id"])
        if _needs_rehash(account["password_hash"]):
            store.update(db, account["id"], password_hash=hash_password(password))
        # Sessions nobody came back to are cleared here, not by a timer.
        store.end_idle_sessions(db, _iso(now - _idle_limit()))
        token = _start_session(db, account["id"], peran, now)
        catat(db, Peristiwa.MASUK, Oleh(account["id"], peran, asal))
    return account, token


# --- one's own password -------------------------------------------------------------------------

def _new_password(db, staf: dict, new: str) -> str:
    """The checked new password's hash; refused if it is the password in use now."""
    checked = sandi.check(new, username=staf["username"], nama=staf["nama"])
    if _verify(store.password_hash(db, staf["id"]) or "", checked):
        raise SandiDitolak("sama")
    return hash_password(checked)


def change_password(db, staf: dict, current: str | None, new: str, oleh: Oleh) -> str:
    """Change one's own password; every other session of the account ends. `current` None:
    the first password, just typed to sign in, is being replaced. Returns this browser's new
    session token."""
    if current is not None and not _verify(store.password_hash(db, staf["id"]) or "", current):
        raise SandiSekarangSalah()
    hashed = _new_password(db, staf, new)
    now = _now()
    with transaction(db):
        store.update(db, staf["id"], password_hash=hashed, harus_ganti_sandi=0,
                     sandi_diubah_at=_iso(now))
        store.end_sessions(db, staf["id"])
        token = _start_session(db, staf["id"], staf["peran"], now)
        catat(db, Peristiwa.SANDI_DIGANTI, oleh,
              rincian="sandi_pertama" if current is None else "")
    return token


# --- the admin's (and the command line's) account changes ---------------------------------------

def create(db, *, username: str, nama: str, roles, oleh: Oleh) -> tuple[int, str]:
    """A new account with a random first password, returned to be handed over once."""
    username = username.strip().lower()
    if not USERNAME.fullmatch(username):
        raise AkunDitolak("username")
    _check_name(nama)
    chosen = _check_roles(roles)
    password = first_password()
    try:
        with transaction(db):
            staf_id = store.add_staff(db, username=username, nama=nama.strip(), peran=chosen,
                                      password_hash=hash_password(password),
                                      harus_ganti_sandi=True, now=_iso(_now()))
            catat(db, Peristiwa.STAF_TAMBAH, oleh, objek="staf", objek_id=staf_id,
                  rincian=",".join(chosen))
    except store.UsernameTaken:
        raise AkunDitolak("username_dipakai") from None
    return staf_id, password


def _check_name(nama: str) -> None:
    if not nama.strip() or len(nama.strip()) > NAMA_MAX:
        raise AkunDitolak("nama")


def _account(db, staf_id: int) -> dict:
    account = store.get_staff(db, staf_id)
    if account is None:
        raise AkunDitolak("tidak_ada")
    return account


def _keeps_an_admin(db, account: dict, *, losing_admin: bool) -> None:
    """The office must keep one active admin, and an admin may not lock themselves out."""
    if not losing_admin or str(Peran.ADMIN) not in account["peran_semua"] or not account["aktif"]:
        return
    if store.count_active_with_role(db, Peran.ADMIN) <= 1:
        raise AkunDitolak("admin_terakhir")


def update(db, staf_id: int, *, nama: str, roles, oleh: Oleh) -> dict:
    account = _account(db, staf_id)
    _check_name(nama)
    chosen = _check_roles(roles)
    losing_admin = str(Peran.ADMIN) not in chosen
    if losing_admin and oleh.staf_id == staf_id and str(Peran.ADMIN) in account["peran_semua"]:
        raise AkunDitolak("akun_sendiri")
    _keeps_an_admin(db, account, losing_admin=losing_admin)
    with transaction(db):
        store.update(db, staf_id, nama=nama.strip())
        store.set_roles(db, staf_id, chosen)
        catat(db, Peristiwa.STAF_UBAH, oleh, objek="staf", objek_id=staf_id,
              rincian=",".join(chosen))
    return _account(db, staf_id)


def deactivate(db, staf_id: int, oleh: Oleh) -> None:
    """The account can no longer sign in, and is signed out everywhere now."""
    account = _account(db, staf_id)
    if oleh.staf_id == staf_id:
        raise AkunDitolak("akun_sendiri")
    _keeps_an_admin(db, account, losing_admin=True)
    with transaction(db):
        store.update(db, staf_id, aktif=0)
        store.end_sessions(db, staf_id)
        catat(db, Peristiwa.STAF_NONAKTIFKAN, oleh, objek="staf", objek_id=staf_id)


def activate(db, staf_id: int, oleh: Oleh) -> None:
    _account(db, staf_id)
    with transaction(db):
        store.update(db, staf_id, aktif=1)
        store.clear_failures(db, staf_id)
        catat(db, Peristiwa.STAF_AKTIFKAN, oleh, objek="staf", objek_id=staf_id)


def reset_password(db, staf_id: int, oleh: Oleh) -> str:
    """A new first password (returned to be handed over once); the account is signed out
    everywhere and opened if it was locked."""
    _account(db, staf_id)
    password = first_password()
    with transaction(db):
        store.update(db, staf_id, password_hash=hash_password(password), harus_ganti_sandi=1,
                     sandi_diubah_at=_iso(_now()))
        store.end_sessions(db, staf_id)
        store.clear_failures(db, staf_id)
        catat(db, Peristiwa.STAF_RESET_SANDI, oleh, objek="staf", objek_id=staf_id)
    return password


def unlock(db, staf_id: int, oleh: Oleh) -> None:
    _account(db, staf_id)
    with transaction(db):
        store.clear_failures(db, staf_id)
        catat(db, Peristiwa.STAF_BUKA_KUNCI, oleh, objek="staf", objek_id=staf_id)

