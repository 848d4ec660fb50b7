"""/staf/admin/jejak: the audit trail (issue 17.2): every sign-in (and failed one), admin change,
workflow step and document opened, newest first, filtered by kind, person and office days; and
the same as CSV. Ids and codes only: the trail holds nothing personal."""
from datetime import datetime, time, timedelta, timezone

from flask import render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from ..bahasa import labels
from ..domain.jejak import Peristiwa
from ..domain.workflow import Peran
from ..services.clock import office_today, office_zone
from ..store import jejak as store, staf as staf_store
from ..web.db import get_db
from ..web.jejak import catat
from ..web.staf import role_required
from ..web.unduhan import csv_response
from .blueprint import bp
from .forms import AuditFilterForm

ADMIN = Peran.ADMIN
PAGE_SIZE = 50
FILTER_FIELDS = ("jenis", "staf", "dari", "sampai")


def _utc_start(day) -> str:
    """The UTC moment an office day (WITA) starts: entries are stored in UTC."""
    start = datetime.combine(day, time(0), tzinfo=office_zone())
    return start.astimezone(timezone.utc).isoformat(timespec="seconds")


def _filters(form: AuditFilterForm) -> dict:
    if form.errors:
        return {}
    return {
        "jenis": form.jenis.data or None,
        "staf_id": int(form.staf.data) if form.staf.data else None,
        "dari": _utc_start(form.dari.data) if form.dari.data else None,
        "sampai": _utc_start(form.sampai.data + timedelta(days=1)) if form.sampai.data
        else None,
    }


def _form() -> AuditFilterForm:
    # Only the filters' own keys: a page number or anything else is not a filter.
    args = MultiDict([(k, v) for k, v in request.args.items(multi=True) if k in FILTER_FIELDS])
    form = AuditFilterForm(args, staf_store.all_staff(get_db()))
    form.validate()
    return form


def _page() -> int:
    value = request.args.get("halaman", "1")
    return int(value) if value.isdigit() and 0 < len(value) < 7 else 1


@bp.get("/jejak")
@role_required(ADMIN)
def jejak():
    db = get_db()
    form = _form()
    filters = _filters(form)
    total = store.count(db, filters)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(_page(), pages)
    entries = store.search(db, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    kept = {k: v for k, v in request.args.items() if k in FILTER_FIELDS and v and not form.errors}
    return render_template(
        "admin/jejak.html", form=form, entries=entries, total=total, page=page, pages=pages,
        page_url=lambda n: url_for(".jejak", halaman=n, **kept),
        csv_url=url_for(".jejak_csv", **kept),
        page_errors=[(f.id, str(f.errors[0])) for f in form if f.errors])


@bp.get("/jejak.csv")
@role_required(ADMIN)
def jejak_csv():
    db = get_db()
    form = _form()
    filters = _filters(form)
    entries = store.search(db, filters)
    catat(Peristiwa.JEJAK_UNDUH, rincian=",".join(
        f"{k}={v}" for k, v in filters.items() if v is not None))
    header = [_("Nomor"), _("Waktu (UTC)"), _("Jenis"), _("Kode peristiwa"), _("Peristiwa"),
              _("Id petugas"), _("Nama pengguna"), _("Peran"), _("Objek"), _("Id objek"),
              _("Rincian"), _("Asal")]
    body = ([e["id"], e["at"], e["jenis"], e["peristiwa"], labels.peristiwa(e["peristiwa"]),
             e["staf_id"] or "", e["staf_username"] or "", e["peran"] or "", e["objek"] or "",
             e["objek_id"] or "", e["rincian"], e["asal"]] for e in entries)
    return csv_response(f"mentari-jejak-{office_today().isoformat()}.csv", header, body)
