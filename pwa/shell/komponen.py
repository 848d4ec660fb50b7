"""Development-only gallery: every component macro rendered with its examples (GOV.UK style).

The accessibility audit loads each component page, so every state of every component (empty,
filled, with error, disabled choice...) is checked, not only the states pages happen to show.
Off in production (MENTARI_ENV=production).
"""
from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, RadioField, SelectField, SelectMultipleField, StringField, \
    TextAreaField

from ..bahasa import labels
from ..web.forms import Form

bp = Blueprint("komponen", __name__, url_prefix="/dev/komponen")

COMPONENTS = ("tombol", "isian", "pilihan", "unggah", "ringkasan-galat", "daftar-ringkasan",
              "pemberitahuan", "riwayat", "antrean", "halaman")


class ExampleForm(Form):
    class Meta:
        csrf = False

    nama = StringField(_l("Nama lengkap"))
    nama_galat = StringField(_l("Nama lengkap"))
    telepon = StringField(_l("Nomor HP atau WhatsApp"))
    tanggal = StringField(_l("Tanggal"))
    catatan = TextAreaField(_l("Catatan untuk petugas"))
    kecamatan = SelectField(_l("Kecamatan"), choices=[("", _l("Pilih kecamatan"))] + [
        (k, k) for k in labels.KECAMATAN])
    mode = RadioField(_l("Bagaimana Anda ingin dilayani?"),
                      choices=[(m.value, t) for m, t in labels.MODE.items()])
    mode_galat = RadioField(_l("Bagaimana Anda ingin dilayani?"),
                            choices=[(m.value, t) for m, t in labels.MODE.items()])
    skor = RadioField(_l("Nilai"), choices=[(str(i), str(i)) for i in range(1, 6)])
    kategori = SelectMultipleField(_l("Apakah Anda termasuk salah satu kelompok ini?"),
                                   choices=list(labels.KATEGORI.items()))
    setuju = BooleanField(_l("Saya setuju data ini dipakai untuk melayani permohonan ini."))
    berkas = FileField(_l("Fotokopi ijazah"))
    berkas_galat = FileField(_l("Kartu Tanda Penduduk (KTP)"))


def _example_form() -> ExampleForm:
    form = ExampleForm(formdata=None, data={"telepon": "0812 3456 7890", "mode": "jemput_bola",
                                            "kategori": ["lansia"]})
    form.nama_galat.errors = [_l("Masukkan nama lengkap Anda.")]
    form.mode_galat.errors = [_l("Pilih cara Anda ingin dilayani.")]
    form.berkas_galat.errors = [_l("Berkas harus berupa PDF, JPG, PNG, atau WebP.")]
    return form


@bp.get("/")
def index():
    return render_template("shell/komponen/index.html", components=COMPONENTS)


@bp.get("/<name>")
def component(name: str):
    if name not in COMPONENTS:
        abort(404)
    return render_template(f"shell/komponen/{name}.html", form=_example_form(), name=name,
                           components=COMPONENTS)


@bp.post("/<name>")
def submitted(name: str):
    """A component's example form (the confirmation buttons) posts here and comes back, so
    the example can be tried with the keyboard without changing anything."""
    if name not in COMPONENTS:
        abort(404)
    return redirect(url_for(".component", name=name), code=303)
