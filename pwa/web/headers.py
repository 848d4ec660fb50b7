"""Security headers on every response.

- Content-Security-Policy: scripts, styles, fonts, media and connections from this site only,
  no inline script or style (but for the first visit's stylesheet, allowed by its hash), no
  eval, no framing. A script injected through some field we
  failed to escape would not run.
- Permissions-Policy: the microphone only where voice mode or a recorder needs it, the camera
  only on the sign-language clip recorder; everything else off.
- Strict-Transport-Security once the site is reached over HTTPS (in production behind a proxy,
  MENTARI_PROXIES makes the scheme known).
"""
from flask import request

from . import tampilan
from .caching import inline_stylesheet

CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' {inline_style}",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
# Endpoints whose page records sound, or sound and video, in the browser.
RECORDS_SOUND = frozenset({"suara.rekam"})
# A consultation's room records voice notes and sign-language video messages.
RECORDS_VIDEO = frozenset({"isyarat.tambah", "konsultasi.ruang"})
OFF = ("geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), "
       "display-capture=(), accelerometer=(), gyroscope=(), magnetometer=()")
HSTS = "max-age=31536000; includeSubDomains"


def permissions() -> str:
    endpoint = request.endpoint or ""
    voice = tampilan.current().get("suara") == "aktif"
    microphone = endpoint in RECORDS_SOUND | RECORDS_VIDEO or voice
    camera = endpoint in RECORDS_VIDEO
    return (f"microphone=({'self' if microphone else ''}), "
            f"camera=({'self' if camera else ''}), {OFF}")


def init_app(app):
    @app.after_request
    def security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        # The first visit's inline stylesheet, allowed by its hash (web/caching.py).
        response.headers.setdefault("Content-Security-Policy",
                                    CSP.format(inline_style=inline_stylesheet()[1]))
        response.headers.setdefault("Permissions-Policy", permissions())
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        return response
