"""Which requests this browser has proven it owns (registration number + phone digits).

Kept in the signed session: a citizen who submitted or looked up a request may see it and its
documents; nobody else may, whatever id they put in a URL.
"""
from flask import session

_KEY = "milik"
_MAX = 10  # a shared family phone tracks a few requests; cap the cookie size


def grant(permohonan_id: int) -> None:
    owned = [i for i in session.get(_KEY, []) if i != permohonan_id]
    session[_KEY] = (owned + [permohonan_id])[-_MAX:]


def owns(permohonan_id: int) -> bool:
    return permohonan_id in session.get(_KEY, [])


def owned() -> list[int]:
    return list(session.get(_KEY, []))
