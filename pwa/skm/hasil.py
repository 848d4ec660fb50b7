"""/skm: the public SKM results per month, quarter or year: the IKM, each element and each
service with its quality category, and the office's follow-up (Permen PANRB 14/2017 asks that
results be open)."""
from flask import render_template

from ..services.clock import office_today
from ..web.db import get_db
from ..web.errors import form_errors
from . import ringkasan
from .blueprint import bp


@bp.get("/skm")
def hasil():
    today = office_today()
    periode, form = ringkasan.chosen_period(today)
    earlier, later = periode.shift(-1), periode.shift(1)
    return render_template(
        "skm/hasil.html", form=form, periode=periode, nama=ringkasan.period_name(periode),
        angka=ringkasan.shown, **ringkasan.figures(get_db(), periode),
        earlier={"periode": str(earlier), "nama": ringkasan.period_name(earlier)},
        later=({"periode": str(later), "nama": ringkasan.period_name(later)}
               if later.bounds()[0] <= today else None),
        page_errors=form_errors(form))
