"""Template filters and globals for dates, times and numbers, written the reader's way."""
from datetime import date, datetime

from flask_babel import format_date, format_datetime, get_locale

from ..bahasa import labels
from ..domain import nomor


def _parse(value):
    if isinstance(value, str):
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return value


def tanggal(value, fmt="long"):
    if not value:
        return ""
    v = _parse(value)
    return format_date(v.date() if isinstance(v, datetime) else v, fmt)


def waktu(value, fmt="d MMMM y, HH.mm"):
    if not value:
        return ""
    v = _parse(value)
    if isinstance(v, datetime) and v.tzinfo is None:
        # Times typed by people (schedules) are office-local, not UTC: show them as typed.
        return format_datetime(v, fmt, rebase=False)
    return format_datetime(v, fmt)


def init_app(app):
    app.jinja_env.filters.update(tanggal=tanggal, waktu=waktu, nomor=nomor.grouped)
    app.jinja_env.globals.update(labels=labels, get_locale=get_locale)
    app.jinja_env.add_extension("jinja2.ext.i18n")  # {% trans %} blocks, via Flask-Babel
