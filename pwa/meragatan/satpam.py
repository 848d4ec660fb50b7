"""/staf/satpam: the guard at the door registers a walk-in: who, what they need, which service,
which counter, and the online Layanan Langsung request they bring, if any.

A walk-in who shows a registration number is looked up first (issue 17.7): the guard sees
whose request it is, for which service, and what help they asked for (never their phone,
NIK or address), and the registration form is filled from it. The ticket then carries the
request, so the counter that calls it serves that request.
"""
from flask import g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..domain import nomor, tiket as rules
from ..domain.jejak import Peristiwa
from ..domain.workflow import FINAL_STATES, Mode, Status
from ..services.clock import office_today
from ..store import layanan, permohonan as permohonan_store, tiket as store, transaction
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import catat
from ..web.staf import role_required
from .blueprint import bp
from .forms import LOKET, LOKET_BIASA, LOKET_LAYANAN, LookupForm, WalkInForm

LOOKUP = "cari"  # the lookup form's button value and field prefix


def _problem(permohonan: dict | None) -> str | None:
    """Why this request cannot be joined to a walk-in ticket today, or None."""
    if permohonan is None:
        return _("Nomor registrasi tidak ditemukan. Periksa lagi, atau kosongkan.")
    if permohonan["mode"] != Mode.LANGSUNG:
        return _("Permohonan ini bukan Layanan Langsung (Meragatan). Kosongkan nomor "
                 "registrasi.")
    if permohonan["status"] == Status.DITOLAK:
        return _("Permohonan ini sudah ditolak. Kosongkan nomor registrasi.")
    if Status(permohonan["status"]) in FINAL_STATES:
        return _("Permohonan ini sudah selesai. Kosongkan nomor registrasi.")
    already = store.open_for_request(get_db(), permohonan["id"], office_today().isoformat())
    if already is not None:
        return _("Permohonan ini sudah mendapat nomor antrean %(nomor)s hari ini.",
                 nomor=already["nomor"])
    return None


def _linked_request(form: WalkInForm) -> tuple[dict | None, str | None]:
    """The online 'langsung' request the walk-in brings, or a message saying why not."""
    if not form.nomor.data:
        return None, None
    permohonan = permohonan_store.by_nomor(get_db(), form.nomor.data)
    problem = _problem(permohonan)
    return (None, problem) if problem else (permohonan, None)


def _prefill(permohonan: dict) -> dict:
    """The registration form's answers, taken from the request the walk-in brought."""
    priority = [k for k in permohonan["kategori"] if rules.is_priority(k)]
    return {
        "nama": permohonan["nama"],
        "kebutuhan": priority[0] if priority else rules.NOT_PRIORITY,
        "layanan": str(permohonan["layanan_id"]),
        "loket": LOKET_LAYANAN.get(permohonan["layanan_slug"], LOKET_BIASA),
        "nomor": nomor.grouped(permohonan["nomor"]),
    }


@bp.route("/staf/satpam", methods=["GET", "POST"])
@role_required("satpam", "admin")
def satpam():
    db = get_db()
    services = layanan.list_services(db)
    lookup = LookupForm(prefix=LOOKUP)
    found = None
    if request.method == "POST" and request.form.get("tombol") == LOOKUP:
        form = WalkInForm(services=services, formdata=None)
        if lookup.validate():
            found = permohonan_store.by_nomor(db, lookup.nomor.data)
            problem = _problem(found)
            if problem:
                lookup.nomor.errors.append(problem)
                found = None
            else:
                form = WalkInForm(services=services, formdata=None, data=_prefill(found))
    else:
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
        "meragatan/satpam.html", form=form, lookup=lookup, found=found, tiket=tiket,
        loket=LOKET, waiting=store.of_day(db, hari),
        closed={str(s["id"]): _("Sedang ditutup") for s in services if not s["dibuka"]},
        page_errors=form_errors(lookup, form),
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
