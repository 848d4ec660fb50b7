"""The `mentari` command: Flask's CLI bound to this app (run, init-db, speech, isyarat ...)."""
from datetime import datetime, timezone
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from . import create_app, demo, store
from .store import cadangan
from .gateway import senders
from .services import draf, pengiriman
from .web.db import get_db


@click.command("init-db")
@click.option("--demo", "with_demo", is_flag=True,
              help="Add the demo office (services, staff, requests) if empty.")
@with_appcontext
def init_db_command(with_demo: bool):
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


def _folders(app) -> dict:
    from .suara.folders import recordings_folder
    return {"uploads": app.config["UPLOAD_FOLDER"], "rekaman": str(recordings_folder(app)),
            "isyarat": app.config["ISYARAT_FOLDER"]}


@click.command("backup")
@click.option("--ke", "target", type=click.Path(dir_okay=False),
              help="The archive to write (default: instance/cadangan/mentari-<time>.tar.gz).")
@with_appcontext
def backup_command(target):
    """Back up the database (online, while the app runs), the uploaded documents, the
    recorded voice prompts and the sign-language clips into one .tar.gz."""
    app = current_app._get_current_object()
    if not target:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        target = Path(app.instance_path) / "cadangan" / f"mentari-{stamp}.tar.gz"
    manifest = cadangan.backup(get_db(), _folders(app), Path(target))
    counts = manifest["counts"]
    click.echo(f"{target}: schema {manifest['schema']}, {counts.get('permohonan', 0)} requests, "
               f"{len(manifest['files']) - 1} files")


@click.command("restore")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False))
@click.option("--timpa", is_flag=True, help="Replace a database that already holds data.")
@with_appcontext
def restore_command(archive, timpa):
    """Restore a backup made by `mentari backup` into this instance, then migrate."""
    app = current_app._get_current_object()
    try:
        manifest = cadangan.restore(Path(archive), app.config["DATABASE"], _folders(app),
                                    overwrite=timpa)
    except cadangan.RestoreRefused as refused:
        raise click.ClickException(str(refused)) from None
    db = store.connect(app.config["DATABASE"])
    try:
        version = store.migrate(db)
    finally:
        db.conn.close()
    click.echo(f"restored {archive} (made {manifest['made_at']}): schema {version}, "
               f"{manifest['counts'].get('permohonan', 0)} requests, "
               f"{len(manifest['files']) - 1} files")


def init_app(app):
    from .staf.cli import staf_command
    app.cli.add_command(init_db_command)
    app.cli.add_command(notifikasi_command)
    app.cli.add_command(bersihkan_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(staf_command)


def main():
    FlaskGroup(create_app=lambda: create_app(), help="MENTARI command line.")()
