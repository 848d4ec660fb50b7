"""Pengaduan (seed 003): anyone files a complaint, without signing in, and follows it up with
its number; the admin answers it (admin/pengaduan.py)."""
from .blueprint import bp  # noqa: F401  (registered by create_app)

from . import cek, kirim  # noqa: F401  (their routes)
