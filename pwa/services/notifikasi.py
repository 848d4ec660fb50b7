"""Notifications to the citizen: the words of each, queued in the caller's transaction with
the change they tell of (services/pengiriman.py sends them through the gateway).

Only the steps domain/pesan.py names send one (received, fix documents, the service set,
refused, given, a keberatan decided); the rest show in the request's timeline. Each message is
one SMS (at most 160 GSM-7 characters, domain/pesan.fit): the number, the step, the date, time
and officer where there is one, a link built from MENTARI_PUBLIC_URL, and the office's phone
(MENTARI_KANTOR_TELEPON). Written in the language the citizen used when submitting (the request
records it as `bahasa`), whoever's action sends it. Never the NIK, the address or the citizen's
name: an SMS can be read by anyone holding the phone.
"""
from datetime import date, datetime, timezone

from babel.dates import format_date, format_datetime
from flask import current_app, url_for
from flask_babel import force_locale, gettext as _

from ..bahasa.locales import locale_for
from ..domain import konsultasi as consultation
from ..domain import nomor, pesan
from ..domain.workflow import Aksi, Mode
from ..store import notifikasi as store
from ..store.db import utcnow
from . import konsultasi as rooms
from .clock import office_zone

# Short forms: one SMS has little room. Schedules are office time (WITA) as typed.
DAY_FORMAT = "EEE d MMM"
MOMENT_FORMAT = "EEE d MMM HH.mm"


def public_link(endpoint: str, **values) -> str:
    """An address for a citizen, on the configured public URL (MENTARI_PUBLIC_URL), whatever
    Host header the request that caused the message carried."""
    return current_app.config["PUBLIC_URL"] + url_for(endpoint, **values)


def _templates(aksi: Aksi, mode: str) -> str | None:
    """The message of a workflow step, in the current locale, with %(…)s for the values.
    Short on purpose: with the number, the link and the phone, about 70 characters are left
    for the step, the date and an officer's name (tests/services/test_pesan.py measures)."""
    if aksi is Aksi.AJUKAN:
        return _("MENTARI %(nomor)s: %(layanan)s diterima, selesai paling lambat %(batas)s. "
                 "%(tautan)s Info %(telepon)s")
    if aksi is Aksi.KEMBALIKAN:
        return _("MENTARI %(nomor)s: dokumen %(layanan)s perlu diperbaiki. Alasannya: "
                 "%(tautan)s Info %(telepon)s")
    if aksi is Aksi.SETUJUI:
        return {
            Mode.ANTAR_JEMPUT: _("MENTARI %(nomor)s: %(petugas)s menjemput Anda %(waktu)s. "
                                 "%(tautan)s Info %(telepon)s"),
            Mode.JEMPUT_BOLA: _("MENTARI %(nomor)s: %(petugas)s datang ke rumah Anda "
                                "%(waktu)s. %(tautan)s Info %(telepon)s"),
            Mode.KONSULTASI: _("MENTARI %(nomor)s: konsultasi dengan %(petugas)s %(waktu)s "
                               "di %(tautan)s Info %(telepon)s"),
            Mode.LANGSUNG: _("MENTARI %(nomor)s: temui %(petugas)s di kantor %(waktu)s. "
                             "%(tautan)s Info %(telepon)s"),
        }[Mode(mode)]
    if aksi is Aksi.TOLAK:
        return _("MENTARI %(nomor)s: %(layanan)s ditolak. Alasannya: %(tautan)s "
                 "Info %(telepon)s")
    if aksi is Aksi.LAPOR:
        return _("MENTARI %(nomor)s: %(layanan)s selesai. Mohon nilai %(petugas)s: "
                 "%(tautan)s Info %(telepon)s")
    return None


def _room_template() -> str:
    # i18n: sent as a consultation's room opens (issue 18); %(jam)s is the booked time (the
    # day is in the approval's SMS), %(tautan)s the room's address.
    return _("MENTARI %(nomor)s: ruang konsultasi sudah buka, mulai %(jam)s. "
             "Masuk: %(tautan)s Info %(telepon)s")


def _keberatan_template(state: str) -> str | None:
    if state == "diterima":
        return _("MENTARI %(nomor)s: keberatan diterima, %(petugas)s mengantar hasilnya. "
                 "%(tautan)s Info %(telepon)s")
    if state == "ditolak":
        return _("MENTARI %(nomor)s: keberatan tidak diterima. Alasannya: %(tautan)s "
                 "Info %(telepon)s")
    return None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment.replace(tzinfo=None)  # office time as typed, never moved to another zone


