"""The office's recordings of voice mode's fixed prompts, from the admin pages: hear what a
citizen hears now, upload a person's recording (a phone's own recorder app is enough), or go
back to the synthesised voice. Balinese needs them most: no engine speaks it. The recording is
checked and prepared by speech/rekaman.py, by its content, whatever the file is called.
"""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from wtforms import FileField

from speech import rekaman, tts

from ..bahasa.locales import AUTONYMS, BALINESE
from ..domain.jejak import Peristiwa
from ..domain.workflow import Peran
from ..web.jejak import catat
from ..web.staf import role_required
from ..web.forms import Form
from . import teks
from .folders import LANGS, recordings_folder
from .blueprint import bp

REFUSALS = {
    "kosong": _l("Pilih berkas rekaman."),
    "bukan_audio": _l("Berkas ini bukan rekaman suara yang bisa dibaca. Unggah rekaman WAV, "
                      "M4A, MP3, WebM atau Ogg."),
    "terlalu_panjang": _l("Rekaman terlalu panjang. Satu kalimat paling lama 30 detik."),
    "sunyi": _l("Tidak ada suara yang terdengar dalam rekaman ini. Periksa mikrofon, lalu "
                "rekam lagi."),
}


class RekamanForm(Form):
    rekaman = FileField(_l("Rekaman"))


def _language(value: str | None) -> str:
    return value if value in LANGS else BALINESE


def _prompts(lang: str) -> dict[str, str]:
    return teks.prompts_in(lang)


def _sound_url(key: str, text: str, lang: str) -> str:
    """What a citizen hears now: the same URL voice mode plays, at the normal rate."""
    return url_for("suara.prompt", key=key, lang=lang, v=tts.prompt_version(key, text, lang),
                   laju="1")


@bp.get("/staf/admin/suara")
@role_required(Peran.ADMIN)
def rekaman_index():
    lang = _language(request.args.get("bahasa"))
    rows = [{"key": key, "text": text, "recorded": tts.recorded(key, lang) is not None}
            for key, text in _prompts(lang).items()]
    return render_template("suara/admin_index.html", rows=rows, lang=lang, names=AUTONYMS,
                           recorded=sum(r["recorded"] for r in rows))


@bp.route("/staf/admin/suara/<bahasa>/<kunci>", methods=["GET", "POST"])
@role_required(Peran.ADMIN)
def rekam(bahasa: str, kunci: str):
    text = _prompts(bahasa).get(kunci) if bahasa in LANGS else None
    if text is None:
        abort(404)
    form = RekamanForm()
    errors = []
    if form.validate_on_submit():
        upload = request.files.get("rekaman")
        data = upload.read() if upload else b""
        try:
            if not data:
                raise rekaman.RecordingRefused("kosong")
            rekaman.install(recordings_folder(current_app), bahasa, kunci, data)
        except rekaman.RecordingRefused as refused:
            errors = [("rekaman", str(REFUSALS[refused.reason]))]
        else:
            catat(Peristiwa.REKAMAN_SIMPAN, objek="rekaman", rincian=f"{bahasa}:{kunci}")
            flash(_("Rekaman untuk “%(teks)s” sudah dipakai.", teks=text), "success")
            return redirect(url_for("suara.rekaman_index", bahasa=bahasa))
    elif request.method == "POST":
        errors = [(name, str(messages[0])) for name, messages in form.errors.items()]
    if errors:
        form.rekaman.errors = [message for name, message in errors if name == "rekaman"]
    return render_template(
        "suara/admin_rekam.html", form=form, key=kunci, text=text, lang=bahasa,
        language=AUTONYMS[bahasa], recorded=tts.recorded(kunci, bahasa) is not None,
        sound=_sound_url(kunci, text, bahasa), max_seconds=int(rekaman.MAX_SECONDS),
        page_errors=errors), 400 if errors else 200


@bp.route("/staf/admin/suara/<bahasa>/<kunci>/hapus", methods=["GET", "POST"])
@role_required(Peran.ADMIN)
def hapus_rekaman(bahasa: str, kunci: str):
    """Asked first: a deleted recording is gone, and the person who made it may have left."""
    text = _prompts(bahasa).get(kunci) if bahasa in LANGS else None
    if text is None or tts.recorded(kunci, bahasa) is None:
        abort(404)
    if request.method == "POST":
        rekaman.remove(recordings_folder(current_app), bahasa, kunci)
        catat(Peristiwa.REKAMAN_HAPUS, objek="rekaman", rincian=f"{bahasa}:{kunci}")
        flash(_("“%(teks)s” kembali diucapkan suara komputer.", teks=text), "success")
        return redirect(url_for("suara.rekaman_index", bahasa=bahasa))
    return render_template("suara/admin_hapus.html", key=kunci, text=text, lang=bahasa,
                           language=AUTONYMS[bahasa])
