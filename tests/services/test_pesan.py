"""Every message a citizen can receive is one SMS: measured over every kind, every mode and
both languages with long real values (pwa/services/notifikasi.py, pwa/domain/pesan.py).

One SMS is 160 septets of the GSM 03.38 default alphabet; an extension character (€ [ ] { } ~)
takes two, and one character outside the alphabet sends the whole message as UCS-2, where an
SMS holds 70. Each message carries the registration number, the step, the date, time and
officer where there are some, a link on MENTARI_PUBLIC_URL and the office's phone."""
from datetime import date, datetime

import pytest
from babel.dates import format_date, format_datetime

from pwa import create_app, demo
from pwa.bahasa.locales import locale_for
from pwa.domain import nomor, pesan
from pwa.domain.workflow import Aksi, Mode
from pwa.services import notifikasi

# The longest service name the office has, an officer's long name with titles, the longest
# address the office would publish, its phone as written on its letterhead.
LONGEST_SERVICE = max((s[1] for s in demo.DEMO_SERVICES), key=len)
LONG_OFFICER = "Dra. Ni Komang Ayu Sri Wahyuni"
PUBLIC_URL = "https://mentari.kemenag-karangasem.go.id"
PHONE = "(0363) 21011"
NUMBER = "482173056294"
# Two-digit days and a Wednesday (Rabu / Buda): the longest dates either language writes.
DEADLINE, SERVICE_AT = "2026-12-30", "2026-12-30T10:30"
LANGUAGES = ("id", "ban")
KEBERATAN = ("diterima", "ditolak")
OFFICER_NAMED = {Aksi.SETUJUI, Aksi.LAPOR}


def _app(public_url=PUBLIC_URL, phone=PHONE):
    return create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE": ":memory:",
                       "PUBLIC_URL": public_url, "KANTOR_TELEPON": phone})


def _request(language: str, mode: Mode, service=LONGEST_SERVICE, officer=LONG_OFFICER) -> dict:
    return {"id": 1, "nomor": NUMBER, "layanan_nama": service, "mode": str(mode),
            "bahasa": language, "petugas_nama": officer, "batas_sop": DEADLINE,
            "jadwal_petugas": SERVICE_AT, "telepon": "081234567890"}


def every_message(app, **request_values) -> list[tuple[str, str, str]]:
    """(language, kind, text) for every message there is."""
    out = []
    with app.test_request_context():
        for language in LANGUAGES:
            for mode in Mode:
                for aksi in sorted(pesan.TELLS):
                    if aksi is not Aksi.SETUJUI and mode is not Mode.LANGSUNG:
                        continue  # the same words in every mode but the approval's
                    kind = f"{aksi}-{mode}" if aksi is Aksi.SETUJUI else str(aksi)
                    out.append((language, kind, notifikasi.message(
                        _request(language, mode, **request_values), aksi)))
            out.append((language, "ruang-konsultasi", notifikasi.room_reminder(
                _request(language, Mode.KONSULTASI, **request_values))[0]))
            for state in KEBERATAN:
                out.append((language, f"keberatan-{state}", notifikasi.keberatan_message(
                    _request(language, Mode.LANGSUNG, **request_values), state,
                    request_values.get("officer", LONG_OFFICER))))
    return out


