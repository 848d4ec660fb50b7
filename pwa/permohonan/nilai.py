"""After the service (seed 000): the citizen rates the officer (penilaian), then may answer the
SKM for this request (Permen PANRB 14/2017), then is thanked."""
from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..bahasa import labels
from ..domain.workflow import SERVED_STATES, Status
from ..skm.forms import SKM_PERTANYAAN, SkmForm
from ..store import permohonan as store, skm as skm_store
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.ownership import owned_request
from .blueprint import bp
from .forms import PenilaianForm


def _notice(permohonan: dict, title: str, message: str, code: int = 200):
    return render_template("permohonan/nilai_pemberitahuan.html", permohonan=permohonan,
                           title=title, message=message), code


def _refused(permohonan: dict, title: str, message: str):
    """A post that cannot be taken now answers 409; the same page opened is just told."""
    return _notice(permohonan, title, message, 409 if request.method == "POST" else 200)


def _not_served(permohonan: dict, title: str):
    return _refused(permohonan, title,
                    _("Penilaian dan survei bisa diisi setelah layanan diberikan. Status "
                      "permohonan Anda sekarang: %(status)s.",
                      status=labels.of(labels.STATUS, permohonan["status"])))


@bp.route("/permohonan/<int:permohonan_id>/nilai", methods=["GET", "POST"])
@owned_request
def nilai(p: dict):
    if Status(p["status"]) not in SERVED_STATES:
        return _not_served(p, _("Belum bisa dinilai"))
    db = get_db()
    already = store.penilaian(db, p["id"])
    form = PenilaianForm()
    if already is None and form.validate_on_submit():
        if store.save_penilaian(db, p["id"], petugas_id=p["petugas_id"], skor=form.skor.data,
                             komentar=form.komentar.data or ""):
            return redirect(url_for("permohonan.survei", permohonan_id=p["id"]))
        already = store.penilaian(db, p["id"])  # rated in another tab meanwhile
    if already is not None:
        return _refused(p, _("Sudah dinilai"),
                        _("Permohonan ini sudah dinilai. Penilaian hanya bisa diberikan satu "
                          "kali. Terima kasih."))
    return render_template("permohonan/nilai.html", form=form, permohonan=p,
                           page_errors=form_errors(form))


@bp.route("/permohonan/<int:permohonan_id>/survei", methods=["GET", "POST"])
@owned_request
def survei(p: dict):
    """The optional SKM straight after rating, linked to the request (one per request)."""
    if Status(p["status"]) not in SERVED_STATES:
        return _not_served(p, _("Survei belum bisa diisi"))
    db = get_db()
    if skm_store.for_request(db, p["id"]) is not None:
        return _refused(p, _("Survei sudah diisi"),
                        _("Survei kepuasan untuk permohonan ini sudah diisi. Terima kasih."))
    form = SkmForm()
    if form.validate_on_submit():
        skm_store.save(db, form.scores(), permohonan_id=p["id"], layanan_id=p["layanan_id"],
                       profil=form.profile())
        return redirect(url_for("permohonan.terima_kasih", permohonan_id=p["id"]))
    return render_template("skm/isi.html", form=form, permohonan=p,
                           action=url_for("permohonan.survei", permohonan_id=p["id"]),
                           skip=url_for("permohonan.terima_kasih", permohonan_id=p["id"]),
                           questions=SKM_PERTANYAAN, page_errors=form_errors(form))


@bp.get("/permohonan/<int:permohonan_id>/terima-kasih")
@owned_request
def terima_kasih(p: dict):
    db = get_db()
    return render_template(
        "permohonan/terima_kasih.html", permohonan=p,
        rated=store.penilaian(db, p["id"]) is not None,
        surveyed=skm_store.for_request(db, p["id"]) is not None,
        served=Status(p["status"]) in SERVED_STATES)
