"""/favicon.ico: the icon browsers ask for by that name whatever the page links (older phone
browsers, and every browser for a page that links none, such as a JSON answer). Without it
each such request gets the full not-found page, about 42 KB, which on 2G holds up the page
the citizen is waiting for."""
from flask import current_app, send_from_directory

from ..web.caching import ONE_YEAR
from .blueprint import bp


@bp.get("/favicon.ico")
def favicon():
    # PNG under the .ico name: every browser that asks this path reads PNG icons.
    return send_from_directory(current_app.static_folder, "icons/favicon-32.png",
                               mimetype="image/png", max_age=ONE_YEAR // 365)
