"""/staf/admin/isyarat: the clip library, which keys still need a clip, adding (uploaded or
recorded in the browser) and removing clips."""
import os
import tempfile

from flask import (abort, current_app, flash, redirect, render_template, request, url_for)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import FileField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..bahasa import labels
from ..domain import langkah
from ..domain.jejak import Peristiwa
from ..domain.workflow import Peran, Status
from ..store import layanan
from ..web.db import get_db
from ..web.jejak import catat
from ..web.staf import role_required
from ..web.forms import Form
from . import media, pustaka
from .format import format_seconds, kilobytes
from .pemutar import library
from .blueprint import bp
from .pustaka import KlipDitolak

# Public GET routes that are not pages a person reads (downloads, machine answers): no clip.
NOT_PAGES = {"shell.healthz", "static", "permohonan.langkah",  # permohonan.step: per step
             "meragatan.kiosk"}  # the waiting-room screen plays the info: clips instead
NOT_PAGE_PREFIXES = ("/staf", "/dev", "/static", "/isyarat", "/suara")
# Why a clip was refused (isyarat/media.py and pustaka.py give the codes), for the admin's
# form and the `mentari isyarat add` command.
REFUSALS = {
    "bukan_video": _l("Berkas ini bukan video. Pilih rekaman video (misalnya MP4 atau WebM)."),
    "tanpa_gambar": _l("Berkas ini hanya berisi suara, tanpa gambar. Pilih rekaman video."),
    "gambar_diam": _l("Berkas ini gambar diam, bukan video. Pilih rekaman video."),
    "rusak": _l("Video ini rusak atau tidak dapat dibaca. Rekam atau ekspor ulang, lalu unggah lagi."),
    "terlalu_panjang": _l("Video terlalu panjang. Paling lama 5 menit untuk satu penjelasan."),
    "poster": _l("Gambar sampul tidak dapat dibuat dari video ini."),
    "kunci": _l("Pilih apa yang dijelaskan video ini."),
    "judul": _l("Tulis judul video."),
    "juru_isyarat": _l("Tulis nama juru bahasa isyarat di video."),
    "vtt": _l("Berkas teks (takarir) harus berformat WebVTT (.vtt) yang diawali WEBVTT."),
    "vtt_kosong": _l("Berkas takarir tidak berisi teks apa pun."),
    "vtt_wajib": _l("Pilih berkas takarir bahasa Indonesia (WebVTT)."),
    "bahasa": _l("Bahasa takarir tidak dikenal."),
}
REFUSAL_FIELD = {"kunci": "kunci", "judul": "judul", "juru_isyarat": "juru_isyarat"}
REFUSAL_FIELD = {"kunci": "kunci", "judul": "judul", "juru_isyarat": "juru_isyarat"}


def wanted_keys() -> dict:
    """Every key the office should have a clip for: key → what it explains, in words."""
    wanted = {}
    for rule in sorted(current_app.url_map.iter_rules(), key=lambda r: r.rule):
        last = rule.rule.rstrip("/").rsplit("/", 1)[-1]
        if ("GET" not in rule.methods or rule.endpoint in NOT_PAGES or "." in last
                or rule.rule.startswith(NOT_PAGE_PREFIXES)
                or rule.endpoint.endswith(("document", "csv"))):
            continue
        wanted.setdefault(f"page:{rule.endpoint}", _("Halaman %(alamat)s", alamat=rule.rule))
    for step in langkah.STEPS:
        wanted[f"langkah:{step}"] = _("Formulir permohonan, langkah “%(langkah)s”", langkah=step)
    for service in layanan.list_services(get_db()):
        wanted[f"layanan:{service['slug']}"] = _("Layanan: %(nama)s", nama=service["nama"])
    for state in Status:
        wanted[f"status:{state}"] = _("Status: %(status)s",
                                      status=labels.of(labels.STATUS, str(state)))
    for key, what in labels.ISYARAT_INFO.items():
        wanted[key] = _("Layar antrean di ruang tunggu: %(topik)s", topik=what)
    return wanted


class KlipForm(Form):
    kunci = SelectField(_l("Apa yang dijelaskan video ini?"),
                        validators=[DataRequired(_l("Pilih apa yang dijelaskan video ini."))])
    judul = StringField(_l("Judul video"), validators=[
        DataRequired(_l("Tulis judul video.")), Length(max=120, message=_l(
            "Judul paling panjang 120 huruf."))])
    juru_isyarat = StringField(_l("Nama juru bahasa isyarat"), validators=[
        DataRequired(_l("Tulis nama juru bahasa isyarat di video.")),
        Length(max=120, message=_l("Nama paling panjang 120 huruf."))])
    video = FileField(_l("Video"))
    vtt_id = FileField(_l("Takarir Bahasa Indonesia (WebVTT)"))
    vtt_ban = FileField(_l("Takarir Basa Bali (WebVTT)"))
    transkrip = TextAreaField(_l("Transkrip"))


