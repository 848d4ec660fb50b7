"""After the service: the citizen rates the officer (seed 000), answers the SKM, and anyone can
read the public SKM results per period (Permen PANRB 14/2017)."""
import secrets
from datetime import date, datetime, time, timezone
from decimal import Decimal

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import format_date, format_decimal, gettext as _

from . import kiriman, labels, ownership, skm_periode, survey
from .clock import office_today, office_zone
from .database import get_db
from .extensions import limiter
from .rating_forms import SKM_PERTANYAAN, PeriodForm, RatingForm, SkmForm
from .store import reports, requests, survey as survey_store
from .workflow import SERVED_STATES, Status

bp = Blueprint("rating", __name__)

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
FIRST_YEAR = 2024  # MENTARI began in 2024; no survey answers exist before it


def _errors(form) -> list[tuple[str, str]]:
    return [(f.id, f.errors[0]) for f in form if f.errors and f.type != "CSRFTokenField"]


def _owned_request(permohonan_id: int):
    """The request when this session owns it; otherwise a redirect to the status lookup."""
    if not ownership.owns(permohonan_id):
        return None, redirect(url_for("status.lookup"))
    permohonan = requests.get(get_db(), permohonan_id)
    if permohonan is None:
        abort(404)
    return permohonan, None


def _notice(permohonan: dict, title: str, message: str, code: int = 200):
    return render_template("rating/notice.html", permohonan=permohonan, title=title,
                           message=message), code


def _not_served(permohonan: dict, title: str):
    return _notice(permohonan, title,
                   _("Penilaian dan survei bisa diisi setelah layanan diberikan. Status "
                     "permohonan Anda sekarang: %(status)s.",
                     status=labels.of(labels.STATUS, permohonan["status"])),
                   409 if request.method == "POST" else 200)


@bp.route("/permohonan/<int:permohonan_id>/nilai", methods=["GET", "POST"])
def rate(permohonan_id: int):
    permohonan, refusal = _owned_request(permohonan_id)
    if refusal:
        return refusal
    if Status(permohonan["status"]) not in SERVED_STATES:
        return _not_served(permohonan, _("Belum bisa dinilai"))
    db = get_db()
    already = requests.rating(db, permohonan_id)
    form = RatingForm()
    if already is None and form.validate_on_submit():
        saved = requests.save_rating(db, permohonan_id, petugas_id=permohonan["petugas_id"],
                                     skor=form.skor.data, komentar=form.komentar.data or "")
        if saved:
            return redirect(url_for(".skm_request", permohonan_id=permohonan_id))
        already = requests.rating(db, permohonan_id)  # rated in another tab meanwhile
    if already is not None:
        return _notice(permohonan, _("Sudah dinilai"),
                       _("Permohonan ini sudah dinilai. Penilaian hanya bisa diberikan satu "
                         "kali. Terima kasih."),
                       409 if request.method == "POST" else 200)
    return render_template("rating/rate.html", form=form, permohonan=permohonan,
                           page_errors=_errors(form))


@bp.route("/permohonan/<int:permohonan_id>/survei", methods=["GET", "POST"])
def skm_request(permohonan_id: int):
    """The optional SKM straight after rating, linked to the request (one per request)."""
    permohonan, refusal = _owned_request(permohonan_id)
    if refusal:
        return refusal
    if Status(permohonan["status"]) not in SERVED_STATES:
        return _not_served(permohonan, _("Survei belum bisa diisi"))
    db = get_db()
    if survey_store.for_request(db, permohonan_id) is not None:
        return _notice(permohonan, _("Survei sudah diisi"),
                       _("Survei kepuasan untuk permohonan ini sudah diisi. Terima kasih."),
                       409 if request.method == "POST" else 200)
    form = SkmForm()
    if form.validate_on_submit():
        survey_store.save(db, form.scores(), permohonan_id=permohonan_id)
        return redirect(url_for(".thanks", permohonan_id=permohonan_id))
    return render_template("rating/skm.html", form=form, permohonan=permohonan,
                           action=url_for(".skm_request", permohonan_id=permohonan_id),
                           skip=url_for(".thanks", permohonan_id=permohonan_id),
                           questions=SKM_PERTANYAAN, page_errors=_errors(form))


@bp.get("/permohonan/<int:permohonan_id>/terima-kasih")
def thanks(permohonan_id: int):
    permohonan, refusal = _owned_request(permohonan_id)
    if refusal:
        return refusal
    db = get_db()
    return render_template(
        "rating/thanks.html", permohonan=permohonan,
        rated=requests.rating(db, permohonan_id) is not None,
        surveyed=survey_store.for_request(db, permohonan_id) is not None,
        served=Status(permohonan["status"]) in SERVED_STATES)


@bp.route("/skm/isi", methods=["GET", "POST"])
@kiriman.accepts_outbox
@limiter.limit("5 per minute", methods=["POST"])
def skm_form():
    """For walk-ins and anyone served without an online request: no login, rate-limited.
    Kept on the phone by the service worker: filled without a signal, it is sent later from
    the phone's outbox with its idempotency key (kunci), and saved once however often sent."""
    db = get_db()
    kunci = kiriman.idempotency_key()
    form = SkmForm(meta=kiriman.form_meta())
    if kunci and survey_store.by_key(db, kunci) is not None:
        saved = True
    elif form.validate_on_submit():
        saved = survey_store.save(db, form.scores(), kunci=kunci) or kunci is not None
    else:
        saved = False
    if saved:
        if kiriman.wants_json():
            return kiriman.answer("terkirim", tautan=url_for(".skm_done"))
        return redirect(url_for(".skm_done"))
    if request.method == "POST" and kiriman.wants_json():
        return kiriman.answer("perlu_diperbaiki", tautan=url_for(".skm_form"),
                              kesalahan=[message for _f, message in _errors(form)])
    return render_template("rating/skm.html", form=form, permohonan=None,
                           action=url_for(".skm_form"), skip=None, questions=SKM_PERTANYAAN,
                           kunci=secrets.token_urlsafe(18), page_errors=_errors(form))


@bp.get("/skm/terima-kasih")
def skm_done():
    return render_template("rating/skm_done.html")




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
    """survey.display's rounding, written the local way: in Indonesian "82.50" reads as a
    thousands number, so the decimal mark follows the locale ("82,50")."""
    text = survey.display(value)
    return format_decimal(Decimal(text), "#,##0.00") if value is not None else text


@bp.get("/skm")
def skm_public():
    db = get_db()
    today = office_today()
    years = list(range(today.year, FIRST_YEAR - 1, -1))
    periode, form = _chosen_period(today, years)
    start, end = periode.bounds()
    result = survey.ikm(survey_store.answers_between(db, _utc(start), _utc(end)))
    elements = [
        {"nomor": i, "nama": nama, "nrr": nrr,
         "nilai": nrr * 25 if nrr is not None else None,
         "mutu": survey.grade_for(nrr * 25) if nrr is not None else None}
        for i, (nama, nrr) in enumerate(zip(labels.SKM_UNSUR, result.nrr), start=1)
    ]
    earlier, later = periode.shift(-1), periode.shift(1)
    return render_template(
        "rating/skm_public.html", form=form, periode=periode, nama=_period_name(periode),
        result=result, elements=elements, angka=_shown,
        followups=reports.skm_followups(db, str(periode)),
        earlier={"periode": str(earlier), "nama": _period_name(earlier)},
        later=({"periode": str(later), "nama": _period_name(later)}
               if later.bounds()[0] <= today else None),
        page_errors=_errors(form))
