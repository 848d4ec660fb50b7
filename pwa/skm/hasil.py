"""/skm: the public SKM results per month, quarter or year, per element and overall, with the
office's follow-up (Permen PANRB 14/2017 asks that results be open)."""
from datetime import date, datetime, time, timezone
from decimal import Decimal

from flask import render_template, request
from flask_babel import format_date, format_decimal, gettext as _

from ..bahasa import labels
from ..domain import skm, skm_periode
from ..services.clock import office_today, office_zone
from ..store import rekap, skm as store
from ..web.db import get_db
from ..web.errors import form_errors
from .blueprint import bp
from .forms import PeriodForm

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
FIRST_YEAR = 2024  # MENTARI began in 2024; no survey answers exist before it


def _utc(day: date) -> str:
    """Midnight office time as the stored UTC timestamp format, so periods follow Bali days."""
    zone = office_zone()
    return datetime.combine(day, time(), zone).astimezone(timezone.utc).isoformat(
        timespec="seconds")


def _period_name(p: skm_periode.Periode) -> str:
    if p.jenis == skm_periode.BULAN:
        return format_date(date(p.tahun, p.ke, 1), "LLLL y")
    if p.jenis == skm_periode.TRIWULAN:
        return _("Triwulan %(ke)s %(tahun)s", ke=ROMAN[p.ke], tahun=p.tahun)
    return _("Tahun %(tahun)s", tahun=p.tahun)


def _chosen_period(today: date, years: list[int]):
    """The period asked for (?periode=2026-11 or the form's fields), else this month."""
    month_names = [format_date(date(2000, m, 1), "LLLL") for m in range(1, 13)]
    asked = request.args.get("periode")
    if "jenis" in request.args:
        form = PeriodForm(request.args, years=years, month_names=month_names)
        if form.validate():
            return form.periode(), form
        return skm_periode.containing(skm_periode.BULAN, today), form
    try:
        periode = skm_periode.parse(asked) if asked else None
    except ValueError:
        periode = None
    periode = periode or skm_periode.containing(skm_periode.BULAN, today)
    if periode.tahun not in years:
        years.append(periode.tahun)
        years.sort(reverse=True)
    data = {"jenis": periode.jenis, "tahun": periode.tahun,
            "bulan": periode.ke if periode.jenis == skm_periode.BULAN else today.month,
            "triwulan": periode.ke if periode.jenis == skm_periode.TRIWULAN
            else (today.month - 1) // 3 + 1}
    return periode, PeriodForm(formdata=None, years=years, month_names=month_names, **data)


def _shown(value) -> str:
    """skm.display's rounding, written the local way: in Indonesian "82.50" reads as a
    thousands number, so the decimal mark follows the locale ("82,50")."""
    text = skm.display(value)
    return format_decimal(Decimal(text), "#,##0.00") if value is not None else text


@bp.get("/skm")
def hasil():
    db = get_db()
    today = office_today()
    years = list(range(today.year, FIRST_YEAR - 1, -1))
    periode, form = _chosen_period(today, years)
    start, end = periode.bounds()
    result = skm.ikm(store.answers_between(db, _utc(start), _utc(end)))
    elements = [
        {"nomor": i, "nama": nama, "nrr": nrr,
         "nilai": nrr * 25 if nrr is not None else None,
         "mutu": skm.grade_for(nrr * 25) if nrr is not None else None}
        for i, (nama, nrr) in enumerate(zip(labels.SKM_UNSUR, result.nrr), start=1)
    ]
    earlier, later = periode.shift(-1), periode.shift(1)
    return render_template(
        "skm/hasil.html", form=form, periode=periode, nama=_period_name(periode),
        result=result, elements=elements, angka=_shown,
        followups=rekap.skm_followups(db, str(periode)),
        earlier={"periode": str(earlier), "nama": _period_name(earlier)},
        later=({"periode": str(later), "nama": _period_name(later)}
               if later.bounds()[0] <= today else None),
        page_errors=form_errors(form))
