"""The words of each notification, in the language the citizen used when submitting (the
request records it as `bahasa`), whoever's action sends it.

Messages name the request number, the service and the new state, and never the NIK or the
address: an SMS can be read by anyone holding the phone.
"""
from flask import url_for
from flask_babel import force_locale, gettext as _

from . import labels, nomor
from .locales import locale_for
from .workflow import Status, next_for_citizen


def status_message(permohonan: dict, status: str) -> str:
    with force_locale(locale_for(permohonan.get("bahasa"))):
        parts = [
            _("MENTARI: permohonan %(nomor)s (%(layanan)s).",
              nomor=nomor.grouped(permohonan["nomor"]), layanan=permohonan["layanan_nama"]),
            _("Status: %(status)s.", status=labels.of(labels.STATUS, status)),
        ]
        step = next_for_citizen(Status(status), permohonan["mode"])
        if step != "wait":
            parts.append(str(labels.NEXT_STEP[step]))
        parts.append(_("Cek status: %(url)s", url=url_for("status.lookup", _external=True)))
        return " ".join(parts)


def objection_message(permohonan: dict, keberatan_status: str) -> str:
    with force_locale(locale_for(permohonan.get("bahasa"))):
        return " ".join([
            _("MENTARI: permohonan %(nomor)s.", nomor=nomor.grouped(permohonan["nomor"])),
            labels.of(labels.KEBERATAN, keberatan_status) + ".",
        ])
