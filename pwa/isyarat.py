"""BISINDO sign-language clips: the files (with range requests), the player's data for each page,
the admin's library pages and the `mentari isyarat` commands. Thin: the library is
`isyarat_pustaka`, the video work `isyarat_media`.
"""
import os
import tempfile
from pathlib import Path

import click
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask.cli import AppGroup, with_appcontext
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FileField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from . import isyarat_media, isyarat_pustaka, komunikasi, labels
from .auth import role_required
from .database import get_db
from .isyarat_pustaka import KlipDitolak
from .workflow import Peran, Status

bp = Blueprint("isyarat", __name__)

REPO_LIBRARY = Path(__file__).resolve().parent.parent / "media" / "isyarat"
FILES = {"rendah.mp4": "video/mp4", "standar.mp4": "video/mp4",
         "poster.jpg": "image/jpeg", "id.vtt": "text/vtt; charset=utf-8",
         "ban.vtt": "text/vtt; charset=utf-8"}
# Public GET routes that are not pages a person reads (downloads, machine answers): no clip.
NOT_PAGES = {"health.healthz", "static", "citizen.step"}  # citizen.step: per step (langkah:)
NOT_PAGE_PREFIXES = ("/staf", "/dev", "/static", "/isyarat", "/suara")
# Keys the demo fills with samples, so the player can be tried; the rest stays honestly empty.
SAMPLE_KEYS = {
    "page:citizen.home": "Selamat datang di MENTARI",
    "page:status.lookup": "Cara cek status permohonan",
    "langkah:layanan": "Memilih layanan",
    "langkah:kebutuhan": "Menyampaikan kebutuhan khusus",
    "status:disetujui": "Permohonan disetujui",
}

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
QUALITY_WORDS = {"rendah": _l("Hemat data"), "standar": _l("Standar")}
LANGUAGE_NAMES = {"id": _l("Bahasa Indonesia"), "ban": _l("Basa Bali")}


def library():
    return current_app.extensions["isyarat"]


def _format_seconds(seconds: float) -> str:
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


def _kilobytes(n: int) -> int:
    return max(1, round(n / 1024))


def initial_quality() -> str:
    """The rendition the page offers first, before any script runs: the low one unless the
    browser says the link is fast (Client Hints: ECT, Save-Data)."""
    if request.headers.get("Save-Data", "").lower() == "on":
        return "rendah"
    return "standar" if request.headers.get("ECT", "") == "4g" else "rendah"


# --- which clips a page shows -----------------------------------------------------------

def keys_for_page() -> list[str]:
    endpoint = request.endpoint
    if not endpoint:
        return []
    args = request.view_args or {}
    if endpoint == "citizen.step":
        return [f"langkah:{args.get('step')}"]
    keys = [f"page:{endpoint}"]
    if endpoint == "status.view" and args.get("permohonan_id"):
        from .store import catalogue, requests
        p = requests.get(get_db(), args["permohonan_id"])
        if p is not None:
            keys.append(f"status:{p['status']}")
            service = catalogue.get_service(get_db(), p["layanan_id"])
            if service:
                keys.append(f"layanan:{service['slug']}")
    return keys


def clips_for_page() -> list:
    lib = library()
    return [c for c in (lib.get(k) for k in keys_for_page()) if c is not None]


def clip_for(key: str):
    """A clip for a template that shows one next to its subject (a service on the list)."""
    clip = library().get(key)
    if clip is not None:
        g.isyarat_dipakai = True  # base.html then loads the player's script
    return clip


def player_data(clip) -> dict:
    """What the player shows and links for one clip: URLs, sizes, durations, captions."""
    def url(berkas):
        return url_for("isyarat.berkas", nama=clip.name, versi=clip.versi, berkas=berkas)
    qualities = []
    for name in ("rendah", "standar"):
        r = clip.renditions.get(name)
        if r:
            qualities.append({"name": name, "word": QUALITY_WORDS[name], "url": url(r["file"]),
                              "kb": _kilobytes(r["bytes"]), "height": min(r["width"], r["height"]),
                              "width": r["width"], "tall": r["height"]})
    locale = str(get_locale() or "id")
    caption_language = locale if locale in clip.captions else "id"
    transcript_language, transcript = clip.transcript(locale)
    return {
        "clip": clip, "qualities": qualities, "poster": url("poster.jpg"),
        "duration": _format_seconds(clip.seconds),
        "captions": [{"lang": lang, "url": url(f"{lang}.vtt"),
                      "label": labels.of(LANGUAGE_NAMES, lang),
                      "default": lang == caption_language} for lang in clip.captions],
        "transcript": transcript, "transcript_lang": transcript_language,
        "initial": initial_quality(),
    }