def test_every_message_in_both_languages_is_one_sms_and_says_what_and_when():
    app = _app()
    longest: dict[tuple, int] = {}
    for language, kind, text in every_message(app):
        length = pesan.septets(text)
        assert length is not None, f"{language} {kind} is not GSM-7: {text}"
        assert length <= pesan.SMS_LIMIT, f"{language} {kind}: {length} characters: {text}"
        assert pesan.sms_parts(text) == 1
        assert text.startswith(f"MENTARI {nomor.grouped(NUMBER)}")
        link = "/konsultasi/1 " if kind == "ruang-konsultasi" else "/status"
        assert f"{PUBLIC_URL}{link}" in text and PHONE in text, (language, kind, text)
        longest[(language, kind)] = length
        locale = locale_for(language)
        if kind.startswith(("setujui", "lapor", "keberatan-diterima")):
            assert LONG_OFFICER in text, f"{language} {kind} cut the officer's name: {text}"
        if kind == "ruang-konsultasi":
            assert "10.30" in text, text   # sent on the day: the time the consultation starts
        if kind.startswith("setujui"):
            when = format_datetime(datetime.fromisoformat(SERVICE_AT), "EEE d MMM HH.mm",
                                   locale=locale)
            assert when in text, f"{language} {kind} lacks {when!r}: {text}"
        if kind == "ajukan":
            assert format_date(date.fromisoformat(DEADLINE), "EEE d MMM", locale=locale) in text
    assert len(longest) == 2 * (len(pesan.TELLS) - 1 + len(Mode) + 1 + len(KEBERATAN))


def test_a_balinese_message_is_not_the_indonesian_one():
    texts = {(language, kind): text for language, kind, text in every_message(_app())}
    for (language, kind), text in texts.items():
        if language == "ban":
            assert text != texts[("id", kind)], kind


def test_even_extreme_names_and_settings_leave_one_sms():
    """The longest address and phone start-up allows, a 150-character service name with
    characters outside GSM-7, a 120-character officer: still one GSM-7 SMS, with the number,
    the date and time, the link and the phone; the service's name gives way first."""
    url = "https://" + "m" * 35 + ".go.id"  # + /status: 50, the most config allows
    phone = "+62 363 21011 ext"[:16]
    service = ("Rekomendasi “khusus” pendirian rumah ibadah – Pura, Masjid, Gereja, Vihara, "
               "Klenteng – untuk banjar, desa adat, dan yayasan keagamaan di Karangasem ó")[:150]
    officer = ("Prof. Dr. I Gusti Ngurah Agung Made Putra Wirawan Séna Adhi Kusuma, S.Ag., "
               "M.Pd.H., dan Ni Luh Putu Ayu Sri Wahyuni Pradnyaswari")[:120]
    app = _app(url, phone)
    for language, kind, text in every_message(app, service=service, officer=officer):
        assert pesan.septets(text) is not None and pesan.septets(text) <= 160, (kind, text)
        link = f"{url}/konsultasi/1" if kind == "ruang-konsultasi" else f"{url}/status"
        assert link in text and phone in text and nomor.grouped(NUMBER) in text
        assert "“" not in text and "–" not in text
        if kind.startswith("setujui"):
            assert "10.30" in text and officer.split()[0] in text, (language, kind, text)
        if kind in ("ajukan", "tolak"):
            assert service not in text  # replaced by "permohonan"/"pinunas", never half a name


@pytest.mark.parametrize("aksi", sorted(set(Aksi) - pesan.TELLS), ids=str)
def test_the_office_s_inner_steps_send_nothing(aksi):
    with _app().test_request_context():
        assert notifikasi.message(_request("id", Mode.ANTAR_JEMPUT), aksi) is None


@pytest.mark.parametrize("state", ["diajukan", "diantar"])
def test_filing_and_delivering_a_keberatan_send_nothing(state):
    """Filing is the citizen's own act on screen; the delivery is handed over in person."""
    with _app().test_request_context():
        assert notifikasi.keberatan_message(_request("id", Mode.LANGSUNG), state) is None


def test_gsm7_is_counted_as_the_network_counts_it():
    assert pesan.septets("a" * 160) == 160 and pesan.sms_parts("a" * 160) == 1
    assert pesan.sms_parts("a" * 161) == 2
    assert pesan.septets("Rp 10.000 [biaya] €") == 22  # 19 characters; [ ] € take two each
    assert pesan.septets("Redité") == 6  # é is in the default alphabet
    assert pesan.septets("Pura Dalem “Puseh” ó") is None  # UCS-2: 70 to an SMS
    assert pesan.sms_parts("ó" * 71) == 2
    assert pesan.gsm_safe("Pura Dalem “Puseh” – ó") == 'Pura Dalem "Puseh" - o'