def _values(permohonan: dict, locale, petugas: str | None = None) -> dict:
    batas, waktu = _day(permohonan.get("batas_sop")), _moment(permohonan.get("jadwal_petugas"))
    return {
        "nomor": nomor.grouped(permohonan["nomor"]),
        "layanan": permohonan.get("layanan_nama") or "",
        "petugas": petugas or permohonan.get("petugas_nama") or "",
        "batas": format_date(batas, DAY_FORMAT, locale=locale) if batas else "",
        "waktu": format_datetime(waktu, MOMENT_FORMAT, locale=locale) if waktu else "",
        "tautan": public_link("permohonan.status"),
        "telepon": current_app.config["KANTOR_TELEPON"],
    }


def _shrink(service_fallback: str) -> tuple:
    """What gives way when a message would not fit one SMS, first to last: the service's name
    (to a plain "permohonan"), then the officer's name (to its first words)."""
    return (("layanan", service_fallback), ("petugas", None))


def message(permohonan: dict, aksi: Aksi) -> str | None:
    """The SMS for a workflow step on this request, or None if the step tells the citizen
    nothing. `permohonan` as the step left it (officer and schedule set)."""
    if not pesan.tells_citizen(aksi):
        return None
    locale = locale_for(permohonan.get("bahasa"))
    with force_locale(locale):
        template = _templates(aksi, permohonan["mode"])
        fallback = _("permohonan")
    return pesan.fit(template, _values(permohonan, locale), _shrink(fallback))


def room_reminder(permohonan: dict) -> tuple[str, datetime] | None:
    """The SMS that tells a consultation's citizen its room is open, and when (office time)
    to send it: one message, sent as the room opens, with the room's own address on
    MENTARI_PUBLIC_URL (the approval's SMS, at 158 of 160 characters with a long officer's
    name, has no room left for it). None for other modes."""
    waktu = _moment(permohonan.get("jadwal_petugas"))
    if permohonan.get("mode") != Mode.KONSULTASI or waktu is None:
        return None
    opens = consultation.opens_at(waktu.isoformat(), rooms.buka_menit())
    locale = locale_for(permohonan.get("bahasa"))
    with force_locale(locale):
        template = _room_template()
    values = dict(_values(permohonan, locale),
                  jam=format_datetime(waktu, "HH.mm", locale=locale),
                  tautan=public_link("konsultasi.ruang", permohonan_id=permohonan["id"]))
    return pesan.fit(template, values, _shrink("")), opens


def keberatan_message(permohonan: dict, state: str, petugas: str | None = None) -> str | None:
    """The SMS for a keberatan decision (`petugas`: who takes the result home), or None."""
    if state not in pesan.KEBERATAN_TELLS:
        return None
    locale = locale_for(permohonan.get("bahasa"))
    with force_locale(locale):
        template = _keberatan_template(state)
    return pesan.fit(template, _values(permohonan, locale, petugas), _shrink(""))


def tell(db, permohonan: dict, aksi: Aksi, now: str | None = None) -> None:
    """Queue the step's message (inbox, and SMS when there is a phone), if it sends one."""
    text = message(permohonan, aksi)
    if aksi is Aksi.LAPOR:
        # Served before the room opened (the citizen came early, or by telephone): the room's
        # SMS would call them to a consultation already held.
        store.withdraw_ahead(db, permohonan["id"], now or utcnow())
    if text is not None:
        store.add(db, permohonan["id"], text, permohonan.get("telepon"), now)
    reminder = room_reminder(permohonan) if aksi is Aksi.SETUJUI else None
    if reminder is not None:
        text, opens = reminder
        at = opens.replace(tzinfo=office_zone()).astimezone(timezone.utc)
        # Never dated before the approval itself (a room booked to open at once).
        store.add(db, permohonan["id"], text, permohonan.get("telepon"),
                  max(at.isoformat(timespec="seconds"), now or utcnow()))


def tell_keberatan(db, permohonan: dict, state: str, petugas: str | None = None,
                   now: str | None = None) -> None:
    text = keberatan_message(permohonan, state, petugas)
    if text is not None:
        store.add(db, permohonan["id"], text, permohonan.get("telepon"), now)
