"""The admin's pages under /staf/admin: the service catalogue (layanan and their persyaratan),
the office's reports, the service charter (maklumat), the answers to service complaints, the SKM
follow-up and report, the staff accounts and the audit trail (jejak). The sign-language clips
(/staf/admin/isyarat) and voice recordings (/staf/admin/suara) are their own packages'."""
from .blueprint import bp  # noqa: F401  (registered by create_app)

from . import (akun, hari_tutup, jejak, laporan, layanan, maklumat, notifikasi,  # noqa: F401
               pengaduan, persyaratan, skm)
