"""What the member views share: who may change a member, and the cookies of the one in use.

Switching who uses the phone changes the page at once: the member's display settings and
language become the phone's cookies (which pages are made from and the service worker reads),
and the `anggota` cookie names the member so a page kept for one is never shown to another.
No secret is in them: which requests anyone may open is decided on the server."""
from flask import abort, current_app, redirect, session, url_for

from ..domain import keluarga as rules

from ..permohonan import draf
from ..web import language, ownership, tampilan

COOKIE = tampilan.MEMBER_COOKIE
# The code of a member just removed, kept in the session for the next page's script
# (static/js/anggota-hapus.js) to clear the browser's copies of them.
DIHAPUS = "anggota_dihapus"
# Drafts put aside by members who handed the phone on: member code ("" for nobody) → draft id.
DRAF = "draf_anggota"


def apply(response, member: dict | None) -> None:
    secure = current_app.config.get("SESSION_COOKIE_SECURE", False)
    if member is None:
        response.delete_cookie(COOKIE)
        response.delete_cookie(tampilan.COOKIE)
        return
    options = {"max_age": tampilan.ONE_YEAR, "samesite": "Lax", "httponly": False,
               "secure": secure}
    response.set_cookie(COOKIE, member["kode"], **options)
    if member["tampilan"]:
        response.set_cookie(tampilan.COOKIE, member["tampilan"], **options)
    else:
        response.delete_cookie(tampilan.COOKIE)
    if member["bahasa"]:
        response.set_cookie(language.COOKIE, member["bahasa"], **options)


def current_is(member: dict) -> bool:
    now = ownership.current()
    return now is not None and now["id"] == member["id"]


def managed(kode: str, back: str):
    """(member, None), or (member, a redirect to their PIN) when only they may do this
    (domain/keluarga.py may_manage); 404 for a code that names nobody on this phone."""
    member = ownership.member(kode)
    if member is None:
        abort(404)
    here = ownership.unlocked_member()
    if not rules.may_manage(bool(member["pin_hash"]), bool(here and here["id"] == member["id"])):
        return member, redirect(url_for("keluarga.buka", kode=kode, lanjut=back), code=303)
    return member, None


def hand_over(before: dict | None, after: dict | None, keep: bool = False) -> None:
    """The request form half filled in belongs to whoever was filling it: put aside when the
    phone changes hands, and back when they take it again (nothing lost, nothing shown to the
    next). `keep`: the draft goes on with `after` (a profile just made by whoever typed it)."""
    if before is not None and after is not None and before["id"] == after["id"]:
        return
    aside = dict(session.get(DRAF, {}))
    current = session.pop(draf.SESSION_KEY, None)
    if current and keep:
        session[draf.SESSION_KEY] = current
        current = None
    if current:
        aside[before["kode"] if before else ""] = current
    restored = aside.pop(after["kode"] if after else "", None)
    if restored and draf.SESSION_KEY not in session:
        session[draf.SESSION_KEY] = restored
    session[DRAF] = aside


def forget_draft(member: dict) -> None:
    """A removed member's draft is no one's."""
    aside = dict(session.get(DRAF, {}))
    aside.pop(member["kode"], None)
    session[DRAF] = aside
    if current_is(member):
        session.pop(draf.SESSION_KEY, None)
