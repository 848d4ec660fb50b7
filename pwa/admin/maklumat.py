"""/staf/admin/maklumat: the office's service charter (maklumat pelayanan), published with every
service's standard (issue 17.8, seed 003). Every version saved is kept; the newest is in force."""
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..domain.jejak import Peristiwa
from ..domain.workflow import Peran
from ..store import maklumat as store, transaction
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp
from .forms import MaklumatForm

# The words PermenPAN-RB 15/2014 gives for a maklumat, offered until the office writes its own.
CONTOH = ("Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar "
          "pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap "
          "menerima sanksi sesuai peraturan perundang-undangan yang berlaku.")


@bp.route("/maklumat", methods=["GET", "POST"])
@role_required(Peran.ADMIN)
def maklumat():
    db = get_db()
    current = store.current(db)
    form = MaklumatForm()
    if request.method == "GET":
        form.teks.data = current["teks"] if current else CONTOH
        form.teks_ban.data = current["teks_ban"] if current else ""
    if form.validate_on_submit():
        with transaction(db):
            store.save(db, form.teks.data, form.teks_ban.data or "", g.staf["id"])
            catat(Peristiwa.MAKLUMAT_SIMPAN, objek="maklumat")
        flash(_("Maklumat pelayanan disimpan dan ditampilkan di setiap standar pelayanan."),
              "success")
        return redirect(url_for("admin.maklumat"))
    return render_template("admin/maklumat.html", form=form, current=current,
                           page_errors=form_errors(form))
