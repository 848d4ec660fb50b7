"""/staf/admin/laporan: the office's figures (requests per service, mode, state and month, time to
finish against the SOP, overdue requests, upheld keberatan), on a page and as CSV. Counts,
numbers and service names only: reports are printed and passed around."""
from datetime import date

from flask import abort, render_template, request
from flask_babel import format_decimal
from flask_babel import gettext as _

from ..bahasa import labels
from ..domain import sop
from ..domain.kalender import Kalender
from ..domain.workflow import Mode, Peran, Status
from ..services import kalender
from ..services.clock import office_day, office_now, office_today
from ..store import rekap
from ..web.db import get_db
from ..web.staf import role_required
from ..web.unduhan import csv_response
from .blueprint import bp

# The heads of office read the reports too: they answer for the SOP and the keberatan.
REPORT_READERS = (Peran.ADMIN, Peran.KEPALA_KANTOR, Peran.KASUBAG_TU)


def _day(text: str) -> date:
    return date.fromisoformat(text[:10])


def _completion(services: list[dict], finished: list[dict], days: Kalender) -> list[dict]:
    """Per service: how many finished, their average working days, how many within SOP."""
    per = {s["id"]: {"layanan": s["nama"], "sop_hari": s["sop_hari"], "jumlah": 0,
                     "total_hari": 0, "tepat_waktu": 0} for s in services}
    for r in finished:
        item = per.get(r["layanan_id"])
        if item is None:
            continue
        done = office_day(r["selesai_at"])
        item["jumlah"] += 1
        item["total_hari"] += sop.working_days_between(office_day(r["diajukan_at"]), done, days)
        item["tepat_waktu"] += done <= _day(r["batas_sop"])
    for item in per.values():
        item["rata_rata"] = item["total_hari"] / item["jumlah"] if item["jumlah"] else None
    return list(per.values())


def _overdue(open_requests: list[dict], today: date, days: Kalender) -> list[dict]:
    late = []
    for r in open_requests:
        deadline = _day(r["batas_sop"])
        if sop.is_overdue(deadline, today, Status(r["status"])):
            late.append(dict(r, hari_terlambat=sop.working_days_between(deadline, today, days)))
    return late


def figures(db) -> dict:
    today = office_today()
    offset = office_now().utcoffset()
    services = rekap.counts_by_service(db)
    by_mode = rekap.counts_by_mode(db)
    by_state = rekap.counts_by_state(db)
    days = kalender.of(db)
    return {
        "today": today,
        "services": services,
        "modes": [(m, by_mode.get(str(m), 0)) for m in Mode],
        "states": [(s, by_state.get(str(s), 0)) for s in Status],
        "months": rekap.counts_by_month(db, int(offset.total_seconds() // 60)),
        "completion": _completion(services, rekap.finished(db), days),
        "overdue": _overdue(rekap.open_requests(db), today, days),
        "keberatan": rekap.upheld_keberatan(db),
        "total": sum(s["jumlah"] for s in services),
    }


def average(value) -> str:
    return "–" if value is None else format_decimal(value, format="0.0")


@bp.get("/laporan")
@role_required(*REPORT_READERS)
def laporan():
    return render_template("admin/laporan.html", average=average, **figures(get_db()))


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
                        (k["diantar_at"] or "")[:10]] for k in f["keberatan"]]),
    }


CSV_KINDS = ("layanan", "cara", "status", "bulan", "waktu", "terlambat", "keberatan")


@bp.get("/laporan.csv")
@role_required(*REPORT_READERS)
def laporan_csv():
    kind = request.args.get("jenis", "")
    if kind not in CSV_KINDS:
        abort(404)
    header, body = _csv_tables(figures(get_db()))[kind]
    return csv_response(f"mentari-laporan-{kind}-{office_today().isoformat()}.csv", header, body)
