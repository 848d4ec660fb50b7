"""The admin area: the service catalogue, the office reports, complaint and SKM follow-up."""
import csv
import io
import re
import unicodedata
from datetime import date, datetime, timedelta

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import format_decimal
from flask_babel import gettext as _

from . import labels, sop
from .admin_forms import (
    FILE_TYPES,
    ComplaintResponseForm,
    RequirementForm,
    RetireForm,
    ServiceForm,
    SkmFollowupForm,
    errors_of,
)
from .auth import role_required
from .clock import office_now, office_today, office_zone
from .database import get_db
from .store import catalogue, transaction
from .store import complaints as complaints_store
from .store import reports as reports_store
from .workflow import Mode, Peran, Status

bp = Blueprint("admin", __name__, url_prefix="/staf/admin")

ADMIN = Peran.ADMIN
# The heads of office read the reports too: they answer for the SOP and the objections.
REPORT_READERS = (Peran.ADMIN, Peran.KEPALA_KANTOR, Peran.KASUBAG_TU)


# --- Service catalogue -------------------------------------------------------------------

@bp.get("/")
@role_required(ADMIN)
def index():
    db = get_db()
    return render_template("admin/index.html", services=catalogue.list_services(db),
                           modes=list(Mode),
                           unanswered=complaints_store.count_unanswered(db))


@bp.route("/layanan/baru", methods=["GET", "POST"])
@role_required(ADMIN)
def service_new():
    db = get_db()
    form = ServiceForm()
    if request.method == "GET":
        form.dibuka.data = "1"
        for _mode, sub in form.mode_fields():
            sub.ditawarkan.data = True
    if form.validate_on_submit():
        values = form.values()
        with transaction(db):
            layanan_id = catalogue.add_service(
                db, slug=unique_slug(db, values["nama"]), nama=values["nama"],
                urutan=_next_order(db))
            catalogue.update_service(db, layanan_id, **values)
        flash(_("Layanan %(nama)s ditambahkan. Sekarang tambahkan persyaratannya.",
                nama=values["nama"]), "success")
        return redirect(url_for(".service_edit", layanan_id=layanan_id))
    return render_template("admin/service_form.html", form=form, service=None,
                           page_errors=errors_of(form))


@bp.route("/layanan/<int:layanan_id>", methods=["GET", "POST"])
@role_required(ADMIN)
def service_edit(layanan_id: int):
    db = get_db()
    service = catalogue.get_service(db, layanan_id) or abort(404)
    form = ServiceForm()
    if request.method == "GET":
        form.fill(service)
    if form.validate_on_submit():
        values = form.values()
        with transaction(db):
            catalogue.update_service(db, layanan_id, **values)
        flash(_("Perubahan layanan %(nama)s disimpan.", nama=values["nama"]), "success")
        return redirect(url_for(".index"))
    return render_template("admin/service_form.html", form=form, service=service,
                           page_errors=errors_of(form))


