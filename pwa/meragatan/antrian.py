"""/antrian: the TV board by the counters."""
from flask import make_response, render_template, request

from ..services.clock import office_today
from ..store import tiket as store
from ..web.db import get_db
from ..web.extensions import htmx
from .blueprint import bp
from .forms import LOKET

RECENT_CALLS = 6


@bp.get("/antrian")
def antrian():
    """The TV by the counters. No names: only ticket numbers are shown to the waiting room."""
    db = get_db()
    hari = office_today().isoformat()
    calls = store.recent_calls(db, hari, RECENT_CALLS)
    context = {
        "calls": calls,
        "latest": calls[0] if calls else None,
        "counts": store.waiting_counts(db, hari),
        "loket": LOKET,
    }
    fragment = bool(htmx) or request.args.get("fragment") == "1"
    template = "meragatan/_board.html" if fragment else "meragatan/antrian.html"
    response = make_response(render_template(template, **context))
    # The service worker and proxies must not keep an old board on the TV.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Vary"] = "HX-Request"
    return response
