"""/staf/satpam: the guard at the door registers a walk-in: who, what they need, which service,
which counter, and the online Layanan Langsung request they bring, if any."""
from flask import g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..domain import tiket as rules
from ..domain.jejak import Peristiwa
from ..domain.workflow import FINAL_STATES, Mode, Status
from ..services.clock import office_today
from ..store import layanan, permohonan as permohonan_store, tiket as store, transaction
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp
from .forms import LOKET, WalkInForm


def _linked_request(form: WalkInForm) -> tuple[dict | None, str | None]:
    """The online 'langsung' request the walk-in brings, or a message saying why not."""
    if not form.nomor.data:
        return None, None
    permohonan = permohonan_store.by_nomor(get_db(), form.nomor.data)
    if permohonan is None:
        return None, _("Nomor registrasi tidak ditemukan. Periksa lagi, atau kosongkan.")
    if permohonan["mode"] != Mode.LANGSUNG:
        return None, _("Permohonan ini bukan Layanan Langsung (Meragatan). Kosongkan nomor "
                       "registrasi.")
    if permohonan["status"] == Status.DITOLAK:
        return None, _("Permohonan ini sudah ditolak. Kosongkan nomor registrasi.")
    if Status(permohonan["status"]) in FINAL_STATES:
        return None, _("Permohonan ini sudah selesai. Kosongkan nomor registrasi.")
    return permohonan, None


@bp.route("/staf/satpam", methods=["GET", "POST"])
@role_required("satpam", "admin")
def satpam():
    db = get_db()
    services = layanan.list_services(db)
    form = WalkInForm(services=services)
    if form.validate_on_submit():
        permohonan, problem = _linked_request(form)
        if problem:
            form.nomor.errors.append(problem)
        else:
            tiket_id = _register(form, permohonan)
            return redirect(url_for(".satpam", tiket=tiket_id))
    hari = office_today().isoformat()
    created = request.args.get("tiket", type=int)
    tiket = store.get(db, created) if created else None
    if tiket is not None and tiket["tanggal"] != hari:
        tiket = None
    return render_template(
        "meragatan/satpam.html", form=form, tiket=tiket, loket=LOKET,
        waiting=store.of_day(db, hari),
        closed={str(s["id"]): _("Sedang ditutup") for s in services if not s["dibuka"]},
        page_errors=form_errors(form),
    )


def _register(form: WalkInForm, permohonan: dict | None) -> int:
    db = get_db()
    prioritas = rules.is_priority(form.kebutuhan.data)
    prefix = rules.prefix_for(prioritas)
    hari = office_today().isoformat()
    # BEGIN IMMEDIATE: two guards registering at once must not get the same number.
    with transaction(db):
        sequence = store.last_sequence(db, hari, prefix) + 1
        tiket_id = store.create(
            db, nomor=rules.ticket_number(prefix, sequence), tanggal=hari,
            nama=form.nama.data, kebutuhan=form.kebutuhan.data,
            layanan_id=int(form.layanan.data), loket=form.loket.data, prioritas=prioritas,
            permohonan_id=permohonan["id"] if permohonan else None, dibuat_oleh=g.staf["id"],
        )
        catat(Peristiwa.TIKET_DAFTAR, objek="tiket", objek_id=tiket_id, rincian=form.loket.data)
        return tiket_id
