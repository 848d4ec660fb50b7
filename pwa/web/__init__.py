"""Plumbing every view shares: the request's database connection, the signed-in staff member
and `role_required`, the error pages and summary, the upload field, which requests a phone
owns, the phone's outbox posts, the display and language choices, and HTTP caching.

Views import from here; nothing here imports a view. `init_app` wires it all into the app.
"""
from pathlib import Path

from werkzeug.middleware.proxy_fix import ProxyFix

from . import (aksara, caching, converters, db, errors, filters, headers, language, ownership,
               staf, tampilan)
from .extensions import babel, csrf, htmx

I18N_DIR = Path(__file__).resolve().parents[2] / "i18n"


def init_app(app):
    if app.config.get("PROXIES"):
        # Behind nginx (or a load balancer): the client's address for rate limits and the
        # https scheme come from the proxies' headers, and only from as many as there are.
        hops = app.config["PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
    converters.init_app(app)  # before any blueprint adds its routes
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(I18N_DIR))
    # The selector returns Locale objects (Balinese has no CLDR data: see bahasa/locales.py).
    babel.init_app(app, default_locale="id", locale_selector=language.select_locale,
                   default_timezone=app.config["OFFICE_TIMEZONE"])
    language.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    filters.init_app(app)
    errors.init_app(app)
    caching.init_app(app)  # compression, versioned static URLs, page ETags
    db.init_app(app)
    tampilan.init_app(app)
    aksara.init_app(app)
    staf.init_app(app)
    ownership.init_app(app)
    headers.init_app(app)
