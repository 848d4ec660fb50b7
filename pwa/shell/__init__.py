"""The app around the pages: the web manifest and service worker that make MENTARI installable
and usable without a signal (/luring), the display settings (/tampilan), the health check, and
the development gallery of components (/dev/komponen, shell/komponen.py, never in production).
"""
from flask import Blueprint

bp = Blueprint("shell", __name__)

from . import healthz, luring, manifest, sw, tampilan  # noqa: E402,F401  (their routes)
