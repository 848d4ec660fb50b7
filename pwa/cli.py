"""The `mentari` command: Flask's CLI bound to this app (run, init-db, speech, isyarat ...)."""
import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from . import create_app, demo, store
from .web.db import get_db


@click.command("init-db")
@click.option("--demo", "with_demo", is_flag=True,
              help="Add the demo office (services, staff, requests) if empty.")
@with_appcontext
def init_db_command(with_demo: bool):
    """Create or migrate the database (and add demo data when asked and the database is empty)."""
    db = get_db()
    version = store.migrate(db)
    click.echo(f"Database ready (schema {version}): {current_app.config['DATABASE']}")
    if with_demo:
        if demo.load_office(current_app._get_current_object(), db):
            click.echo("Demo data added. Staff accounts and demo requests are listed in "
                       "README.md.")
        else:
            click.echo("Database already has data; demo data not added.")


def init_app(app):
    app.cli.add_command(init_db_command)


def main():
    FlaskGroup(create_app=lambda: create_app(), help="MENTARI command line.")()