@bp.get("/staf/admin/isyarat")
@role_required(Peran.ADMIN)
def admin():
    rows = pustaka.coverage(wanted_keys(), library())
    return render_template("isyarat/admin_index.html", rows=rows,
                           recorded=sum(r.recorded for r in rows),
                           samples=sum(1 for r in rows if r.clip is not None and r.clip.contoh),
                           format_seconds=format_seconds, kilobytes=kilobytes)


@bp.url_value_preprocessor
def allow_large_recordings(endpoint, _values):
    """A recording is far larger than a document: raise this one route's upload limit. URL
    preprocessors run before any before_request hook, so before CSRF checking reads the body."""
    if endpoint == "isyarat.tambah":
        request.max_content_length = int(current_app.config["ISYARAT_MAX_MB"] * 1024 * 1024)


@bp.route("/staf/admin/isyarat/tambah", methods=["GET", "POST"])
@role_required(Peran.ADMIN)
def tambah():
    wanted = wanted_keys()
    form = KlipForm()
    form.kunci.choices = [("", _("Pilih…"))] + [(k, f"{what} ({k})") for k, what in
                                                  wanted.items()]
    if request.method == "GET" and request.args.get("kunci") in wanted:
        form.kunci.data = request.args["kunci"]
    errors = []
    if form.validate_on_submit():
        errors = _add_from_form(form)
        if not errors:
            catat(Peristiwa.ISYARAT_TAMBAH, objek="isyarat", rincian=form.kunci.data)
            flash(_("Video “%(judul)s” ditambahkan.", judul=form.judul.data), "success")
            return redirect(url_for("isyarat.admin"))
    elif request.method == "POST":
        errors = [(name, str(msgs[0])) for name, msgs in form.errors.items()]
        if not request.files.get("video"):
            errors.append(("video", _("Pilih atau rekam video.")))
    return render_template("isyarat/admin_add.html", form=form, page_errors=errors,
                           max_mb=current_app.config["ISYARAT_MAX_MB"]), 400 if errors else 200


def _add_from_form(form) -> list[tuple[str, str]]:
    upload = request.files.get("video")
    if upload is None or not upload.filename and not upload.content_length:
        return [("video", _("Pilih atau rekam video."))]
    captions, errors = {}, []
    for lang, field in (("id", "vtt_id"), ("ban", "vtt_ban")):
        f = request.files.get(field)
        if f and (f.filename or f.content_length):
            try:
                captions[lang] = f.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                errors.append((field, str(REFUSALS["vtt"])))
    if errors:
        return errors
    # The upload goes to a private temporary file: PyAV reads it by content, never by name.
    handle, path = tempfile.mkstemp(prefix="isyarat-unggah-")
    try:
        with os.fdopen(handle, "wb") as out:
            upload.save(out)
        if os.path.getsize(path) == 0:
            return [("video", _("Berkas yang dipilih kosong. Pilih berkas lain."))]
        pustaka.add(current_app.config["ISYARAT_FOLDER"], path, form.kunci.data,
                            form.judul.data, form.juru_isyarat.data, captions=captions,
                            transcripts={"id": form.transkrip.data})
    except media.BukanVideo as refusal:
        return [("video", str(REFUSALS.get(refusal.reason, REFUSALS["rusak"])))]
    except KlipDitolak as refusal:
        field = REFUSAL_FIELD.get(refusal.reason) or (
            f"vtt_{refusal.detail}" if refusal.detail in ("id", "ban") else "video")
        return [(field, str(REFUSALS.get(refusal.reason, REFUSALS["rusak"])))]
    finally:
        os.unlink(path)
    return []


@bp.route("/staf/admin/isyarat/<nama>/hapus", methods=["GET", "POST"])
@role_required(Peran.ADMIN)
def hapus(nama: str):
    clip = library().by_name(nama)
    if clip is None or clip.contoh:
        abort(404)
    if request.method == "POST":
        pustaka.remove(current_app.config["ISYARAT_FOLDER"], clip.key)
        catat(Peristiwa.ISYARAT_HAPUS, objek="isyarat", rincian=clip.key)
        flash(_("Video “%(judul)s” dihapus.", judul=clip.title), "success")
        return redirect(url_for("isyarat.admin"))
    return render_template("isyarat/admin_remove.html", clip=clip)
