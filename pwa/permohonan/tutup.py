"""How a closed layanan or mode reads beside its name, wherever a citizen chooses one."""
from flask_babel import gettext as _

from ..web.filters import tanggal


def closed_reason(is_open: bool, reopen: str | None) -> str | None:
    if is_open:
        return None
    if reopen:
        return _("Ditutup sementara. Dibuka kembali %(tanggal)s.", tanggal=tanggal(reopen))
    return _("Ditutup sementara.")
