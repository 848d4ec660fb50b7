"""The request's page as its citizen sees it (/permohonan/<id>): state, next step, history,
messages, documents, the fix form when returned, keberatan when late. Rendered by the page
itself and again, with the failed form, by the actions posted from it."""
from datetime import date

from flask import current_app, render_template

from ..bahasa import labels
from ..domain import keberatan, sop
from ..domain.workflow import SERVED_STATES, Mode, Status, next_for_citizen
from ..services import konsultasi
from ..services.clock import office_today
from ..store import keberatan as keberatan_store, layanan, notifikasi, permohonan as store
from ..web.db import get_db
from .forms import KeberatanForm, fix_form


def returned(p: dict) -> list[dict]:
    """Requirements the verifikator marked as not met, with the reason and current document."""
    db = get_db()
    checks = store.checks(db, p["id"])
    docs = {d["persyaratan_id"]: d for d in store.documents(db, p["id"])}
    out = []
    for req in layanan.requirements(db, p["layanan_id"]):
        check = checks.get(req["id"])
        if check is not None and not check["memenuhi"]:
            out.append({"persyaratan_id": req["id"], "nama": req["nama"], "jenis": req["jenis"],
                        "alasan": check["alasan"], "dokumen": docs.get(req["id"])})
    return out


def render(p: dict, fixing=None, objecting=None, errors=(), code=200):
    db = get_db()
    status = Status(p["status"])
    deadline = date.fromisoformat(p["batas_sop"])
    today = office_today()
    open_keberatan = keberatan_store.open_for(db, p["id"])
    still_returned = returned(p) if status is Status.DIKEMBALIKAN else []
    body = render_template(
        "permohonan/lihat.html", p=p, history=store.history(db, p["id"]),
        next_step=labels.NEXT_STEP[next_for_citizen(status, Mode(p["mode"]))],
        overdue=sop.is_overdue(deadline, today, status),
        may_object=keberatan.may_file(deadline, today, status, open_keberatan is not None),
        keberatan_daftar=keberatan_store.for_request(db, p["id"]),
        inbox=notifikasi.inbox(db, p["id"]), documents=store.documents(db, p["id"]),
        returned=still_returned, rated=store.penilaian(db, p["id"]) is not None,
        report=store.report(db, p["id"]),
        percakapan=konsultasi.record(db, p),
        served=status in SERVED_STATES,
        remember_days=current_app.permanent_session_lifetime.days,
        keberatan_form=objecting or KeberatanForm(formdata=None),
        fix_form=fixing or fix_form(still_returned)(formdata=None),
        page_errors=list(errors),
    )
    return body, code