# --- the files ----------------------------------------------------------------------------

@bp.get("/isyarat/<nama>/<versi>/<berkas>")
def berkas(nama: str, versi: str, berkas: str):
    """A clip's file. Range requests answer 206 with the asked bytes (seeking on 2G fetches only
    what it needs); the version in the URL lets phones keep the file for a year."""
    clip = library().by_name(nama)
    if clip is None or berkas not in FILES or clip.versi != versi:
        abort(404)
    path = clip.folder / berkas
    if not path.is_file():
        abort(404)
    response = send_file(path, mimetype=FILES[berkas], conditional=True, max_age=365 * 86400,
                         etag=True)
    response.cache_control.public = True
    response.cache_control.immutable = True
    response.headers["Accept-Ranges"] = "bytes"
    return response


# --- admin: the library and adding clips --------------------------------------------------

def wanted_keys() -> dict:
    """Every key the office should have a clip for: key → what it explains, in words."""
    from . import citizen
    from .store import catalogue
    wanted = {}
    for rule in sorted(current_app.url_map.iter_rules(), key=lambda r: r.rule):
        last = rule.rule.rstrip("/").rsplit("/", 1)[-1]
        if ("GET" not in rule.methods or rule.endpoint in NOT_PAGES or "." in last
                or rule.rule.startswith(NOT_PAGE_PREFIXES)
                or rule.endpoint.endswith(("document", "csv"))):
            continue
        wanted.setdefault(f"page:{rule.endpoint}", _("Halaman %(alamat)s", alamat=rule.rule))
    for step in citizen.STEPS:
        wanted[f"langkah:{step}"] = _("Formulir permohonan, langkah “%(langkah)s”", langkah=step)
    for service in catalogue.list_services(get_db()):
        wanted[f"layanan:{service['slug']}"] = _("Layanan: %(nama)s", nama=service["nama"])
    for state in Status:
        wanted[f"status:{state}"] = _("Status: %(status)s",
                                      status=labels.of(labels.STATUS, str(state)))
    return wanted


class KlipForm(FlaskForm):
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
def admin_index():
    rows = isyarat_pustaka.coverage(wanted_keys(), library())
    return render_template("isyarat/admin_index.html", rows=rows,
                           recorded=sum(r.recorded for r in rows),
                           samples=sum(1 for r in rows if r.clip is not None and r.clip.contoh),
                           format_seconds=_format_seconds, kilobytes=_kilobytes)


@bp.url_value_preprocessor
def allow_large_recordings(endpoint, _values):
    """A recording is far larger than a document: raise this one route's upload limit. URL
    preprocessors run before any before_request hook, so before CSRF checking reads the body."""
    if endpoint == "isyarat.admin_add":
        request.max_content_length = int(current_app.config["ISYARAT_MAX_MB"] * 1024 * 1024)


@bp.route("/staf/admin/isyarat/tambah", methods=["GET", "POST"])
@role_required(Peran.ADMIN)
def admin_add():
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
            flash(_("Video “%(judul)s” ditambahkan.", judul=form.judul.data), "success")
            return redirect(url_for("isyarat.admin_index"))
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
        isyarat_pustaka.add(current_app.config["ISYARAT_FOLDER"], path, form.kunci.data,
                            form.judul.data, form.juru_isyarat.data, captions=captions,
                            transcripts={"id": form.transkrip.data})
    except isyarat_media.BukanVideo as refusal:
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
def admin_remove(nama: str):
    clip = library().by_name(nama)
    if clip is None or clip.contoh:
        abort(404)
    if request.method == "POST":
        isyarat_pustaka.remove(current_app.config["ISYARAT_FOLDER"], clip.key)
        flash(_("Video “%(judul)s” dihapus.", judul=clip.title), "success")
        return redirect(url_for("isyarat.admin_index"))
    return render_template("isyarat/admin_remove.html", clip=clip)


# --- set-up and commands ------------------------------------------------------------------

def init_app(app):
    app.config.setdefault("ISYARAT_FOLDER", str(REPO_LIBRARY))
    app.config.setdefault("ISYARAT_CONTOH", app.config.get("ENV_MODE") != "production")
    app.config.setdefault("ISYARAT_MAX_MB", 100)
    app.extensions["isyarat"] = isyarat_pustaka.Pustaka(app.config["ISYARAT_FOLDER"],
                                                        samples=app.config["ISYARAT_CONTOH"])
    app.jinja_env.globals.update(isyarat_halaman=clips_for_page, isyarat_klip=clip_for,
                                 isyarat_data=player_data,
                                 kebutuhan_komunikasi=komunikasi.needs,
                                 kontak_teks=komunikasi.text_links)
    app.cli.add_command(isyarat_command)

    @app.after_request
    def ask_for_connection_hints(response):
        # Chrome then sends ECT and Save-Data, so the first rendition offered fits the link.
        if response.mimetype == "text/html":
            response.headers.setdefault("Accept-CH", "ECT, Save-Data")
        return response


