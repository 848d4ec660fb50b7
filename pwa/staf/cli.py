"""`mentari staf`: staff accounts from the command line (issue 17.1), the same changes as the
admin's pages (services/akun.py), filed in the audit trail as done from "cli". In production
this is how the first admin is made:

    mentari staf tambah sari --nama "Ni Luh Putu Sari" --peran admin
"""
import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from ..bahasa import labels
from ..domain.workflow import STAFF_ROLES
from ..services import akun
from ..services.jejak import CLI
from ..store import staf as store
from ..web.db import get_db

ROLE_CODES = [str(p) for p in STAFF_ROLES]


@click.group("staf", cls=AppGroup)
@click.pass_context
@with_appcontext
def staf_command(ctx):
    """Staff accounts: tambah, ubah, nonaktifkan, aktifkan, reset-sandi, buka-kunci, daftar."""
    # Refusals are worded as on the pages, in Indonesian.
    ctx.with_resource(current_app.test_request_context())


def _refused(refused: akun.AkunDitolak) -> click.ClickException:
    return click.ClickException(labels.of(labels.AKUN_REFUSAL, refused.reason))


def _id_of(username: str) -> int:
    account = next((a for a in store.all_staff(get_db())
                    if a["username"] == username.strip().lower()), None)
    if account is None:
        raise click.ClickException(f"Tidak ada akun dengan nama pengguna {username!r}.")
    return account["id"]


def _hand_over(username: str, password: str) -> None:
    click.echo(f"Nama pengguna:       {username}")
    click.echo(f"Kata sandi pertama:  {password}")
    click.echo("Berikan kata sandi ini langsung kepada petugasnya; ia harus menggantinya saat "
               "pertama kali masuk. Kata sandi ini tidak disimpan dan tidak ditampilkan lagi.")


@staf_command.command("tambah")
@click.argument("username")
@click.option("--nama", required=True, help="Full name, as shown to colleagues.")
@click.option("--peran", "roles", required=True, multiple=True, type=click.Choice(ROLE_CODES),
              help="A role; repeat for a person holding several.")
def tambah(username: str, nama: str, roles: tuple):
    """Add an account; prints its first password once."""
    try:
        _staf_id, password = akun.create(get_db(), username=username, nama=nama, roles=roles,
                                         oleh=CLI)
    except akun.AkunDitolak as refused:
        raise _refused(refused) from None
    _hand_over(username.strip().lower(), password)


@staf_command.command("ubah")
@click.argument("username")
@click.option("--nama", help="New full name.")
@click.option("--peran", "roles", multiple=True, type=click.Choice(ROLE_CODES),
              help="The roles the account holds from now on (repeat for several).")
def ubah(username: str, nama: str | None, roles: tuple):
    """Change an account's name or roles."""
    db = get_db()
    account = store.get_staff(db, _id_of(username))
    try:
        akun.update(db, account["id"], nama=nama or account["nama"],
                    roles=roles or account["peran_semua"], oleh=CLI)
    except akun.AkunDitolak as refused:
        raise _refused(refused) from None
    click.echo(f"Akun {account['username']} disimpan.")


@staf_command.command("nonaktifkan")
@click.argument("username")
def nonaktifkan(username: str):
    """Deactivate an account; it is signed out everywhere at once."""
    try:
        akun.deactivate(get_db(), _id_of(username), CLI)
    except akun.AkunDitolak as refused:
        raise _refused(refused) from None
    click.echo(f"Akun {username} dinonaktifkan dan sudah keluar dari semua perangkat.")


@staf_command.command("aktifkan")
@click.argument("username")
def aktifkan(username: str):
    """Reactivate a deactivated account."""
    akun.activate(get_db(), _id_of(username), CLI)
    click.echo(f"Akun {username} aktif lagi.")


@staf_command.command("reset-sandi")
@click.argument("username")
def reset_sandi(username: str):
    """Give an account a new first password (printed once); signs it out everywhere."""
    password = akun.reset_password(get_db(), _id_of(username), CLI)
    _hand_over(username.strip().lower(), password)


@staf_command.command("buka-kunci")
@click.argument("username")
def buka_kunci(username: str):
    """Open an account locked by failed sign-ins."""
    akun.unlock(get_db(), _id_of(username), CLI)
    click.echo(f"Kunci akun {username} dibuka.")


@staf_command.command("daftar")
def daftar():
    """List the accounts."""
    for a in store.all_staff(get_db()):
        state = "aktif" if a["aktif"] else "nonaktif"
        if a["aktif"] and akun.is_locked(a):
            state = "terkunci"
        elif a["aktif"] and a["harus_ganti_sandi"]:
            state = "aktif, belum mengganti kata sandi pertama"
        click.echo(f"{a['username']:<20} {','.join(akun.ordered_roles(a['peran_semua'])):<30} "
                   f"{state:<12} {a['nama']}")
