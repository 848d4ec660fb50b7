"""Which requests this browser has proven it owns (registration number + phone digits), and the
one check every citizen page and action of a request makes.

Kept in the signed session: a citizen who submitted or looked up a request may see it and its
documents; nobody else may, whatever id they put in a URL.

The session is made to outlive the browser (PERMANENT_SESSION_LIFETIME, 90 days by default)
once it owns a request: a request takes days, and the grandmother who cannot recite twelve
digits finds hers on /status from the phone she sent it from. On a shared phone she can
forget one (forget), and nothing else is listed to anybody.
"""
import functools

from flask import abort, redirect, session, url_for

from ..store import permohonan as store
from .caching import personal
from .db import get_db

_KEY = "milik"
_MAX = 10  # a shared family phone tracks a few requests; cap the cookie size


def grant(permohonan_id: int) -> None:
    owned = [i for i in session.get(_KEY, []) if i != permohonan_id]
    session[_KEY] = (owned + [permohonan_id])[-_MAX:]
    session.permanent = True


def forget(permohonan_id: int) -> None:
    session[_KEY] = [i for i in session.get(_KEY, []) if i != permohonan_id]


def owns(permohonan_id: int) -> bool:
    return permohonan_id in session.get(_KEY, [])


def owned() -> list[int]:
    """The newest first: the request she sent last is the one she most likely wants."""
    return list(reversed(session.get(_KEY, [])))


def owned_request(view):
    """For views of /permohonan/<permohonan_id>/…: the view gets the request as `p`.

    A browser that has not proven the request is sent to Cek status (303, so a refused post
    becomes a page), where the number and the phone's last four digits prove it: the same
    answer whatever the request, the page or the method, so it tells nothing about the request
    and always leaves a way forward."""
    @functools.wraps(view)
    def wrapped(permohonan_id: int, **kwargs):
        if not owns(permohonan_id):
            return redirect(url_for("permohonan.status"), code=303)
        p = store.get(get_db(), permohonan_id)
        if p is None:
            abort(404)
        personal()   # her name, phone and address: never kept on the phone
        return view(p, **kwargs)
    return wrapped
