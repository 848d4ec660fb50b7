"""Konsultasi Online (issue 18): a consultation's room for the citizen and the assigned officer,
with the Kepala Kantor able to look in. ruang.py is the room and its messages (read, send, end);
akses.py decides who is in which room. The rules are pwa/domain/konsultasi.py."""
from .blueprint import bp  # noqa: F401  (registered by create_app)

from . import ruang  # noqa: F401  (its routes)
