"""HTTP caching and compression, which keep a page on 2G small.

- Static files get their content hash in the URL (?v=…), so a phone keeps them for a year
  (`immutable`) and still gets a changed file at once: its URL changes with it.
- Pages get an ETag and `no-cache`: a phone asks again each time, and an unchanged page costs
  a 304 of a few hundred bytes instead of the whole page.
- Pages with someone's personal details (a request, a draft, what was typed into a form, a
  one-time message) and every staff page are `no-store`: a phone that a family shares, or an
  office computer, keeps no copy of them, in the browser's cache or in the service worker's
  (which stores no page marked so). Views say so with `personal()`.
- Pages, CSS, scripts and JSON are compressed (brotli, zstd or gzip, as the browser accepts).
- The first page a phone ever opens carries the stylesheet inline (`inline_stylesheet`), so it
  paints as soon as its HTML arrives instead of waiting a round trip for the CSS; the service
  worker then keeps the file, and later pages link it (issue 21). The Content-Security-Policy
  allows exactly that text by its hash (web/headers.py).
"""
import base64
import hashlib
import os
import time

from flask import current_app, g, request, session
from flask.globals import request_ctx
from flask_compress import Compress

compress = Compress()

ONE_YEAR = 365 * 24 * 3600
# Flask-WTF's CSRF tokens are valid for an hour and are re-signed on every render, so a page's
# bytes change every second. The ETag ignores the token and names the half hour it was made
# in: a 304 then never brings back a page whose token is more than an hour old.
ETAG_PERIOD = 1800


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


INLINE_STYLESHEET = "css/mentari.css"
_inline: dict[tuple[str, int], tuple[str, str]] = {}


def inline_stylesheet() -> tuple[str, str]:
    """(text, CSP source) of the stylesheet inlined on a first visit, re-read when it changes."""
    path = os.path.join(current_app.static_folder, INLINE_STYLESHEET)
    key = (path, os.stat(path).st_mtime_ns)
    if key not in _inline:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        _inline.clear()
        _inline[key] = (text, f"'sha256-{digest}'")
    return _inline[key]


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


def personal() -> None:
    """This page shows someone's name, phone number, NIK, address or request: never kept."""
    g.personal_page = True


def _is_personal() -> bool:
    return bool(
        g.get("personal_page")
        # Staff pages show citizens' details; signed in, even a public page has their menu.
        # (Staff pages need a sign-in: the sign-in page itself is public.)
        or g.get("staf")
        # The answer to a post shows what was typed (a refused form keeps it).
        or request.method not in ("GET", "HEAD")
        # A flashed message is said once ("Permohonan … tidak lagi tercantum di HP ini").
        or request_ctx.flashes)


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
    if response.mimetype == "text/html" and _is_personal():
        response.headers["Cache-Control"] = "private, no-store"
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


def _inline_css():
    from markupsafe import Markup
    return Markup(inline_stylesheet()[0])  # nosec B704: our own stylesheet, hashed in the CSP


def _compress_refusals(response):
    """Compress error pages too. Flask-Compress leaves every status outside 2xx as it is, but a
    refused form (400, GOV.UK's pattern: the page again with its errors), a 404 or a 429 is a
    whole page a phone on 2G downloads: 42 KB instead of 11."""
    if (400 <= response.status_code < 600 and not response.is_streamed
            and "Content-Encoding" not in response.headers and response.get_etag()[0] is None):
        status = response.status_code
        response.status_code = 200   # what Flask-Compress asks before it compresses
        try:
            response = compress.after_request(response)
        finally:
            response.status_code = status
    return response


def init_app(app):
    app.jinja_env.globals["inline_css"] = _inline_css
    with app.app_context():
        inline_stylesheet()   # read (and hashed) once at start-up
    app.config.setdefault("COMPRESS_MIN_SIZE", 256)
    # Brotli level 5 compresses pages ~10% better than the default 4 at no visible cost.
    app.config.setdefault("COMPRESS_BR_LEVEL", 5)
    # Static files are sent as streams; Flask-Compress leaves gzip out of its streaming list,
    # but an older phone browser may know only gzip.
    app.config.setdefault("COMPRESS_ALGORITHM_STREAMING", ["br", "zstd", "gzip", "deflate"])
    # Brotli first: for our pages and CSS it is 10-20% smaller than zstd at its default level.
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "zstd", "gzip", "deflate"])
    # Registered before Compress, so it runs after it (hooks run last-registered first).
    app.after_request(_compress_refusals)
    compress.init_app(app)
    app.url_defaults(_add_version)
    # Registered after Compress: Flask runs after_request hooks last-registered first, so the
    # ETag is taken from the uncompressed page and a 304 is never compressed.
    app.after_request(_caching)
