"""BISINDO sign-language clips: the files (berkas.py, with range requests), which clips a page
shows and the player's data (pemutar.py), the admin's library pages (admin.py) and the
`mentari isyarat` commands (cli.py). The library itself is pustaka.py, the video work media.py.
"""
from pathlib import Path

from ..domain import komunikasi
from . import pustaka
from .blueprint import bp  # noqa: F401  (registered by create_app)

REPO_LIBRARY = Path(__file__).resolve().parents[2] / "media" / "isyarat"


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
