"""The SMS a complainant who left a phone receives (issue 17.9): when the complaint is received
(with its number, so it is not lost), at each answer of the office, and when it is handed to the
Kepala Kantor and the integrity team. Queued in the caller's transaction with the change it tells
of; services/pengiriman.py sends it.

Each one SMS (at most 160 GSM-7 characters, tests/pengaduan measure every message in both
languages): the number and what happened, and the link to /pengaduan/cek where the follow-up is
read. Never the complaint's text or the office's answer: an SMS can be read by anyone holding
the phone, and the answer may be long. Written in the language the complaint was filed in.
"""
from flask_babel import force_locale, gettext as _

from ..bahasa.locales import locale_for
from ..domain import nomor, pengaduan as rules, telepon
from ..store import notifikasi as store
from .notifikasi import public_link

DITERIMA = "diterima"  # the complaint arrived (the other events are the states and ALIHKAN)


def _template(event: str) -> str:
    if event == DITERIMA:
        return _("MENTARI: pengaduan %(nomor)s kami terima. Simpan nomor ini untuk melihat "
                 "tindak lanjutnya: %(tautan)s")
    if event == rules.DITINDAKLANJUTI:
        return _("MENTARI: pengaduan %(nomor)s sudah ditanggapi kantor. Baca tanggapannya "
                 "dengan nomor ini: %(tautan)s")
    if event == rules.SELESAI:
        return _("MENTARI: pengaduan %(nomor)s selesai ditindaklanjuti. Baca tanggapan "
                 "kantor dengan nomor ini: %(tautan)s")
    if event == rules.ALIHKAN:
        return _("MENTARI: pengaduan %(nomor)s diteruskan kepada Kepala Kantor dan tim "
                 "integritas. Lihat: %(tautan)s")
    raise ValueError(f"no message for {event!r}")


def message(pengaduan: dict, event: str) -> str:
    """The SMS telling of `event` (DITERIMA, an answer's state, or ALIHKAN)."""
    with force_locale(locale_for(pengaduan.get("bahasa"))):
        return _template(event) % {"nomor": nomor.grouped(pengaduan["nomor"]),
                                   "tautan": public_link("pengaduan.cek")}


def phone_of(pengaduan: dict) -> str | None:
    """The phone to text, when the complainant left one (not an email, not anonymous)."""
    kontak = pengaduan.get("kontak") or ""
    return kontak if kontak and telepon.is_valid(kontak) else None


def tell(db, pengaduan: dict, event: str, now: str | None = None) -> None:
    """Queue the message for a complainant who left a phone; nobody else gets one (an anonymous
    or email-only complainant reads the follow-up with the number)."""
    phone = phone_of(pengaduan)
    if phone is not None:
        store.add_for_pengaduan(db, pengaduan["id"], message(pengaduan, event), phone, now)
