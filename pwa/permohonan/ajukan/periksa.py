"""The periksa step: every answer with an "Ubah" link (GOV.UK check answers), the consent,
and sending."""
from flask import redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _

from ...bahasa import labels
from ...domain.layanan import mode_available
from ...domain.workflow import Mode
from ...services import pengajuan
from ...services.clock import office_today
from ...store import draf as store, permohonan as permohonan_store
from ...web import ownership
from ...web.db import get_db
from ...web.errors import form_errors
from ...web.filters import tanggal, waktu
from .. import draf
from . import forms, kuota, navigasi


def _summary_rows(data, service) -> list[dict]:
    change = navigasi.change_link
    mode = Mode(data["mode"])
    rows = [
        {"key": _("Layanan"), "value": service["nama"], "href": change("layanan")},
        # str(): a lazy string is iterable, and the summary list showed it letter by letter.
        {"key": _("Cara layanan"), "value": str(labels.MODE[mode]), "href": change("cara")},
        {"key": _("Nama lengkap"), "value": data.get("nama"), "href": change("data-diri")},
        {"key": _("Nomor HP atau WhatsApp"), "value": data.get("telepon"),
         "href": change("data-diri")},
        {"key": _("NIK"), "value": data.get("nik") or _("Tidak diisi"),
         "href": change("data-diri")},
        {"key": _("Alamat"), "value": [data.get("alamat"), data.get("desa"),
                                       _("Kecamatan %(nama)s", nama=data.get("kecamatan"))],
         "href": change("alamat")},
        {"key": _("Kelompok"), "value": [labels.of(labels.KATEGORI, k)
                                         for k in data.get("kategori") or []],
         "href": change("kebutuhan")},
    ]
    if data.get("disabilitas"):
        rows.append({"key": _("Jenis disabilitas"), "value": [
            labels.of(labels.DISABILITAS, k) for k in data["disabilitas"]],
            "href": change("kebutuhan")})
    needs = [labels.of(labels.BANTUAN, k) for k in data.get("bantuan") or []]
    if data.get("bantuan_lain"):
        needs.append(data["bantuan_lain"])
    rows.append({"key": _("Bantuan yang diperlukan"), "value": needs or [_("Tidak ada")],
                 "href": change("kebutuhan")})
    when = tanggal(data["jadwal"]) if mode is Mode.LANGSUNG else waktu(data["jadwal"])
    rows.append({"key": _("Jadwal"), "value": when, "href": change("jadwal")})
    batas, from_booking = pengajuan.deadline(get_db(), office_today(), service["sop_hari"],
                                             data.get("jadwal"))
    rows.append({"key": _("Batas waktu penyelesaian"), "value": deadline_words(
        batas, from_booking), "href": change("jadwal")})
    if mode is Mode.ANTAR_JEMPUT:
        rows.append({"key": _("Alamat penjemputan"), "value": data.get("alamat_jemput"),
                     "href": change("jadwal")})
    if mode is Mode.JEMPUT_BOLA:
        rows.append({"key": _("Yang perlu dibawa petugas"),
                     "value": data.get("bawaan") or _("Tidak ada"), "href": change("jadwal")})
    if service["persyaratan"]:
        docs = store.documents(get_db(), draf.current_id())
        lines = []
        for req in service["persyaratan"]:
            d = docs.get(req["id"])
            if d is None:
                lines.append(_("%(dokumen)s: tidak diunggah", dokumen=req["nama"]))
            elif d["diambil_petugas"]:
                lines.append(_("%(dokumen)s: diambil petugas", dokumen=req["nama"]))
            else:
                lines.append(f"{req['nama']}: {d['nama_asli']}")
        rows.append({"key": _("Dokumen"), "value": lines, "href": change("dokumen")})
    return rows


def deadline_words(batas: str, from_booking: bool) -> str:
    if from_booking:
        return _("%(tanggal)s, dihitung dari tanggal yang Anda pilih karena tanggal itu setelah "
                 "waktu penyelesaian layanan (SOP).", tanggal=tanggal(batas))
    return tanggal(batas)


def step_check(data, service):
    form = forms.ConfirmForm(data={"catatan": data.get("catatan")})
    problem = None
    if form.validate_on_submit():
        existing = permohonan_store.by_idempotency_key(get_db(), data["idempotency_key"])
        if existing is not None:
            ownership.grant(existing["id"], request.form.get("untuk"))
            return redirect(url_for("permohonan.selesai", permohonan_id=existing["id"]))
        if not mode_available(service, data["mode"]):
            problem = _("Maaf, layanan atau cara layanan ini baru saja ditutup. Pilih yang lain.")
        elif (refused := kuota.refusal(data["telepon"])) is not None:
            problem = refused
        else:
            data["catatan"] = form.catatan.data
            permohonan_id = pengajuan.submit(get_db(), data, service, draf.current_id(),
                                             bahasa=str(get_locale() or "id"),
                                             today=office_today())
            draf.finish()
            ownership.grant(permohonan_id, request.form.get("untuk"))
            return redirect(url_for("permohonan.selesai", permohonan_id=permohonan_id))
    return render_template("permohonan/ajukan/step_check.html", form=form, service=service,
                           rows=_summary_rows(data, service), problem=problem,
                           back=navigasi.back("periksa", service), page_errors=form_errors(form))
