"""BISINDO sign-language clips: the files (berkas.py, with range requests), which clips a page
shows and the player's data (pemutar.py), the admin's library pages (admin.py) and the
`mentari isyarat` commands (cli.py). The library itself is pustaka.py, the video work media.py.
"""
from pathlib import Path

from flask import Blueprint, current_app
from flask_babel import lazy_gettext as _l

from ..domain import komunikasi
from . import pustaka

bp = Blueprint("isyarat", __name__)

REPO_LIBRARY = Path(__file__).resolve().parents[2] / "media" / "isyarat"

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


def library() -> pustaka.Pustaka:
    return current_app.extensions["isyarat"]


def format_seconds(seconds: float) -> str:
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


def kilobytes(n: int) -> int:
    return max(1, round(n / 1024))


def init_app(app):
    from . import cli, pemutar
    app.config.setdefault("ISYARAT_FOLDER", str(REPO_LIBRARY))
    app.config.setdefault("ISYARAT_CONTOH", app.config.get("ENV_MODE") != "production")
    app.config.setdefault("ISYARAT_MAX_MB", 100)
    app.extensions["isyarat"] = pustaka.Pustaka(app.config["ISYARAT_FOLDER"],
                                                samples=app.config["ISYARAT_CONTOH"])
    app.jinja_env.globals.update(isyarat_halaman=pemutar.clips_for_page,
                                 isyarat_klip=pemutar.clip_for, isyarat_data=pemutar.player_data,
                                 kebutuhan_komunikasi=komunikasi.needs,
                                 kontak_teks=komunikasi.text_links)
    app.cli.add_command(cli.isyarat_command)

    @app.after_request
    def ask_for_connection_hints(response):
        # Chrome then sends ECT and Save-Data, so the first rendition offered fits the link.
        if response.mimetype == "text/html":
            response.headers.setdefault("Accept-CH", "ECT, Save-Data")
        return response


from . import admin, berkas  # noqa: E402,F401  (their routes)
