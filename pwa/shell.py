"""The installable app shell (issue 3): web manifest, service worker, offline pages, and the
HTTP caching and compression that keep a page on 2G small.

- Static files get their content hash in the URL (?v=…), so a phone keeps them for a year
  (`immutable`) and still gets a changed file at once: its URL changes with it.
- Pages get an ETag and `no-cache`: a phone asks again each time, and an unchanged page costs
  a 304 of a few hundred bytes instead of the whole page.
- Pages, CSS, scripts and JSON are compressed (brotli, zstd or gzip, as the browser accepts).
"""
import hashlib
import os
import time

from flask import (Blueprint, current_app, g, make_response, render_template, request,
                   session, url_for)
from flask_babel import gettext as _
from flask_compress import Compress

bp = Blueprint("shell", __name__)
compress = Compress()

ONE_YEAR = 365 * 24 * 3600
THEME_COLOUR = "#0b5d3b"      # --brand in mentari.css
BACKGROUND_COLOUR = "#ffffff"
# Flask-WTF's CSRF tokens are valid for an hour and are re-signed on every render, so a page's
# bytes change every second. The ETag ignores the token and names the half hour it was made
# in: a 304 then never brings back a page whose token is more than an hour old.
ETAG_PERIOD = 1800

# What the service worker keeps on the phone from its first visit: the look of every page,
# the scripts of the offline forms, and the pages that work without a signal.
# (Uploads need a signal anyway, so their script is not kept; neither are the install icons,
# which the browser fetches itself.)
SHELL_STATIC = ("css/mentari.css", "js/mentari.js", "js/antrean-db.js", "js/antrean.js",
                "icons/favicon-32.png")
SHELL_PAGES = ("shell.offline", "shell.saved", "luring.form", "rating.skm_form")
# Forms whose posts wait in the phone's outbox when there is no signal (the request form first).
OUTBOX_FORMS = ("luring.form", "rating.skm_form")


# --- the manifest, the service worker and the offline pages ---------------------------------

@bp.get("/manifest.webmanifest")
def manifest():
    icon = lambda name, size, purpose="any": {  # noqa: E731
        "src": url_for("static", filename=f"icons/{name}"), "sizes": f"{size}x{size}",
        "type": "image/png", "purpose": purpose}
    body = {
        "id": "/",
        "name": _("MENTARI – Layanan Kemenag Karangasem"),
        "short_name": "MENTARI",
        "description": _("Layanan Kantor Kementerian Agama Kabupaten Karangasem untuk "
                         "kelompok rentan: ajukan, cek status, dan beri penilaian."),
        "lang": str(request.accept_languages.best_match(["id"]) or "id"),
        "dir": "ltr",
        "start_url": url_for("citizen.home"),
        "scope": "/",
        "display": "standalone",
        "background_color": BACKGROUND_COLOUR,
        "theme_color": THEME_COLOUR,
        "icons": [icon("icon-192.png", 192), icon("icon-512.png", 512),
                  icon("maskable-512.png", 512, "maskable")],
    }
    response = current_app.response_class(
        current_app.json.dumps(body), mimetype="application/manifest+json")
    response.headers["Cache-Control"] = "no-cache"
    response.add_etag()
    return response.make_conditional(request)


def shell_urls() -> list[str]:
    return ([url_for("static", filename=f) for f in SHELL_STATIC]
            + [url_for(endpoint) for endpoint in SHELL_PAGES])


@bp.get("/sw.js")
def service_worker():
    """Served from the root so its scope is the whole site; never cached by HTTP, so a new
    version reaches phones on their next visit."""
    urls = shell_urls()
    version = hashlib.sha256("\n".join(urls).encode()).hexdigest()[:12]
    body = render_template("shell/sw.js", version=version, shell=urls,
                           offline=url_for("shell.offline"), saved=url_for("shell.saved"),
                           outbox=[url_for(endpoint) for endpoint in OUTBOX_FORMS],
                           db_script=url_for("static", filename="js/antrean-db.js"),
                           prompt_prefix=url_for("suara.prompt", key="x").rsplit("/", 1)[0] + "/")
    response = make_response(body)
    response.mimetype = "text/javascript"
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    response.add_etag()
    return response.make_conditional(request)


@bp.get("/luring")
def offline():
    """Shown by the service worker when a page is not on the phone and there is no signal."""
    return render_template("shell/luring.html")


@bp.get("/luring/tersimpan")
def saved():
    """Where a form saved on the phone lands; its script shows what happened to the answers."""
    return render_template("shell/tersimpan.html")


# --- versioned static URLs, caching headers, compression ------------------------------------

_digests: dict[tuple[str, int], str] = {}


def static_version(filename: str) -> str | None:
    """The first 10 hex digits of the file's sha256, recomputed when the file changes."""
    path = os.path.join(current_app.static_folder, filename)
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError:
        return None
    key = (path, stamp)
    if key not in _digests:
        with open(path, "rb") as f:
            _digests[key] = hashlib.sha256(f.read()).hexdigest()[:10]
    return _digests[key]


def _add_version(endpoint, values):
    if endpoint == "static" and "filename" in values and "v" not in values:
        version = static_version(values["filename"])
        if version:
            values["v"] = version


def _page_etag(response) -> str:
    body = response.get_data()
    token = g.get("csrf_token")
    if token:
        body = body.replace(token.encode(), b"")
    # The signed token may be left out only because the session's own secret is hashed in:
    # a visitor with a new session (cookies cleared, signed out, expired) must get a page with
    # a token for that session, not a 304 that keeps a form whose token no longer matches.
    secret = str(session.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), ""))
    digest = hashlib.sha256(body + b"\0" + secret.encode()).hexdigest()[:20]
    return f"{digest}-{int(time.time() // ETAG_PERIOD)}"


def _caching(response):
    if request.endpoint == "static":
        version = request.args.get("v")
        if version and version == static_version(request.view_args["filename"]):
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR
            response.cache_control.immutable = True
            response.cache_control.no_cache = None
        else:
            response.cache_control.no_cache = True
        return response
    if (request.method in ("GET", "HEAD") and response.status_code == 200
            and response.mimetype == "text/html" and not response.is_streamed):
        if "Cache-Control" not in response.headers:
            # private: pages carry the visitor's session (a CSRF token, their display mode).
            response.headers["Cache-Control"] = "private, no-cache"
        if "no-store" not in response.headers["Cache-Control"]:
            response.set_etag(_page_etag(response), weak=True)
            response.make_conditional(request)
    return response


def init_app(app):
    app.config.setdefault("COMPRESS_MIN_SIZE", 256)
    # Brotli level 5 compresses pages ~10% better than the default 4 at no visible cost.
    app.config.setdefault("COMPRESS_BR_LEVEL", 5)
    # Static files are sent as streams; Flask-Compress leaves gzip out of its streaming list,
    # but an older phone browser may know only gzip.
    app.config.setdefault("COMPRESS_ALGORITHM_STREAMING", ["br", "zstd", "gzip", "deflate"])
    # Brotli first: for our pages and CSS it is 10-20% smaller than zstd at its default level.
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "zstd", "gzip", "deflate"])
    compress.init_app(app)
    app.url_defaults(_add_version)
    # Registered after Compress: Flask runs after_request hooks last-registered first, so the
    # ETag is taken from the uncompressed page and a 304 is never compressed.
    app.after_request(_caching)