def slugify(text: str) -> str:
    """"Legalisir ijazah / sekolah" → "legalisir-ijazah-sekolah": readable in the citizen's URL."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-")
    return slug or "layanan"


def unique_slug(db, nama: str) -> str:
    base = slugify(nama)
    slug, n = base, 2
    while catalogue.get_service_by_slug(db, slug) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _next_order(db) -> int:
    return max((s["urutan"] for s in catalogue.list_services(db)), default=-1) + 1


# --- Requirements (persyaratan) ----------------------------------------------------------

def _active_requirement(db, persyaratan_id: int) -> dict:
    req = catalogue.get_requirement(db, persyaratan_id)
    if req is None or not req["aktif"]:
        abort(404)
    return req


@bp.route("/layanan/<int:layanan_id>/persyaratan/baru", methods=["GET", "POST"])
@role_required(ADMIN)
def requirement_new(layanan_id: int):
    db = get_db()
    service = catalogue.get_service(db, layanan_id) or abort(404)
    form = RequirementForm()
    if request.method == "GET":
        form.wajib.data = "1"
        form.jenis.data = [code for code, _text in FILE_TYPES]
    if form.validate_on_submit():
        values = form.values()
        with transaction(db):
            catalogue.add_requirement(db, layanan_id, urutan=len(service["persyaratan"]),
                                      **values)
        flash(_("Persyaratan %(nama)s ditambahkan.", nama=values["nama"]), "success")
        return redirect(url_for(".service_edit", layanan_id=layanan_id, _anchor="persyaratan"))
    return render_template("admin/requirement_form.html", form=form, service=service,
                           requirement=None, page_errors=errors_of(form))


@bp.route("/persyaratan/<int:persyaratan_id>", methods=["GET", "POST"])
@role_required(ADMIN)
def requirement_edit(persyaratan_id: int):
    db = get_db()
    req = _active_requirement(db, persyaratan_id)
    service = catalogue.get_service(db, req["layanan_id"])
    form = RequirementForm()
    if request.method == "GET":
        form.fill(req)
    if form.validate_on_submit():
        values = form.values()
        with transaction(db):
            catalogue.update_requirement(db, persyaratan_id, **values)
        flash(_("Persyaratan %(nama)s disimpan.", nama=values["nama"]), "success")
        return redirect(url_for(".service_edit", layanan_id=service["id"],
                                _anchor="persyaratan"))
    return render_template("admin/requirement_form.html", form=form, service=service,
                           requirement=req, page_errors=errors_of(form))


@bp.route("/persyaratan/<int:persyaratan_id>/hapus", methods=["GET", "POST"])
@role_required(ADMIN)
def requirement_retire(persyaratan_id: int):
    """GET asks to confirm; POST retires. Retired requirements stay for earlier requests."""
    db = get_db()
    req = _active_requirement(db, persyaratan_id)
    form = RetireForm()
    if form.validate_on_submit():
        with transaction(db):
            catalogue.retire_requirement(db, persyaratan_id)
        flash(_("Persyaratan %(nama)s dihapus dari layanan ini.", nama=req["nama"]), "success")
        return redirect(url_for(".service_edit", layanan_id=req["layanan_id"],
                                _anchor="persyaratan"))
    return render_template("admin/requirement_retire.html", form=form, requirement=req,
                           service=catalogue.get_service(db, req["layanan_id"]))


# --- Reports -----------------------------------------------------------------------------

def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`, counted as sop.deadline counts."""
    days, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days


def _office_day(moment: str) -> date:
    value = datetime.fromisoformat(moment)
    if value.tzinfo is not None:
        value = value.astimezone(office_zone())
    return value.date()


def _day(text: str) -> date:
    return date.fromisoformat(text[:10])


def _completion(services: list[dict], finished: list[dict]) -> list[dict]:
    """Per service: how many finished, their average working days, how many within SOP."""
    per = {s["id"]: {"layanan": s["nama"], "sop_hari": s["sop_hari"], "jumlah": 0,
                     "total_hari": 0, "tepat_waktu": 0} for s in services}
    for r in finished:
        item = per.get(r["layanan_id"])
        if item is None:
            continue
        done = _office_day(r["selesai_at"])
        item["jumlah"] += 1
        item["total_hari"] += working_days_between(_office_day(r["diajukan_at"]), done)
        item["tepat_waktu"] += done <= _day(r["batas_sop"])
    for item in per.values():
        item["rata_rata"] = item["total_hari"] / item["jumlah"] if item["jumlah"] else None
    return list(per.values())


def _overdue(open_requests: list[dict], today: date) -> list[dict]:
    late = []
    for r in open_requests:
        deadline = _day(r["batas_sop"])
        if sop.is_overdue(deadline, today, Status(r["status"])):
            late.append(dict(r, hari_terlambat=working_days_between(deadline, today)))
    return late


