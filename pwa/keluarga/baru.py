"""/anggota/baru: a new member, with a name and an optional PIN. They take the display and
language in use now (set up voice mode first, then make her profile), and use the phone at
once. The first member made also takes the requests the phone already holds."""
from flask import redirect, render_template, request, url_for
from flask_babel import get_locale

from ..domain.keluarga import AnggotaDitolak, MAKS_ANGGOTA
from ..services import keluarga as family
from ..web import ownership, tampilan
from ..web.caching import personal
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.redirects import local_path
from . import profil
from .blueprint import bp
from .forms import MemberForm


@bp.route("/baru", methods=["GET", "POST"])
def baru():
    personal()
    form = MemberForm()
    lanjut = local_path(request.values.get("lanjut")) or url_for("permohonan.status")
    code = 200
    if form.validate_on_submit():
        phone = ownership.phone(create=True)
        before = ownership.current()
        try:
            member = family.create(get_db(), phone["id"], form.nama.data, form.pin.data,
                                   tampilan.encode(tampilan.current()),
                                   str(get_locale() or "id"), ownership.legacy_ids())
        except AnggotaDitolak as refused:
            form.refuse(refused.reason)
            code = 422
        else:
            ownership.clear_legacy()
            # Whoever had no profile and makes one now keeps the form they were filling in.
            profil.hand_over(before, member, keep=before is None)
            response = redirect(lanjut)
            profil.apply(response, member)
            return response
    full = len(ownership.members()) >= MAKS_ANGGOTA
    return render_template("keluarga/baru.html", form=form, lanjut=lanjut, full=full, maks=MAKS_ANGGOTA,
                           page_errors=form_errors(form)), code
