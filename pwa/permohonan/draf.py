"""The draft of the request a phone is filling in: its answers (store/draf.py), found through
the session. The step form, the one-page form's hand-over and the home page's "continue" use
this one place, so the session key is written once."""
import secrets

from flask import current_app, session

from ..services import draf as service
from ..store import draf as store, transaction
from ..web.db import get_db

SESSION_KEY = "draf_id"


def current_id() -> str | None:
    return session.get(SESSION_KEY)


def load() -> dict | None:
    """The answers so far, or None when this phone has no draft (or it expired)."""
    draft_id = current_id()
    if not draft_id:
        return None
    data = service.load(get_db(), current_app.config, draft_id)
    if data is None:
        session.pop(SESSION_KEY, None)
    return data


def save(data: dict) -> None:
    with transaction(get_db()) as db:
        store.save(db, session[SESSION_KEY], data)


def start(data: dict | None = None) -> None:
    """A new draft for this phone. Its idempotency key travels with it: submitting twice (a
    double tap, a retry) creates one request."""
    draft_id = secrets.token_urlsafe(24)
    answers = {"idempotency_key": secrets.token_urlsafe(24)}
    answers.update(data or {})
    with transaction(get_db()) as db:
        store.create(db, draft_id)
        store.save(db, draft_id, answers)
    session[SESSION_KEY] = draft_id


def finish() -> None:
    """The draft became a request (the store deleted it in the same transaction)."""
    session.pop(SESSION_KEY, None)