def figures(db) -> dict:
    today = office_today()
    offset = office_now().utcoffset()
    services = reports_store.counts_by_service(db)
    by_mode = reports_store.counts_by_mode(db)
    by_state = reports_store.counts_by_state(db)
    return {
        "today": today,
        "services": services,
        "modes": [(m, by_mode.get(str(m), 0)) for m in Mode],
        "states": [(s, by_state.get(str(s), 0)) for s in Status],
        "months": reports_store.counts_by_month(db, int(offset.total_seconds() // 60)),
        "completion": _completion(services, reports_store.finished(db)),
        "overdue": _overdue(reports_store.open_requests(db), today),
        "objections": reports_store.upheld_objections(db),
        "total": sum(s["jumlah"] for s in services),
    }


def average(value) -> str:
    return "–" if value is None else format_decimal(value, format="0.0")


@bp.get("/laporan")
@role_required(*REPORT_READERS)
def reports():
    return render_template("admin/reports.html", average=average, **figures(get_db()))


def _csv_tables(f: dict) -> dict:
    """Each CSV export: (header, rows). Counts, request numbers and service names only."""
    return {
        "layanan": ([_("Layanan"), _("Jumlah permohonan"), _("Selesai"), _("Ditolak")],
                    [[s["nama"], s["jumlah"], s["selesai"], s["ditolak"]]
                     for s in f["services"]]),
        "cara": ([_("Cara pelayanan"), _("Jumlah permohonan")],
                 [[labels.of(labels.MODE, m), n] for m, n in f["modes"]]),
        "status": ([_("Status"), _("Jumlah permohonan")],
                   [[labels.of(labels.STATUS, s), n] for s, n in f["states"]]),
        "bulan": ([_("Bulan"), _("Jumlah permohonan")],
                  [[m["bulan"], m["jumlah"]] for m in f["months"]]),
        "waktu": ([_("Layanan"), _("SOP (hari kerja)"), _("Jumlah selesai"),
                   _("Rata-rata hari kerja"), _("Selesai dalam SOP")],
                  [[c["layanan"], c["sop_hari"], c["jumlah"],
                    "" if c["rata_rata"] is None else f"{c['rata_rata']:.1f}", c["tepat_waktu"]]
                   for c in f["completion"]]),
        "terlambat": ([_("Nomor registrasi"), _("Layanan"), _("Cara pelayanan"), _("Status"),
                       _("Batas SOP"), _("Terlambat (hari kerja)")],
                      [[r["nomor"], r["layanan_nama"], labels.of(labels.MODE, r["mode"]),
                        labels.of(labels.STATUS, r["status"]), r["batas_sop"][:10],
                        r["hari_terlambat"]] for r in f["overdue"]]),
        "keberatan": ([_("Nomor registrasi"), _("Layanan"), _("Status keberatan"),
                       _("Diajukan"), _("Diputus"), _("Diantar")],
                      [[k["nomor"], k["layanan_nama"], labels.of(labels.KEBERATAN, k["status"]),
                        (k["diajukan_at"] or "")[:10], (k["diputus_at"] or "")[:10],
                        (k["diantar_at"] or "")[:10]] for k in f["objections"]]),
    }


CSV_KINDS = ("layanan", "cara", "status", "bulan", "waktu", "terlambat", "keberatan")


def _cell(value):
    # A cell starting with = + - @ would run as a formula in Excel (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@bp.get("/laporan.csv")
@role_required(*REPORT_READERS)
def reports_csv():
    kind = request.args.get("jenis", "")
    if kind not in CSV_KINDS:
        abort(404)
    header, body = _csv_tables(figures(get_db()))[kind]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([_cell(v) for v in line] for line in body)
    # The byte-order mark makes Excel read the file as UTF-8 instead of the Windows code page.
    response = Response("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"mentari-laporan-{kind}-{office_today().isoformat()}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


# --- Complaints (pengaduan) --------------------------------------------------------------

@bp.get("/pengaduan")
@role_required(ADMIN)
def complaints():
    return render_template("admin/complaints.html",
                           items=complaints_store.all_for_admin(get_db()))


@bp.route("/pengaduan/<int:pengaduan_id>", methods=["GET", "POST"])
@role_required(ADMIN)
def complaint(pengaduan_id: int):
    db = get_db()
    item = complaints_store.get(db, pengaduan_id) or abort(404)
    form = ComplaintResponseForm()
    if request.method == "GET":
        form.tindak_lanjut.data = item["tindak_lanjut"]
        form.status.data = item["status"] if item["status"] != complaints_store.NEW else None
    if form.validate_on_submit():
        with transaction(db):
            complaints_store.respond(db, pengaduan_id, tindak_lanjut=form.tindak_lanjut.data,
                                     status=form.status.data, staf_id=g.staf["id"])
        flash(_("Tindak lanjut pengaduan disimpan. Pengadu dapat melihatnya dengan nomor "
                "pengaduan."), "success")
        return redirect(url_for(".complaints"))
    return render_template("admin/complaint.html", form=form, item=item,
                           page_errors=errors_of(form))


# --- SKM follow-up notes -----------------------------------------------------------------

@bp.route("/skm", methods=["GET", "POST"])
@role_required(ADMIN)
def skm_followup():
    db = get_db()
    form = SkmFollowupForm()
    if form.validate_on_submit():
        with transaction(db):
            reports_store.add_skm_followup(db, form.periode.data, form.catatan.data,
                                           g.staf["id"])
        flash(_("Tindak lanjut survei untuk periode %(periode)s disimpan dan ditampilkan di "
                "halaman hasil survei.", periode=form.periode.data), "success")
        return redirect(url_for(".skm_followup"))
    return render_template("admin/skm.html", form=form,
                           notes=reports_store.recent_skm_followups(db),
                           page_errors=errors_of(form))
