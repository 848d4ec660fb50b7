"""Pengaduan (seed 003): anyone files a complaint, without signing in, and follows it up with
its number; the admin answers it (admin/pengaduan.py)."""
from flask import Blueprint

bp = Blueprint("pengaduan", __name__, url_prefix="/pengaduan")

from . import cek, kirim  # noqa: E402,F401  (their routes)
