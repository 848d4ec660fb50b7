"""Which requests this phone holds, whose each is, and the one check every citizen page and
action of a request makes.

A phone is known by a random id in its signed session (`perangkat`); the server keeps which
requests it holds (perangkat_permohonan), with no cap: nothing drops out of reach. On a family
phone each request belongs to a member (issue 19, pwa/keluarga): a member sees their own and
the phone's own (sent before any member was made), never another member's. A member with a
PIN is locked until it is typed, again after MENTARI_ANGGOTA_DIAM_MENIT idle minutes and
whenever someone else is chosen; all of this is decided here, on the server, on every request,
so a page hidden in the browser is not the only guard.

Phones from before members kept their requests in the session itself (`milik`): those still
count as the phone's own, and move to the server with the first member made.

The session is made to outlive the browser (PERMANENT_SESSION_LIFETIME, 90 days by default)
once it holds a request: a request takes days, and the grandmother who cannot recite twelve
digits finds hers on /status from the phone she sent it from.
"""
import functools
import secrets

from flask import abort, current_app, g, redirect, request, session, url_for

from ..services import keluarga as family
from ..store import keluarga as family_store
from ..store import permohonan as store
from .caching import personal
from .db import get_db

_KEY = "milik"          # phones from before issue 19: the requests they hold
PHONE_KEY = "perangkat"


def _legacy() -> list[int]:
    return [i for i in session.get(_KEY, []) if isinstance(i, int)]


def phone(create: bool = False) -> dict | None:
    """This phone's row (made when `create`), read once per request."""
    if "keluarga_phone" not in g or (create and g.keluarga_phone is None):
        kunci = session.get(PHONE_KEY)
        if not kunci and create:
            kunci = session[PHONE_KEY] = secrets.token_urlsafe(18)
            session.permanent = True
        g.keluarga_phone = family.phone(get_db(), kunci) if kunci and (
            create or family_store.phone_by_key(get_db(), kunci)) else None
    return g.keluarga_phone


def members() -> list[dict]:
    p = phone()
    return family_store.members(get_db(), p["id"]) if p else []


def member(kode: str) -> dict | None:
    p = phone()
    return family_store.member(get_db(), p["id"], kode) if p and kode else None


def current() -> dict | None:
    """The member using the phone now (locked or not), or None."""
    if "keluarga_current" not in g:
        p = phone()
        g.keluarga_current = (family_store.member_by_id(get_db(), p["anggota_id"])
                              if p and p["anggota_id"] else None)
    return g.keluarga_current


def locked() -> bool:
    p = phone()
    return p is not None and family.locked(p, current(),
                                           current_app.config["ANGGOTA_IDLE_MINUTES"])


def unlocked_member() -> dict | None:
    """The member whose requests this request may see: chosen and not locked."""
    m = current()
    return None if m is None or locked() else m


def legacy_ids() -> list[int]:
    return _legacy()


def clear_legacy() -> None:
    session.pop(_KEY, None)


def grant(permohonan_id: int, untuk: str | None = None) -> None:
    """The phone holds the request: the member named `untuk` (a member filing for another,
    "Untuk siapa?"), else the member using the phone (unlocked), else the phone's own; and who
    filled it in, when that is someone else.

    A post the phone's outbox sends later (when the signal returns, by whoever holds the phone
    then) belongs to the member it was kept under (`untuk`, added by the service worker, with
    `diisi`, who was using the phone), or to the phone when that member is gone (removed while
    offline): nothing is lost, and nothing goes to the wrong member."""
    from .outbox import wants_json
    p = phone(create=True)
    session.permanent = True
    db = get_db()
    named = member(untuk) if untuk else None
    later = wants_json()
    filler = member(request.form.get("diisi", "")) if later else unlocked_member()
    owner = named if (named or later) else filler
    already = family_store.holding(db, p["id"], permohonan_id)
    if already is not None and already["anggota_id"] and not named:
        owner = family_store.member_by_id(db, already["anggota_id"])   # a retry keeps its owner
    family.hold(db, p["id"], permohonan_id, owner["id"] if owner else None,
                filler["id"] if filler and owner and filler["id"] != owner["id"] else None)


