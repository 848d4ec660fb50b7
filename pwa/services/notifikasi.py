"""Notifications to the citizen: the words of each, queued in the caller's transaction with
the change they tell of (services/pengiriman.py sends them through the gateway).

Written in the language the citizen used when submitting (the request records it as `bahasa`),
whoever's action sends it. Messages name the request number, the service and the new state, and
never the NIK or the address: an SMS can be read by anyone holding the phone.
"""
from flask import current_app, url_for
from flask_babel import force_locale, gettext as _

from ..bahasa import labels
from ..bahasa.locales import locale_for
from ..domain import nomor
from ..domain.workflow import Status, next_for_citizen
from ..store import notifikasi as store


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
        parts.append(_("Cek status: %(url)s", url=public_link("permohonan.status")))
        return " ".join(parts)


def public_link(endpoint: str, **values) -> str:
    """An address for a citizen, on the configured public URL (MENTARI_PUBLIC_URL), whatever
    Host header the request that caused the message carried."""
    return current_app.config["PUBLIC_URL"] + url_for(endpoint, **values)


def keberatan_message(permohonan: dict, state: str) -> str:
    with force_locale(locale_for(permohonan.get("bahasa"))):
        return " ".join([
            _("MENTARI: permohonan %(nomor)s.", nomor=nomor.grouped(permohonan["nomor"])),
            labels.of(labels.KEBERATAN, state) + ".",
        ])


def tell_status(db, permohonan: dict, status: str, now: str | None = None) -> None:
    """Queue 'your request is now in this state' (inbox, and SMS when there is a phone)."""
    store.add(db, permohonan["id"], status_message(permohonan, status),
              permohonan.get("telepon"), now)


def tell_keberatan(db, permohonan: dict, state: str, now: str | None = None) -> None:
    store.add(db, permohonan["id"], keberatan_message(permohonan, state),
              permohonan.get("telepon"), now)
