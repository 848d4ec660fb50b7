"""How many new requests a client and a phone number may make: each one texts that phone, so
without a limit anyone could have the office send SMS to any number, as often as they like.
Checked only when a request is about to be created: a retry of one already sent (same
idempotency key) never counts."""
from flask import current_app
from flask_babel import gettext as _

from ...web import batas


def refusal(telepon: str) -> str | None:
    """The translated reason this new request may not be made now, or None."""
    config = current_app.config
    if batas.hit("ajukan", batas.client(), config["SUBMIT_RATE_LIMIT"]):
        return _("Terlalu banyak permohonan dikirim dari perangkat ini. Coba lagi nanti, atau "
                 "minta bantuan petugas kantor.")
    if batas.hit("ajukan-hp", telepon, config["SUBMIT_PHONE_LIMIT"]):
        return _("Nomor HP ini sudah dipakai untuk beberapa permohonan hari ini. Coba lagi "
                 "besok, atau hubungi kantor di %(telepon)s.", telepon=config["KANTOR_TELEPON"])
    return None
