"""The admin's pages under /staf/admin: the service catalogue (layanan and their persyaratan),
the office's reports, the service charter (maklumat), the answers to service complaints and the
SKM follow-up and report. The sign-language clips (/staf/admin/isyarat) and voice recordings
(/staf/admin/suara) are their own packages'."""
from .blueprint import bp  # noqa: F401  (registered by create_app)

from . import laporan, layanan, maklumat, notifikasi, pengaduan, persyaratan, skm  # noqa: F401
