"""The staff workflow (seed 000 §2.1.7) under /staf: signing in, the queue of each role, a
request's page with the steps each role may take now, the printed check sheet, documents, and
the staff side of keberatan (seed 004), and the integrity complaints the Kepala Kantor and the
integrity team answer. The admin's pages are the admin package's."""
from .blueprint import bp  # noqa: F401  (registered by create_app)

from . import (antrean, cari, cetak, dokumen, integritas, keberatan, masuk, peran,  # noqa: F401
               permohonan, sandi)
