"""/staf/peran: which of their roles a person holding several acts in now (issue 17.1).

One role at a time, as the domain's Pelaku: the queue, the menu and every step are those of the
role chosen here, and the audit trail says in which role each step was taken. Opening a page of
another role one holds comes here first (web/staf.role_required)."""
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField
from wtforms.validators import InputRequired, ValidationError

from ..bahasa import labels
from ..domain.workflow import STAFF_ROLES
from ..services import akun
from ..web import staf as staff
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import oleh
from ..web.redirects import local_path
from ..web.staf import role_required
from .blueprint import bp


class RoleForm(FlaskForm):
    peran = RadioField(_l("Bertindak sebagai"), validate_choice=False,
                       validators=[InputRequired(_l("Pilih peran Anda sekarang."))])
    next = HiddenField()

    def validate_peran(self, field):
        if field.data not in dict(self.peran.choices):
            raise ValidationError(_l("Pilih peran Anda sekarang."))


@bp.route("/peran", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def peran():
    held = g.staf["peran_semua"]
    form = RoleForm()
    form.peran.choices = [(p, labels.of(labels.PERAN, p)) for p in held]
    if request.method == "GET":
        wanted = request.args.get("ke")
        form.peran.data = wanted if wanted in held else g.staf["peran"]
        form.next.data = local_path(request.args.get("next")) or ""
    if form.validate_on_submit():
        chosen = form.peran.data
        if chosen != g.staf["peran"]:
            akun.switch_role(get_db(), g.staf, chosen, oleh())
            flash(_("Anda sekarang bertindak sebagai %(peran)s.",
                    peran=labels.of(labels.PERAN, chosen)), "success")
        return redirect(local_path(form.next.data) or url_for(staff.HOME[chosen]))
    wanted = request.args.get("ke")
    return render_template("staf/peran.html", form=form,
                           wanted=wanted if wanted in held and wanted != g.staf["peran"]
                           else None,
                           page_errors=form_errors(form))
