"""MENTARI web application: `create_app(config)` wires configuration, plumbing and the
capability packages (one blueprint each; docs/architecture.md maps URLs to them)."""
import os

from flask import Flask

from . import config as settings


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(settings.from_environment(app.instance_path))
    app.config.update(config or {})
    settings.check_production(app.config)
    os.makedirs(app.instance_path, exist_ok=True)

    from . import (admin, cli, isyarat, keluarga, konsultasi, meragatan, pengaduan,
                   permohonan, shell, skm, staf, suara, web)
    from .services import pengiriman
    web.init_app(app)
    cli.init_app(app)
    pengiriman.init_app(app)  # the worker that sends notifications and runs the clean-ups
    suara.init_app(app)
    isyarat.init_app(app)
    for package in (permohonan, skm, pengaduan, keluarga, konsultasi, staf, admin, meragatan,
                    isyarat, suara, shell):
        app.register_blueprint(package.bp)
    if app.config["GALLERY"]:
        from .shell import komponen
        app.register_blueprint(komponen.bp)
    return app
