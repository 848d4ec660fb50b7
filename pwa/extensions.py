"""Flask extensions and the template helpers every page uses."""
from datetime import date, datetime
from pathlib import Path

from flask import render_template
from flask_babel import Babel, format_date, format_datetime, get_locale
from flask_htmx import HTMX
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, CSRFProtect

from . import labels, language, locales, nomor

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"
SUPPORTED_LOCALES = locales.CODES

babel = Babel()
csrf = CSRFProtect()
htmx = HTMX()
limiter = Limiter(key_func=get_remote_address, default_limits=[], storage_uri="memory://")


def init_app(app):
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(I18N_DIR))
    # The selector returns Locale objects (Balinese has no CLDR data: see locales.py).
    babel.init_app(app, default_locale="id", locale_selector=language.select_locale,
                   default_timezone=app.config["OFFICE_TIMEZONE"])
    language.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)

    app.jinja_env.filters.update(
        tanggal=_format_day, waktu=_format_moment, nomor=nomor.grouped,
    )
    app.jinja_env.globals.update(labels=labels, get_locale=get_locale)
    app.jinja_env.add_extension("jinja2.ext.i18n")  # {% trans %} blocks, via Flask-Babel

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @app.errorhandler(CSRFError)
    def csrf_error(_e):
        return render_template("errors/csrf.html"), 400

    @app.errorhandler(413)
    def too_large(_e):
        return render_template("errors/too_large.html"), 413

    @app.errorhandler(403)
    def forbidden(_e):
        return render_template("errors/403.html"), 403

    @app.errorhandler(404)
    def not_found(_e):
        return render_template("errors/404.html"), 404

    @app.errorhandler(429)
    def too_many(_e):
        return render_template("errors/429.html"), 429


def _parse(value):
    if isinstance(value, str):
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return value


def _format_day(value, fmt="long"):
    if not value:
        return ""
    v = _parse(value)
    return format_date(v.date() if isinstance(v, datetime) else v, fmt)


def _format_moment(value, fmt="d MMMM y, HH.mm"):
    if not value:
        return ""
    v = _parse(value)
    if isinstance(v, datetime) and v.tzinfo is None:
        # Times typed by people (schedules) are office-local, not UTC: show them as typed.
        return format_datetime(v, fmt, rebase=False)
    return format_datetime(v, fmt)
