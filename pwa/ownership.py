"""Which requests this browser has proven it owns (registration number + phone digits).

Kept in the signed session: a citizen who submitted or looked up a request may see it and its
documents; nobody else may, whatever id they put in a URL.

The session is made to outlive the browser (PERMANENT_SESSION_LIFETIME, 90 days by default)
once it owns a request: a request takes days, and the grandmother who cannot recite twelve
digits finds hers on /status from the phone she sent it from. On a shared phone she can
forget one (forget), and nothing else is listed to anybody.
"""
from flask import session

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
