"""/manifest.webmanifest: what a phone needs to install MENTARI as an app."""
from flask import current_app, request, url_for
from flask_babel import gettext as _

from .blueprint import bp

THEME_COLOUR = "#0b5d3b"      # --brand in mentari.css
BACKGROUND_COLOUR = "#ffffff"


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
        "start_url": url_for("permohonan.beranda"),
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
