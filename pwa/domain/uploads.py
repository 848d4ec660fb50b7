"""Checking uploaded documents by their content, never by their name. Pure Python.

The first bytes decide the type (filetype reads magic numbers); the file name the browser sent
is kept only for display. Storing the file is the store's (store/files.py).
"""
import os
from dataclasses import dataclass

import filetype

ACCEPTED = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}


class UploadRefused(Exception):
    """`reason` is a stable code: empty, too_large, wrong_type."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class CheckedFile:
    data: bytes
    mime: str
    original_name: str


def check(data: bytes, original_name: str, max_bytes: int,
          accepted=tuple(ACCEPTED)) -> CheckedFile:
    if not data:
        raise UploadRefused("empty")
    if len(data) > max_bytes:
        raise UploadRefused("too_large")
    kind = filetype.guess(data[:8192])
    if isinstance(accepted, str):  # a requirement stores its kinds as "pdf,jpeg"
        accepted = tuple(accepted.split(","))
    allowed = {ACCEPTED[k] for k in accepted if k in ACCEPTED}
    if kind is None or kind.mime not in allowed:
        raise UploadRefused("wrong_type")
    return CheckedFile(data, kind.mime, safe_display_name(original_name))


def safe_display_name(name: str) -> str:
    base = os.path.basename((name or "").replace("\\", "/"))
    return "".join(ch for ch in base if ch.isprintable())[:120] or "dokumen"


def extension(mime: str) -> str:
    return {v: k for k, v in ACCEPTED.items()}[mime]


def budget_problem(size: int, *, draft_bytes: int, all_drafts_bytes: int, free_bytes: int,
                   per_draft: int, all_drafts: int, keep_free: int) -> str | None:
    """Whether one more upload of `size` bytes fits: in this draft (one person's request, so
    one person cannot fill the disk), in all unsubmitted drafts together (many people at once
    cannot either), and on the disk, which must keep room for the office's own data."""
    if draft_bytes + size > per_draft:
        return "draft_full"
    if all_drafts_bytes + size > all_drafts or free_bytes - size < keep_free:
        return "office_full"
    return None
