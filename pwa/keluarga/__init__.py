"""Keluarga: a family sharing one phone (issue 19). "Siapa yang memakai HP ini?" (/anggota),
making, changing and removing a member, and a member's PIN. Which requests are whose is
web/ownership.py's; the rules are domain/keluarga.py's."""
from .blueprint import bp  # noqa: F401  (registered by create_app)

from . import anggota, baru, buka, hapus, ubah  # noqa: F401  (their routes)
