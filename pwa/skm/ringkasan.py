"""The SKM figures of a period, shared by the public results (/skm) and the admin's printed report
(/staf/admin/skm/laporan): the period asked for, its name, the IKM and each element's value with
its quality category, the IKM per service, the respondent profile, and the follow-up notes.

Computed by domain/skm.py with exact fractions; rounded only here, for display."""
from datetime import date, datetime, time, timezone
from decimal import Decimal

from flask import request
from flask_babel import format_date, format_decimal, gettext as _

from ..bahasa import labels
from ..domain import skm, skm_periode
from ..services.clock import office_zone
from ..store import layanan as catalogue, rekap, skm as store
from .forms import PeriodForm

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
FIRST_YEAR = 2024  # MENTARI began in 2024; no survey answers exist before it


def utc(day: date) -> str:
    """Midnight office time as the stored UTC timestamp format, so periods follow Bali days."""
    return datetime.combine(day, time(), office_zone()).astimezone(timezone.utc).isoformat(
        timespec="seconds")


def period_name(p: skm_periode.Periode) -> str:
    if p.jenis == skm_periode.BULAN:
        return format_date(date(p.tahun, p.ke, 1), "LLLL y")
    if p.jenis == skm_periode.TRIWULAN:
        return _("Triwulan %(ke)s %(tahun)s", ke=ROMAN[p.ke], tahun=p.tahun)
    return _("Tahun %(tahun)s", tahun=p.tahun)


def chosen_period(today: date):
    """(period, form): the period asked for (?periode=2026-11 or the form's fields), else this
    month, and the form to choose another."""
    years = list(range(today.year, FIRST_YEAR - 1, -1))
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


def shown(value) -> str:
    """skm.display's rounding, written the local way: in Indonesian "82.50" reads as a
    thousands number, so the decimal mark follows the locale ("82,50")."""
    text = skm.display(value)
    return format_decimal(Decimal(text), "#,##0.00") if value is not None else text


def percent(part: int, whole: int) -> str:
    return format_decimal(Decimal(part * 100) / whole, "0.0") if whole else "–"


def _element(nomor: int, nama, nrr) -> dict:
    return {"nomor": nomor, "nama": nama, "nrr": nrr,
            # The weighted value (NRR × 1/9) the regulation's report table shows per element.
            "tertimbang": nrr / skm.ELEMENTS if nrr is not None else None,
            "nilai": nrr * 25 if nrr is not None else None,
            "mutu": skm.grade_for(nrr * 25) if nrr is not None else None}


def figures(db, periode: skm_periode.Periode) -> dict:
    """Everything both pages show of one period."""
    start, end = periode.bounds()
    answers = store.answers_between(db, utc(start), utc(end))
    result = skm.ikm(answers)
    per_service = skm.ikm_per_layanan(answers)
    services = []
    for s in catalogue.list_services(db):
        found = per_service.pop(s["id"], None)
        services.append({"id": s["id"], "nama": s["nama"], "hasil": found or skm.ikm([])})
    if None in per_service:
        services.append({"id": None, "nama": _("Layanan lain, atau tidak disebut"),
                         "hasil": per_service.pop(None)})
    return {
        "result": result,
        "elements": [_element(i, nama, nrr) for i, (nama, nrr)
                     in enumerate(zip(labels.SKM_UNSUR, result.nrr), start=1)],
        "services": services,
        "profile": skm.profile(answers),
        "lowest": skm.lowest_elements(result),
        "followups": rekap.skm_followups(db, str(periode)),
    }
