"""MENTARI web application: `create_app(config)` wires configuration, extensions and blueprints."""
import os

from flask import Flask

from . import config as settings


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(settings.from_environment(app.instance_path))
    app.config.update(config or {})
    settings.check_production(app.config)
    os.makedirs(app.instance_path, exist_ok=True)

    from . import aksara_judul, database, display, extensions, isyarat, shell, suara
    extensions.init_app(app)
    shell.init_app(app)  # compression, versioned static URLs, page ETags
    database.init_app(app)
    display.init_app(app)
    aksara_judul.init_app(app)
    suara.init_app(app)
    isyarat.init_app(app)

    from . import (admin, auth, citizen, complaints, health, luring, meragatan, rating, staff,
                   status, suara_rekaman)
    for module in (health, citizen, status, rating, complaints, auth, staff, admin, meragatan,
                   display, isyarat, shell, luring, suara_rekaman):
        app.register_blueprint(module.bp)
    if app.config["GALLERY"]:
        from . import gallery
        app.register_blueprint(gallery.bp)
    return app
