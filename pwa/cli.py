"""The `mentari` command: Flask's CLI bound to this app (run, init-db, speech, isyarat ...)."""
import os

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from . import create_app, demo, store
from .web.db import get_db


@click.command("init-db")
@click.option("--demo", "with_demo", is_flag=True,
              help="Add the demo office (services, staff, requests) if empty.")
@click.option("--base-url", show_default="http://127.0.0.1:$PORT",
              # `make run` serves on PORT: demo notifications link to where the app is.
              default=lambda: f"http://127.0.0.1:{os.environ.get('PORT', '8000')}",
              help="Address the demo notifications link to.")
@with_appcontext
def init_db_command(with_demo: bool, base_url: str):
    """Create or migrate the database (and add demo data when asked and the database is empty).
    In production the demo (its accounts share a published password) is refused: make the
    first admin with `mentari staf tambah`."""
    if with_demo and current_app.config["ENV_MODE"] == "production":
        raise click.ClickException(
            "MENTARI_ENV=production: demo data (with its published staff password) is never "
            "added in production. Create the first admin with: mentari staf tambah USERNAME "
            "--nama \"Full Name\" --peran admin")
    db = get_db()
    version = store.migrate(db)
    click.echo(f"Database ready (schema {version}): {current_app.config['DATABASE']}")
    if with_demo:
        if demo.load_office(current_app._get_current_object(), db, base_url):
            click.echo("Demo data added. Staff accounts and demo requests are listed in "
                       "README.md.")
        else:
            click.echo("Database already has data; demo data not added.")


def init_app(app):
    from .staf.cli import staf_command
    app.cli.add_command(init_db_command)
    app.cli.add_command(staf_command)


def main():
    FlaskGroup(create_app=lambda: create_app(), help="MENTARI command line.")()
