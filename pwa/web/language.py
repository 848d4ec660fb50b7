"""Which language a visitor reads: Bahasa Indonesia (the default) or Basa Bali.

In order: `?lang=` (a shared link, the switch in the header, the first-visit choice), then the
choice remembered in a cookie, then the browser's Accept-Language, then Indonesian.

A cookie (not the session) for the same reason as the display settings: the language belongs
to the device and the person holding it, lasts beyond the browser session, and must survive a
staff member signing out on a shared office tablet.
"""
from urllib.parse import urlencode

from flask import current_app, g, has_request_context, request
from flask_babel import force_locale, get_locale, lazy_gettext as _l

from ..bahasa.locales import AUTONYMS, CODES, INDONESIAN, locale_for
from . import tampilan

COOKIE = "bahasa"
ONE_YEAR = 365 * 24 * 3600


def _code(value: str | None) -> str | None:
    """'ban', 'BAN' or 'ban-ID' → 'ban'; anything MENTARI does not speak → None."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if code in CODES else None


def asked() -> str | None:
    """The language this very request asks for with ?lang=, if one MENTARI speaks."""
    return _code(request.args.get("lang"))


def remembered() -> str | None:
    return _code(request.cookies.get(COOKIE))


def select_locale():
    """Flask-Babel's locale selector. Returns a Locale object, never a code: Flask-Babel would
    Locale.parse() a code, and CLDR has no "ban" (see locales.py)."""
    if not has_request_context():
        return locale_for(INDONESIAN)
    code = (asked() or remembered()
            or request.accept_languages.best_match(CODES) or INDONESIAN)
    return locale_for(code)


def switch_url(code: str) -> str:
    """This page again, in another language: the same path and query, with lang= set."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    return request.path + "?" + urlencode(args + [("lang", code)])


def _remember(response):
    code = asked()
    # Only a page remembers the choice: /suara/prompt?lang=ban is a sound in Balinese (the
    # admin's recordings page plays one), not a wish to read Balinese from now on.
    if code and code != remembered() and response.mimetype == "text/html":
        # Not HttpOnly: the service worker reads it (cookieStore) to show a kept page only
        # in the language it was kept in. It holds no secret.
        response.set_cookie(COOKIE, code, max_age=ONE_YEAR, samesite="Lax", httponly=False,
                            secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
    # The same URL is a different page in another language: caches must key on these.
    response.vary.add("Cookie")
    response.vary.add("Accept-Language")
    return response


def _in_language(code: str, phrase) -> str:
    """A phrase (lazy_gettext) in the language it is about: the switch and the first-visit
    choice speak to someone who reads that language, whatever this page's language is."""
    with force_locale(locale_for(code)):
        return str(phrase)


def _template_values():
    if not has_request_context():
        return {}
    current = str(get_locale())
    return {
        # The other language, named in itself, with the link that switches to it.
        "language_links": [(code, AUTONYMS[code], switch_url(code),
                             _in_language(code, _l("Ganti bahasa ke %(bahasa)s",
                                                   bahasa=AUTONYMS[code])))
                            for code in CODES if code != current],
        "language_choices": [(code, AUTONYMS[code], switch_url(code), code == current)
                             for code in CODES],
        "language_prompts": [(code, _in_language(code, _l("Pilih bahasa"))) for code in CODES],
        # The first-visit choice: shown to citizens on their first page, unless they came
        # with a language already chosen.
        "language_offer": not (asked() or remembered() or g.get("staf"))
        and tampilan.first_visit(),
    }


def init_app(app):
    app.after_request(_remember)
    app.context_processor(_template_values)
