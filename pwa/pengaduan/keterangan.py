"""/pengaduan/keterangan: the complainant adds information to their complaint, from its page on
/pengaduan/cek; the number posted with it is the proof, as on the lookup. A refusal shows the
same page again with what was typed kept."""
from flask import abort, flash
from flask_babel import gettext as _

from ..bahasa import labels
from ..domain import nomor
from ..services import pengaduan as service
from ..store import pengaduan as store
from ..web.db import get_db
from ..web import batas
from .blueprint import bp
from .forms import KeteranganForm, LookupForm
from .halaman import page


@bp.post("/keterangan")
@batas.per_client("pengaduan-cek", lambda config: config["STATUS_RATE_LIMIT"])
def keterangan():
    form = KeteranganForm()
    number = nomor.normalise(form.nomor.data or "")
    found = store.by_nomor(get_db(), number) if nomor.is_valid(number) else None
    if found is None:
        abort(404)  # a number that was never shown on a page: nothing to add to
    lookup = LookupForm(formdata=None)
    if not form.validate_on_submit():
        return page(lookup, found, form)
    try:
        service.add_info(get_db(), found["id"], form.keterangan.data)
    except service.PengaduanDitolak as refusal:
        form.keterangan.errors.append(labels.of(labels.PENGADUAN_REFUSAL, refusal.reason))
        return page(lookup, found, form, 409)
    flash(_("Keterangan Anda ditambahkan. Kantor akan membacanya."), "success")
    # Shown again as the answer to this post (not a redirect with the number in the address).
    return page(lookup, store.get(get_db(), found["id"]))
