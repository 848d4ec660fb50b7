"""/staf/admin/akun: the office's staff accounts (issue 17.1): add one (with a first password to
hand over), change its name and roles, reset its password, deactivate or reactivate it, open it
when locked. The same as `mentari staf ...` on the command line; services/akun.py does both."""
from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..bahasa import labels
from ..domain.workflow import Peran
from ..services import akun as service
from ..store import staf as store
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.jejak import oleh
from ..web.staf import role_required
from .blueprint import bp
from .forms import AccountForm, ConfirmForm, EditAccountForm

ADMIN = Peran.ADMIN


def _account(staf_id: int) -> dict:
    account = store.get_staff(get_db(), staf_id)
    if account is None:
        abort(404)
    account["peran_semua"] = service.ordered_roles(account["peran_semua"])
    account["terkunci"] = account["aktif"] and service.is_locked(account)
    return account


def _first_password_page(account: dict, password: str, reset: bool):
    """Shown once, never stored: the page may not be kept by the browser or any cache."""
    response = make_response(render_template("admin/akun_sandi.html", account=account,
                                             password=password, reset=reset))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/akun")
@role_required(ADMIN)
def akun():
    db = get_db()
    accounts = store.all_staff(db)
    for a in accounts:
        a["peran_semua"] = service.ordered_roles(a["peran_semua"])
        a["terkunci"] = a["aktif"] and service.is_locked(a)
    return render_template("admin/akun.html", accounts=accounts,
                           locked=[a for a in accounts if a["terkunci"]])


@bp.route("/akun/baru", methods=["GET", "POST"])
@role_required(ADMIN)
def akun_baru():
    db = get_db()
    form = AccountForm()
    if form.validate_on_submit():
        if store.username_taken(db, form.username.data):
            form.username.errors = [labels.of(labels.AKUN_REFUSAL, "username_dipakai")]
        else:
            try:
                staf_id, password = service.create(
                    db, username=form.username.data, nama=form.nama.data,
                    roles=form.peran.data, oleh=oleh())
            except service.AkunDitolak as refused:
                field = form.username if refused.reason == "username_dipakai" else form.peran
                field.errors = [labels.of(labels.AKUN_REFUSAL, refused.reason)]
            else:
                return _first_password_page(_account(staf_id), password, reset=False)
    return render_template("admin/akun_form.html", form=form, account=None,
                           page_errors=form_errors(form))


@bp.route("/akun/<int:staf_id>", methods=["GET", "POST"])
@role_required(ADMIN)
def akun_ubah(staf_id: int):
    account = _account(staf_id)
    form = EditAccountForm()
    if request.method == "GET":
        form.nama.data = account["nama"]
        form.peran.data = account["peran_semua"]
    if form.validate_on_submit():
        try:
            service.update(get_db(), staf_id, nama=form.nama.data, roles=form.peran.data,
                           oleh=oleh())
        except service.AkunDitolak as refused:
            form.peran.errors = [labels.of(labels.AKUN_REFUSAL, refused.reason)]
        else:
            flash(_("Perubahan akun %(nama)s disimpan.", nama=form.nama.data), "success")
            return redirect(url_for(".akun"))
    return render_template("admin/akun_form.html", form=form, account=account,
                           unlock_form=ConfirmForm(), page_errors=form_errors(form))


@bp.route("/akun/<int:staf_id>/reset-sandi", methods=["GET", "POST"])
@role_required(ADMIN)
def akun_reset_sandi(staf_id: int):
    account = _account(staf_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        password = service.reset_password(get_db(), staf_id, oleh())
        return _first_password_page(_account(staf_id), password, reset=True)
    return render_template("admin/akun_konfirmasi.html", account=account, langkah="reset")


def _done(langkah: str, nama: str) -> str:
    if langkah == "nonaktifkan":
        return _("Akun %(nama)s dinonaktifkan dan sudah keluar dari semua perangkat.", nama=nama)
    return _("Akun %(nama)s aktif lagi.", nama=nama)


def _change_state(staf_id: int, langkah: str, act):
    account = _account(staf_id)
    form = ConfirmForm()
    refusal = None
    if form.validate_on_submit():
        try:
            act(get_db(), staf_id, oleh())
        except service.AkunDitolak as refused:
            refusal = labels.of(labels.AKUN_REFUSAL, refused.reason)
        else:
            flash(_done(langkah, account["nama"]), "success")
            return redirect(url_for(".akun"))
    return render_template("admin/akun_konfirmasi.html", account=account, langkah=langkah,
                           refusal=refusal)


@bp.route("/akun/<int:staf_id>/nonaktifkan", methods=["GET", "POST"])
@role_required(ADMIN)
def akun_nonaktifkan(staf_id: int):
    return _change_state(staf_id, "nonaktifkan", service.deactivate)


@bp.route("/akun/<int:staf_id>/aktifkan", methods=["GET", "POST"])
@role_required(ADMIN)
def akun_aktifkan(staf_id: int):
    return _change_state(staf_id, "aktifkan", service.activate)


@bp.post("/akun/<int:staf_id>/buka-kunci")
@role_required(ADMIN)
def akun_buka_kunci(staf_id: int):
    account = _account(staf_id)
    if ConfirmForm().validate_on_submit():
        service.unlock(get_db(), staf_id, oleh())
        flash(_("Kunci akun %(nama)s dibuka. Petugas ini bisa masuk lagi.",
                nama=account["nama"]), "success")
    return redirect(url_for(".akun_ubah", staf_id=staf_id))