@click.group("isyarat", cls=AppGroup)
@click.pass_context
@with_appcontext
def isyarat_command(ctx):
    """The BISINDO sign-language clip library (media/isyarat/)."""
    # The words (service names, refusals) are translated like on a page, in Indonesian.
    ctx.with_resource(current_app.test_request_context())


@isyarat_command.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--key", required=True, help="page:<endpoint>, layanan:<slug>, langkah:<step>, "
                                           "status:<state> or suara:<prompt>")
@click.option("--title", required=True)
@click.option("--signer", required=True, help="The sign-language interpreter in the video.")
@click.option("--vtt-id", type=click.File(encoding="utf-8-sig"), required=True,
              help="Indonesian captions (WebVTT)")
@click.option("--vtt-ban", type=click.File(encoding="utf-8-sig"), help="Balinese captions")
@click.option("--transcript", type=click.File(encoding="utf-8-sig"),
              help="Indonesian transcript (default: the text of the Indonesian captions)")
def add_command(file, key, title, signer, vtt_id, vtt_ban, transcript):
    """Transcode FILE into the library under KEY (replacing a clip already there)."""
    captions = {lang: f.read() for lang, f in (("id", vtt_id), ("ban", vtt_ban)) if f}
    try:
        clip = isyarat_pustaka.add(current_app.config["ISYARAT_FOLDER"], file, key, title,
                                   signer, captions=captions,
                                   transcripts={"id": transcript.read()} if transcript else None)
    except isyarat_media.BukanVideo as refusal:
        raise click.ClickException(str(REFUSALS.get(refusal.reason, REFUSALS["rusak"])))
    except KlipDitolak as refusal:
        message = str(REFUSALS.get(refusal.reason, refusal))
        raise click.ClickException(f"{message} {refusal.detail}".strip())
    click.echo(f"{clip.key}: {clip.title} ({_format_seconds(clip.seconds)})")
    for name, r in clip.renditions.items():
        click.echo(f"  {name}: {r['width']}x{r['height']} {r['fps']} fps, "
                   f"{_kilobytes(r['bytes'])} KB, {r['kbps']} kbps")


@isyarat_command.command("coverage")
def coverage_command():
    """Which keys have a clip, and which still need recording with local Deaf signers."""
    rows = isyarat_pustaka.coverage(wanted_keys(), library())
    needed = [r for r in rows if not r.recorded]
    for r in rows:
        if r.recorded:
            mark = "ada"
        elif r.clip is not None:
            mark = "contoh"  # a synthetic sample: still to be recorded
        else:
            mark = "perlu direkam"
        click.echo(f"{mark:<14} {r.key:<34} {r.what}")
    click.echo(f"{len(rows) - len(needed)} of {len(rows)} keys have a recorded clip; "
               f"{len(needed)} still need recording.")


@isyarat_command.command("contoh")
@click.option("--seconds", default=6.0, show_default=True)
def samples_command(seconds):
    """Make synthetic SAMPLE clips (not signing) for a few keys, to try the player."""
    from . import isyarat_contoh
    root = current_app.config["ISYARAT_FOLDER"]
    made = 0
    for key, title in SAMPLE_KEYS.items():
        existing = library().get(key)
        if existing is not None:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "contoh.mp4"
            isyarat_contoh.buat_video(source, key, seconds=seconds, width=640, height=360)
            isyarat_pustaka.add(root, source, key, title, "Contoh (bukan juru bahasa isyarat)",
                                captions={"id": _sample_captions(title, seconds)},
                                contoh=True)
        made += 1
    click.echo(f"{made} sample clip(s) made in {root}/contoh (samples, not sign language).")


def _vtt_time(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _sample_captions(title: str, seconds: float) -> str:
    middle = seconds / 2
    return ("WEBVTT\n\n"
            f"{_vtt_time(0)} --> {_vtt_time(middle)}\n"
            f"CONTOH, bukan bahasa isyarat: {title}.\n\n"
            f"{_vtt_time(middle)} --> {_vtt_time(seconds)}\n"
            "Video asli direkam kantor bersama juru bahasa isyarat Tuli.\n")