def forget(permohonan_id: int) -> None:
    session[_KEY] = [i for i in _legacy() if i != permohonan_id]
    p = phone()
    if p:
        family.release(get_db(), p["id"], permohonan_id)


def owner_of(permohonan_id: int) -> dict | None:
    """The member of this phone a held request belongs to (None: the phone's own, or not
    held)."""
    p = phone()
    held = family_store.holding(get_db(), p["id"], permohonan_id) if p else None
    if held is None or held["anggota_id"] is None:
        return None
    return family_store.member_by_id(get_db(), held["anggota_id"])


def owns(permohonan_id: int) -> bool:
    if permohonan_id in _legacy():
        return True
    p = phone()
    if p is None:
        return False
    held = family_store.holding(get_db(), p["id"], permohonan_id)
    if held is None:
        return False
    if held["anggota_id"] is None:
        return True
    # Its member, and whoever filled it in for them (the daughter typed it all anyway).
    m = unlocked_member()
    return m is not None and m["id"] in (held["anggota_id"], held["pengisi_id"])


def owned() -> list[int]:
    """The newest first: the request she sent last is the one she most likely wants."""
    return [r["permohonan_id"] for r in owned_rows()]


def owned_rows() -> list[dict]:
    """Held requests this request may list: the phone's own and the unlocked member's, with
    who filled each in."""
    legacy = [{"permohonan_id": i, "anggota_id": None, "pengisi_id": None, "pemilik_nama": None,
               "pengisi_nama": None} for i in reversed(_legacy())]
    p = phone()
    if p is None:
        return legacy
    m = unlocked_member()
    held = family_store.held(get_db(), p["id"], m["id"] if m else -1)
    seen = {r["permohonan_id"] for r in held}
    return held + [r for r in legacy if r["permohonan_id"] not in seen]


def owned_request(view):
    """For views of /permohonan/<permohonan_id>/…: the view gets the request as `p`.

    A browser that has not proven the request is sent to Cek status (303, so a refused post
    becomes a page), where the number and the phone's last four digits prove it: the same
    answer whatever the request, the page or the method, so it tells nothing about the request
    and always leaves a way forward. A request of a member of this phone who is not the one
    unlocked now asks for that member (and their PIN) instead."""
    @functools.wraps(view)
    def wrapped(permohonan_id: int, **kwargs):
        if not owns(permohonan_id):
            owner = owner_of(permohonan_id)
            if owner is not None:
                return redirect(url_for("keluarga.buka", kode=owner["kode"],
                                        lanjut=request.path), code=303)
            return redirect(url_for("permohonan.status"), code=303)
        p = store.get(get_db(), permohonan_id)
        if p is None:
            abort(404)
        personal()   # her name, phone and address: never kept on the phone
        return view(p, **kwargs)
    return wrapped


def choices() -> list[tuple[str, str]]:
    """"Untuk siapa?": the phone's members, the one using it (unlocked) first; none when the
    phone has no members (the form then asks nothing)."""
    found = members()
    if not found:
        return []
    here = unlocked_member()
    found.sort(key=lambda m: (not here or m["id"] != here["id"], m["id"]))
    return [(m["kode"], m["nama"]) for m in found]


def _still_here():
    """An unlocked member with a PIN who uses the phone pushes the idle lock back."""
    if request.endpoint in (None, "static") or not session.get(PHONE_KEY):
        return
    m = current()
    if m is not None and m["pin_hash"] and not locked():
        family.still_here(get_db(), phone()["id"], phone()["aktif_at"])


def _language_kept(response):
    """A member who switches language keeps it: theirs again whenever they are chosen."""
    from . import language
    code = language.asked()
    if (code and response.mimetype == "text/html" and session.get(PHONE_KEY)
            and (m := unlocked_member()) is not None and m["bahasa"] != code):
        family.save_display(get_db(), m["id"], bahasa=code)
    return response


def init_app(app):
    app.before_request(_still_here)
    app.after_request(_language_kept)

    app.jinja_env.globals["untuk_pilihan"] = choices

    @app.context_processor
    def inject_member():
        if not session.get(PHONE_KEY):
            return {"anggota_kini": None}
        return {"anggota_kini": current()}
