"""The app around the pages: the web manifest and service worker that make MENTARI installable
and usable without a signal (/luring), the display settings (/tampilan), the health check, and
the development gallery of components (/dev/komponen, shell/komponen.py, never in production).
"""
from .blueprint import bp  # noqa: F401  (registered by create_app)

from . import favicon, healthz, luring, manifest, sw, tampilan  # noqa: F401  (their routes)
