"""Meragatan (seed 000 §2.3): the satpam registers a walk-in and guides them to the right
counter; vulnerable people are called before the normal queue; a public display shows calls."""

from flask import (Blueprint, abort, flash, g, make_response, redirect,
                   render_template, request, session, url_for)
from flask_babel import gettext as _

from . import labels, queueing
from .auth import role_required
from .clock import office_today
from .database import get_db
from .extensions import htmx
from .meragatan_forms import LOKET, CounterForm, WalkInForm
from .store import catalogue, requests, tickets, transaction
from .workflow import FINAL_STATES, Mode, Status

bp = Blueprint("meragatan", __name__)

_SESSION_LOKET = "loket"
RECENT_CALLS = 6


def _today() -> str:
    """Tickets are numbered per office day, not per UTC day (Bali is UTC+8)."""
    return office_today().isoformat()


def _errors(form) -> list[tuple[str, str]]:
    return [(f.id, f.errors[0]) for f in form if f.errors and f.type != "CSRFTokenField"]


def _loket_name(code: str) -> str:
    return labels.of(LOKET, code)


def _linked_request(form: WalkInForm) -> tuple[dict | None, str | None]:
    """The online 'langsung' request the walk-in brings, or a message saying why not."""
    if not form.nomor.data:
        return None, None
    permohonan = requests.by_nomor(get_db(), form.nomor.data)
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
    services = catalogue.list_services(db)
    form = WalkInForm(services=services)
    if form.validate_on_submit():
        permohonan, problem = _linked_request(form)
        if problem:
            form.nomor.errors.append(problem)
        else:
            tiket_id = _register(form, permohonan)
            return redirect(url_for(".satpam", tiket=tiket_id))
    today = _today()
    created = request.args.get("tiket", type=int)
    tiket = tickets.get(db, created) if created else None
    if tiket is not None and tiket["tanggal"] != today:
        tiket = None
    return render_template(
        "meragatan/satpam.html", form=form, tiket=tiket, loket=LOKET,
        waiting=tickets.of_day(db, today),
        closed={str(s["id"]): _("Sedang ditutup") for s in services if not s["dibuka"]},
        page_errors=_errors(form),
    )


def _register(form: WalkInForm, permohonan: dict | None) -> int:
    db = get_db()
    prioritas = queueing.is_priority(form.kebutuhan.data)
    prefix = queueing.prefix_for(prioritas)
    today = _today()
    # BEGIN IMMEDIATE: two guards registering at once must not get the same number.
    with transaction(db):
        sequence = tickets.last_sequence(db, today, prefix) + 1
        return tickets.create(
            db, nomor=queueing.ticket_number(prefix, sequence), tanggal=today,
            nama=form.nama.data, kebutuhan=form.kebutuhan.data,
            layanan_id=int(form.layanan.data), loket=form.loket.data, prioritas=prioritas,
            permohonan_id=permohonan["id"] if permohonan else None, dibuat_oleh=g.staf["id"],
        )


@bp.route("/staf/loket", methods=["GET", "POST"])
@role_required("petugas", "verifikator", "admin")
def counter():
    db = get_db()
    form = CounterForm(loket=session.get(_SESSION_LOKET))
    if form.validate_on_submit():
        session[_SESSION_LOKET] = form.loket.data
        return redirect(url_for(".counter"))
    loket = session.get(_SESSION_LOKET)
    today = _today()
    day = tickets.of_day(db, today) if loket in LOKET else []
    mine = [t for t in day if t["loket"] == loket]
    return render_template(
        "meragatan/counter.html", form=form, loket=loket if loket in LOKET else None,
        loket_nama=_loket_name(loket) if loket in LOKET else None,
        serving=[t for t in mine if t["status"] == queueing.CALLED],
        waiting=queueing.ordered(mine),
        page_errors=_errors(form),
    )


@bp.post("/staf/loket/panggil")
@role_required("petugas", "verifikator", "admin")
def call_next():
    loket = session.get(_SESSION_LOKET)
    if loket not in LOKET:
        flash(_("Pilih dulu loket tempat Anda melayani."), "warning")
        return redirect(url_for(".counter"))
    db = get_db()
    with transaction(db):
        tiket = queueing.next_for_counter(tickets.of_day(db, _today(), ("menunggu",)), loket)
        if tiket is not None:
            tickets.call(db, tiket["id"], g.staf["id"])
    if tiket is None:
        flash(_("Tidak ada yang menunggu di %(loket)s.", loket=_loket_name(loket)), "info")
    else:
        flash(_("Silakan layani %(nomor)s: %(nama)s.", nomor=tiket["nomor"], nama=tiket["nama"]),
              "success")
    return redirect(url_for(".counter"))


@bp.post("/staf/loket/<int:tiket_id>/selesai")
@role_required("petugas", "verifikator", "admin")
def finish(tiket_id: int):
    db = get_db()
    tiket = tickets.get(db, tiket_id)
    if tiket is None:
        abort(404)
    if tickets.finish(db, tiket_id):
        flash(_("%(nomor)s sudah selesai dilayani.", nomor=tiket["nomor"]), "success")
    else:
        flash(_("%(nomor)s sudah ditandai selesai sebelumnya.", nomor=tiket["nomor"]), "info")
    return redirect(url_for(".counter"))


@bp.get("/antrian")
def display():
    """The TV by the counters. No names: only ticket numbers are shown to the waiting room."""
    db = get_db()
    today = _today()
    calls = tickets.recent_calls(db, today, RECENT_CALLS)
    context = {
        "calls": calls,
        "latest": calls[0] if calls else None,
        "counts": tickets.waiting_counts(db, today),
        "loket": LOKET,
    }
    fragment = bool(htmx) or request.args.get("fragment") == "1"
    template = "meragatan/_board.html" if fragment else "meragatan/display.html"
    response = make_response(render_template(template, **context))
    # The service worker and proxies must not keep an old board on the TV.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Vary"] = "HX-Request"
    return response
