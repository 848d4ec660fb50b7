"""Meragatan (seed 000 §2.3): the satpam registers a walk-in and guides them to the right
counter (loket); vulnerable people are called before the normal queue; the TV board in the
waiting room (/antrian) shows the calls."""
from flask import Blueprint

from ..services.clock import office_today

bp = Blueprint("meragatan", __name__)


def today() -> str:
    """Tiket are numbered per office day, not per UTC day (Bali is UTC+8)."""
    return office_today().isoformat()


from . import antrian, loket, satpam  # noqa: E402,F401  (their routes)
