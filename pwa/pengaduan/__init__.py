"""Pengaduan (seed 003): anyone files a complaint, without signing in and without a name if they
wish (whistle-blowing), and follows it up with its number, adding information while it is
handled; the admin answers service complaints (admin/pengaduan.py), the Kepala Kantor and the
integrity team those about integrity (staf/integritas.py)."""
from .blueprint import bp  # noqa: F401  (registered by create_app)

from . import cek, keterangan, kirim  # noqa: F401  (their routes)
