"""Checking uploaded documents by their content, never by their name. Pure Python.

The first bytes decide the type (filetype reads magic numbers); the file name the browser sent
is kept only for display. Files are stored under random names outside static/.
"""
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

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
          accepted: tuple = tuple(ACCEPTED)) -> CheckedFile:
    if not data:
        raise UploadRefused("empty")
    if len(data) > max_bytes:
        raise UploadRefused("too_large")
    kind = filetype.guess(data[:8192])
    allowed = {ACCEPTED[k] for k in accepted if k in ACCEPTED}
    if kind is None or kind.mime not in allowed:
        raise UploadRefused("wrong_type")
    return CheckedFile(data, kind.mime, safe_display_name(original_name))


def safe_display_name(name: str) -> str:
    base = os.path.basename((name or "").replace("\\", "/"))
    return "".join(ch for ch in base if ch.isprintable())[:120] or "dokumen"


def save(folder: str, checked: CheckedFile) -> str:
    """Write atomically under a random name; returns the stored name (no path)."""
    ext = {v: k for k, v in ACCEPTED.items()}[checked.mime]
    name = f"{secrets.token_hex(16)}.{ext}"
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / (name + ".part")
    tmp.write_bytes(checked.data)
    # Rename last, so a crash never leaves a half-written file under a name the store points to.
    os.replace(tmp, target / name)
    return name
