"""/antrian: the board by the counters; /antrian/kiosk: the same calls on the waiting room's TV,
full screen (issue 17.7).

The kiosk view has no header, banners or offers; its type is large; each new call rings a
chime and is spoken by the app's own voice (POST /suara/ucap, static/js/antrian.js) while the
same sentence is shown as a caption; between calls it plays the office's sign-language
information clips (bahasa/labels.ISYARAT_INFO), or says honestly that none are recorded yet.
Both refresh every 10 s as a fragment. No names: only ticket numbers reach the waiting room.
"""
from flask import make_response, render_template, request

from ..domain import tiket as rules
from ..services.clock import office_today
from ..store import tiket as store
from ..web.db import get_db
from ..web.extensions import htmx
from .blueprint import bp
from .forms import LOKET

RECENT_CALLS = 6

# The number as a caller reads it out (P 0 0 1), for the spoken half of every call.
bp.add_app_template_global(rules.spoken_number, "tiket_ucapan")


def _board() -> dict:
    db = get_db()
    hari = office_today().isoformat()
    calls = store.recent_calls(db, hari, RECENT_CALLS)
    return {"calls": calls, "latest": calls[0] if calls else None,
            "counts": store.waiting_counts(db, hari), "loket": LOKET}


def _answer(page: str, fragment: str, **extra):
    wants_fragment = bool(htmx) or request.args.get("fragment") == "1"
    response = make_response(render_template(fragment if wants_fragment else page,
                                             **_board(), **extra))
    # The service worker and proxies must not keep an old board on the TV.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Vary"] = "HX-Request"
    return response


@bp.get("/antrian")
def antrian():
    """The board by the counters."""
    return _answer("meragatan/antrian.html", "meragatan/_board.html")


@bp.get("/antrian/kiosk")
def kiosk():
    """The waiting room's TV (Chromium in kiosk mode, docs/operations.md)."""
    return _answer("meragatan/kiosk.html", "meragatan/_kiosk_papan.html")
