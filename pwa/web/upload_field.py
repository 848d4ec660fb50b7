"""A file field of a form, checked by its content: the one rule for every upload a person makes
(a requirement's document, a returned document fixed, the officer's report attachment).

A refused file gets a translated message on its own field, so the error summary links to it
and the other answers on the page are kept.
"""
from flask import current_app

from ..bahasa import labels
from ..domain import uploads


def chosen(field) -> bool:
    """Whether a file was picked in this field (an empty file input sends no name)."""
    data = field.data
    return bool(data is not None and getattr(data, "filename", ""))


def max_mb() -> str:
    """The size limit as people read it: "5", "2.5"."""
    return f"{current_app.config['UPLOAD_MAX_BYTES'] / 1048576:g}"


def checked(field, accepted=tuple(uploads.ACCEPTED)) -> uploads.CheckedFile | None:
    """The field's file when it passes; None (with the message on the field) when refused.
    `accepted` is a requirement's kinds ("pdf,jpeg") or a tuple of them."""
    upload = field.data
    try:
        return uploads.check(upload.read(), upload.filename,
                             current_app.config["UPLOAD_MAX_BYTES"], accepted)
    except uploads.UploadRefused as refusal:
        field.errors = [labels.of(labels.UPLOAD_REFUSAL, refusal.reason) % {"mb": max_mb()}]
        return None
