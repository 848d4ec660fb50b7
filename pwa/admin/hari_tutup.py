"""/staf/admin/hari-tutup: the days the office is closed in the coming year (national holidays,
cuti bersama, Bali's Galungan and Kuningan, and the office's own), and the admin's closure days
added or taken back. SOP deadlines, the booking calendars and "tomorrow" skip every one of them
(services/kalender.py); deadlines of requests already sent stay as they were given."""
from datetime import date, timedelta

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from ..domain import kalender as rules
from ..domain.workflow import Peran
from ..services import kalender
from ..services.clock import office_today
from ..store.hari_tutup import SudahAda
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.filters import tanggal
from ..web.staf import role_required
from .blueprint import bp
from .forms import ClosureForm, RetireForm

SHOWN_DAYS = 366


def _problem(day: date, days) -> str | None:
    if day <= office_today():
        return _("Pilih tanggal setelah hari ini.")
    if day.weekday() >= 5:
        return _("Kantor memang tutup hari Sabtu dan Minggu. Pilih hari Senin sampai Jumat.")
    closure = days.closure(day)
    if closure is not None:
        return _("Kantor sudah tutup pada hari itu: %(hari)s.", hari=closure.nama)
    return None


@bp.route("/hari-tutup", methods=["GET", "POST"])
@role_required(Peran.ADMIN)
def hari_tutup():
    db = get_db()
    days = kalender.of(db)
    form = ClosureForm()
    if form.validate_on_submit():
        problem = _problem(form.tanggal.data, days)
        if problem is None:
            try:
                kalender.close(db, form.tanggal.data, form.alasan.data, g.staf["id"])
            except SudahAda:
                problem = _("Kantor sudah tutup pada hari itu.")
        if problem is None:
            flash(_("Kantor tutup pada %(tanggal)s. Jadwal dan batas waktu baru melewati hari "
                    "itu.", tanggal=tanggal(form.tanggal.data)), "success")
            return redirect(url_for("admin.hari_tutup"))
        form.tanggal.errors.append(problem)
    today = office_today()
    ahead = days.closures_between(today, today + timedelta(days=SHOWN_DAYS), weekdays_only=False)
    return render_template("admin/hari_tutup.html", form=form, days=ahead, kantor=rules.KANTOR,
                           page_errors=form_errors(form))


@bp.post("/hari-tutup/<tanggal_iso>/hapus")
@role_required(Peran.ADMIN)
def hari_tutup_hapus(tanggal_iso: str):
    if not RetireForm().validate_on_submit():
        abort(400)
    try:
        day = date.fromisoformat(tanggal_iso)
    except ValueError:
        abort(404)
    if kalender.reopen(get_db(), day):
        flash(_("Kantor buka lagi pada %(tanggal)s.", tanggal=tanggal(day)), "success")
    else:
        flash(_("Hari itu bukan hari tutup yang ditetapkan kantor."), "warning")
    return redirect(url_for("admin.hari_tutup"))
