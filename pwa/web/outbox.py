"""Form posts that come from the phone's outbox: answers saved on the phone without a signal
and sent later by the service worker (static/js/outbox.js, templates/shell/sw.js).

Such a post carries the header `X-Mentari-Luring`. A page on another site cannot send a custom
header to us (the browser would first ask us with a CORS preflight, which we never allow), so
the header proves the post comes from our own page or service worker: it replaces the CSRF
token, which may have expired during the hours the phone waited for a signal.
"""
import functools
import re

from flask import current_app, jsonify, request

from .extensions import csrf

HEADER = "X-Mentari-Luring"
# Idempotency keys made by the phone (crypto.randomUUID) or by the server (token_urlsafe).
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def from_outbox() -> bool:
    return bool(request.headers.get(HEADER))


def wants_json() -> bool:
    """The outbox's retry reads a JSON answer; a page the SW forwards live wants HTML."""
    return from_outbox() and request.accept_mimetypes.best == "application/json"


def idempotency_key() -> str | None:
    key = request.form.get("kunci", "")
    return key if KEY_PATTERN.match(key) else None


def answer(status: str, **fields):
    """The outbox's JSON answer: status is terkirim, perlu_dokumen or perlu_diperbaiki."""
    return jsonify(status=status, **fields)


def accepts_outbox(view):
    """Let a form view take posts from the outbox; every other post still needs its token."""
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if (request.method == "POST" and not from_outbox()
                and current_app.config.get("WTF_CSRF_ENABLED", True)):
            csrf.protect()
        return view(*args, **kwargs)
    csrf.exempt(wrapped)
    return wrapped


def form_meta() -> dict:
    """FlaskForm meta for this post: the form's own token check is skipped for the outbox."""
    return {"csrf": False} if from_outbox() else {}
