"""The `mentari` command: Flask's CLI bound to this app (run, init-db, speech, isyarat ...)."""
import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from . import create_app, demo, store
from .gateway import senders
from .services import draf, pengiriman
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


@click.group("notifikasi")
def notifikasi_command():
    """The notification queue (SMS/WhatsApp)."""


@notifikasi_command.command("kirim")
@with_appcontext
def kirim_command():
    """Send every notification that is due now (the app's worker does this by itself)."""
    sent = failed = 0
    while True:
        s, f = pengiriman.deliver_due(get_db(), senders.from_config(current_app.config))
        sent, failed = sent + s, failed + f
        if s + f == 0:
            break
    click.echo(f"{sent} sent, {failed} failed (tried again later)")


@click.command("bersihkan")
@with_appcontext
def bersihkan_command():
    """Delete unsubmitted drafts older than MENTARI_DRAF_HARI days, with their uploads (the
    app's worker does this every hour by itself)."""
    drafts, files = draf.sweep(current_app._get_current_object(), get_db())
    click.echo(f"{drafts} expired drafts and {files} files deleted")


def init_app(app):
    app.cli.add_command(init_db_command)
    app.cli.add_command(notifikasi_command)
    app.cli.add_command(bersihkan_command)


def main():
    FlaskGroup(create_app=lambda: create_app(), help="MENTARI command line.")()
