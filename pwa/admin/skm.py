"""/staf/admin/skm: what the office did about an SKM period, shown with its public results; and
/staf/admin/skm/laporan, the period's report to print (PermenPAN-RB 14/2017: the respondent
profile, each element's value, the IKM overall and per service with its quality category, the
elements to improve first, and the follow-up)."""
from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from ..domain.jejak import Peristiwa
from ..bahasa import labels
from ..domain import skm
from ..domain.workflow import Peran
from ..services.clock import office_now, office_today
from ..skm import ringkasan
from ..store import rekap, transaction
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp
from .forms import SkmFollowupForm

ADMIN = Peran.ADMIN
# Who answers for the survey's results: the admin who prints it and the heads who sign it.
REPORT_READERS = (Peran.ADMIN, Peran.KEPALA_KANTOR, Peran.KASUBAG_TU)


@bp.route("/skm", methods=["GET", "POST"])
@role_required(ADMIN)
def skm_tindak_lanjut():
    db = get_db()
    form = SkmFollowupForm()
    if form.validate_on_submit():
        with transaction(db):
            rekap.add_skm_followup(db, form.periode.data, form.catatan.data,
                                           g.staf["id"])
            catat(Peristiwa.SKM_TINDAK_LANJUT, objek="skm", rincian=form.periode.data)
        flash(_("Tindak lanjut survei untuk periode %(periode)s disimpan dan ditampilkan di "
                "halaman hasil survei.", periode=form.periode.data), "success")
        return redirect(url_for("admin.skm_tindak_lanjut"))
    return render_template("admin/skm.html", form=form,
                           notes=rekap.recent_skm_followups(db),
                           page_errors=form_errors(form))


@bp.get("/skm/laporan")
@role_required(*REPORT_READERS)
def skm_laporan():
    periode, form = ringkasan.chosen_period(office_today())
    figures = ringkasan.figures(get_db(), periode)
    respondents = figures["result"].respondents
    return render_template(
        "admin/skm_laporan.html", form=form, periode=periode,
        nama=ringkasan.period_name(periode), angka=ringkasan.shown,
        persen=lambda n: ringkasan.percent(n, respondents),
        profil_labels=labels.SKM_JAWABAN_PROFIL, pertanyaan=labels.SKM_PROFIL,
        lowest=[labels.SKM_UNSUR[i - 1] for i in figures.pop("lowest")],
        printed_at=office_now(), page_errors=form_errors(form), **figures)
