"""/sw.js, the service worker: keeps the app shell and the offline forms on the phone, shows
public pages from the phone at once, and sends the phone's outbox when the signal returns
(templates/shell/sw.js). MENTARI_SW_MATI=1 serves the kill switch instead (sw_mati.js): it
removes the worker and its caches from every phone on its next visit."""
import hashlib

from flask import current_app, make_response, render_template, request, url_for
from flask_babel import force_locale, gettext as _
from jinja2 import TemplateNotFound

from ..bahasa.locales import CODES, locale_for
from .blueprint import bp

# What the service worker keeps on the phone from its first visit: the look of every page,
# the scripts of the offline forms, and the pages that work without a signal.
# (Uploads need a signal anyway, so their script is not kept; neither are the install icons,
# which the browser fetches itself.)
SHELL_STATIC = ("css/mentari.css", "js/mentari.js", "js/outbox-db.js", "js/outbox.js",
                "icons/favicon-32.png")
SHELL_PAGES = ("shell.luring", "shell.tersimpan", "permohonan.satu_halaman", "skm.isi")
# Forms whose posts wait in the phone's outbox when there is no signal (the request form first).
OUTBOX_FORMS = ("permohonan.satu_halaman", "skm.isi")
# Public pages, the same for everyone who has not signed in: shown from the phone at once and
# refreshed in the background. Every other page waits for the network (a few seconds at most).
AT_ONCE = ("permohonan.beranda", "permohonan.layanan", "permohonan.ajukan", "skm.hasil",
           "skm.isi", "pengaduan.kirim", "shell.luring", "shell.tersimpan",
           "permohonan.satu_halaman")
# Posts after which the pages kept on the phone no longer look right (display, language,
# who is signed in, which family member uses the phone: every post under /anggota too).
CHANGES_EVERY_PAGE = ("shell.tampilan", "staf.masuk", "staf.keluar", "keluarga.pilih")


def shell_urls() -> list[str]:
    return ([url_for("static", filename=f) for f in SHELL_STATIC]
            + [url_for(endpoint) for endpoint in SHELL_PAGES])


def _notes() -> dict:
    """What a page shown from the phone says when the network did not answer, per language."""
    notes = {}
    for code in CODES:
        with force_locale(locale_for(code)):
            notes[code] = {
                "hari_ini": _("Tersimpan pukul %(waktu)s, belum diperbarui.", waktu="%(waktu)s"),
                "lain": _("Tersimpan %(tanggal)s pukul %(waktu)s, belum diperbarui.",
                          tanggal="%(tanggal)s", waktu="%(waktu)s"),
            }
    return notes


def _source() -> str:
    try:
        source, _name, _up = current_app.jinja_loader.get_source(current_app.jinja_env,
                                                                  "shell/sw.js")
    except TemplateNotFound:
        source = ""
    return source


@bp.get("/sw.js")
def sw():
    """Served from the root so its scope is the whole site; never cached by HTTP, so a new
    version reaches phones on their next visit."""
    if current_app.config.get("SW_MATI"):
        body = render_template("shell/sw_mati.js")
    else:
        urls = shell_urls()
        # A new worker (its code or its shell) brings new caches: nothing of the old version
        # is shown after it takes over.
        version = hashlib.sha256("\n".join(urls + [_source()]).encode()).hexdigest()[:12]
        body = render_template(
            "shell/sw.js", version=version, shell_urls=urls,
            offline=url_for("shell.luring"), saved=url_for("shell.tersimpan"),
            outbox=[url_for(endpoint) for endpoint in OUTBOX_FORMS],
            at_once=[url_for(endpoint) for endpoint in AT_ONCE],
            start=url_for("permohonan.ajukan"), one_page=url_for("permohonan.satu_halaman"),
            changes=[url_for(endpoint) for endpoint in CHANGES_EVERY_PAGE],
            members=url_for("keluarga.anggota"),
            notes=_notes(),
            db_script=url_for("static", filename="js/outbox-db.js"),
            prompt_prefix=url_for("suara.prompt", key="x").rsplit("/", 1)[0] + "/")
    response = make_response(body)
    response.mimetype = "text/javascript"
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    response.add_etag()
    return response.make_conditional(request)
