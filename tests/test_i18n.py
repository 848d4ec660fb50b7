"""Bahasa Indonesia and Basa Bali (issue 4): choosing, remembering, Balinese pages with
Indonesian conventions for dates and numbers, notifications in the citizen's language."""
import re
from datetime import date

import pytest
from flask_babel import force_locale, format_date, gettext

from pwa.bahasa import locales
from pwa.domain.workflow import Aksi
from pwa.services import notifikasi as notices
from pwa.web.language import COOKIE

from tests.pages import text_of
from tests.flows import submit_request


# The message a citizen gets when their request arrives (services/notifikasi.py).
RECEIVED = ("MENTARI %(nomor)s: %(layanan)s diterima, selesai paling lambat %(batas)s. "
            "%(tautan)s Info %(telepon)s")


def balinese(app, msgid: str, **values) -> str:
    """The Balinese catalogue's words for an Indonesian source text."""
    with app.test_request_context(), force_locale(locales.locale_for("ban")):
        return gettext(msgid, **values)


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.get_data(as_text=True)).group(1)


def test_balinese_has_no_cldr_data_yet_works():
    from babel import Locale, UnknownLocaleError
    with pytest.raises(UnknownLocaleError):
        Locale.parse("ban")
    ban = locales.locale_for("ban")
    assert str(ban) == "ban"
    # Indonesian conventions: numbers and months as in Bali's offices, one plural form.
    assert ban.number_symbols["latn"]["decimal"] == ","
    assert ban.months["format"]["wide"][3] == "Maret"
    assert ban.plural_form(5) == "other" == ban.plural_form(1)


def test_indonesian_is_the_default(client):
    page = client.get("/")
    assert html_lang(page) == "id"
    assert "Ajukan layanan" in text_of(page)


def test_lang_link_switches_and_is_remembered(app, client):
    page = client.get("/?lang=ban")
    assert html_lang(page) == "ban"
    words = balinese(app, "Ajukan layanan")
    assert words != "Ajukan layanan" and words in text_of(page)
    assert COOKIE in str(page.headers.getlist("Set-Cookie"))
    # The next page, without ?lang=, stays Balinese.
    assert html_lang(client.get("/status")) == "ban"
    # And back, from the header's switch, which links to this same page in Indonesian.
    again = client.get("/status")
    switch = re.search(r'<a class="language-switch" href="([^"]+)" lang="id" hreflang="id"',
                       again.get_data(as_text=True))
    assert switch and switch.group(1) == "/status?lang=id"
    assert html_lang(client.get(switch.group(1))) == "id"
    assert html_lang(client.get("/")) == "id"


def test_browser_language_is_respected_and_unknown_codes_ignored(client):
    assert html_lang(client.get("/", headers={"Accept-Language": "ban, id;q=0.5"})) == "ban"
    assert html_lang(client.get("/", headers={"Accept-Language": "en-US, fr"})) == "id"
    assert html_lang(client.get("/?lang=xx")) == "id"
    assert "bahasa=" not in client.get("/?lang=xx").headers.get("Set-Cookie", "")


def test_first_visit_offers_both_languages_until_one_is_chosen(client):
    first = client.get("/").get_data(as_text=True)
    assert 'class="language-offer"' in first
    assert 'lang="ban" hreflang="ban"' in first and "Basa Bali" in first
    chosen = client.get("/?lang=id").get_data(as_text=True)
    assert 'class="language-offer"' not in chosen
    assert 'class="language-offer"' not in client.get("/").get_data(as_text=True)


def test_balinese_dates_use_balinese_day_names_and_indonesian_months(app):
    monday = date(2026, 11, 23)
    with app.test_request_context(), force_locale(locales.locale_for("ban")):
        assert format_date(monday, "EEEE, d MMMM y") == "Coma, 23 November 2026"
        assert format_date(date(2026, 11, 29), "EEEE") == "Redité"
        assert format_date(monday, "long") == "23 November 2026"
    with app.test_request_context(), force_locale(locales.locale_for("id")):
        assert format_date(monday, "EEEE, d MMMM y") == "Senin, 23 November 2026"


def test_a_request_in_balinese_is_served_and_notified_in_balinese(app, client, db):
    client.get("/?lang=ban")
    pid, _number = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    stored = db.execute("SELECT bahasa FROM permohonan WHERE id = ?", (pid,)).fetchone()[0]
    assert stored == "ban"
    status = client.get(f"/permohonan/{pid}")
    assert status.status_code == 200 and html_lang(status) == "ban"
    # Dates on the page: Indonesian month names, no error from the missing CLDR locale.
    assert re.search(r"\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|"
                     r"September|Oktober|November|Desember) \d{4}", text_of(status))
    # The notification speaks the language the citizen used, whoever triggers it.
    with app.test_request_context():
        permohonan = dict(db.execute("SELECT p.*, l.nama AS layanan_nama FROM permohonan p "
                                     "JOIN layanan l ON l.id = p.layanan_id WHERE p.id = ?",
                                     (pid,)).fetchone())
        message = notices.message(permohonan, Aksi.AJUKAN)
    received = balinese(app, RECEIVED, nomor="X", layanan="Y", batas="Z", tautan="T",
                        telepon="P").split("Y")[1].split("Z")[0]
    assert received in message and received != " diterima, selesai paling lambat "
    assert message in [r[0] for r in db.execute("SELECT isi FROM pesan WHERE permohonan_id = ?",
                                                (pid,))]


def test_catalogues_are_complete():
    """make test fails while any string lacks its Balinese (or the .pot is stale, an entry is
    fuzzy, placeholders differ, or Balinese repeats Indonesian without being a listed term)."""
    from pwa.bahasa import katalog as i18n_build
    problems = i18n_build.problems()
    assert not problems, "\n".join(problems[:20]) + (
        f"\n… {len(problems)} in all; run `python -m pwa.bahasa.katalog check`")


def test_every_balinese_translation_is_used_by_the_app(app):
    """The compiled catalogue is what the app reads: a Balinese page shows no Indonesian
    sentence that has a Balinese translation."""
    page = text_of(app.test_client().get("/?lang=ban"))
    for source in ("Ajukan layanan", "Sudah mengajukan?", "Informasi lain"):
        assert source not in page
        assert balinese(app, source) in page


def test_hearing_a_balinese_prompt_does_not_switch_the_pages_to_balinese(client, tmp_path):
    """The recordings page plays /suara/prompt/…?lang=ban: a sound in Balinese, not a wish to
    read Balinese. Only a page remembers ?lang=."""
    from speech import tts
    tts.configure(tmp_path / "cache")
    sound = client.get("/suara/prompt/bantuan.ogg?lang=ban&laju=1")
    assert sound.status_code == 200 and sound.mimetype == "audio/ogg"
    assert "bahasa=" not in " ".join(sound.headers.getlist("Set-Cookie"))
    assert html_lang(client.get("/status")) == "id"
