"""/staf/cari: find a citizen's request for them (issue 17.3): the citizen who lost their
registration number is helped at the office or on the phone (/status says so).

Searched by POST, not in the URL: a name, a phone number or NIK digits would otherwise be
written into the access logs of every server and proxy, and into the browser's history. The
results show only what tells two citizens apart (domain/pencarian.py); a petugas finds only
the requests they may open (akses.load).
"""
from flask import g, make_response, render_template, request
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField
from wtforms.validators import InputRequired, Length

from ..domain import pencarian
from ..domain.workflow import Peran
from ..store import permohonan as store
from ..web.db import get_db
from ..web.errors import form_errors
from ..web.forms import Form, strip
from ..web.staf import role_required
from .akses import VIEWERS
from .blueprint import bp

JENIS = {
    pencarian.NOMOR: _l("Nomor registrasi"),
    pencarian.NAMA: _l("Nama pemohon"),
    pencarian.TELEPON: _l("Nomor HP"),
    pencarian.NIK: _l("Angka terakhir NIK"),
}
JENIS_HINT = {
    pencarian.NOMOR: _l("12 angka, misalnya 2024 0000 0013."),
    pencarian.NAMA: _l("Sebagian nama pun boleh, paling sedikit 3 huruf."),
    pencarian.TELEPON: _l("Nomor HP lengkap yang dipakai saat mengajukan."),
    pencarian.NIK: _l("4 angka terakhir atau lebih. NIK lengkap tidak pernah ditampilkan."),
}
# Why a query cannot be searched (codes from domain/pencarian.py).
DITOLAK = {
    "jenis": _l("Pilih cari berdasarkan apa."),
    "nomor_kosong": _l("Masukkan nomor registrasi."),
    "nama_kosong": _l("Masukkan nama pemohon."),
    "telepon_kosong": _l("Masukkan nomor HP pemohon."),
    "nik_kosong": _l("Masukkan angka terakhir NIK pemohon."),
    "nomor": _l("Nomor registrasi tidak sesuai. Periksa 12 angkanya."),
    "telepon": _l("Nomor HP tidak sesuai. Tulis seperti 0812 3456 7890."),
    "nik": _l("Tulis 4 sampai 16 angka terakhir NIK, tanpa huruf."),
    "nama_pendek": _l("Tulis paling sedikit 3 huruf dari nama."),
    "nama_panjang": _l("Nama paling banyak 120 huruf."),
}
# Which store.search argument each kind of query fills.
_COLUMN = {pencarian.NOMOR: "nomor", pencarian.NAMA: "nama", pencarian.TELEPON: "telepon",
           pencarian.NIK: "nik_akhir"}


class CariForm(Form):
    jenis = RadioField(_l("Cari berdasarkan"), choices=list(JENIS.items()),
                       validate_choice=False, validators=[InputRequired(DITOLAK["jenis"])])
    kata = StringField(_l("Yang dicari"), filters=[strip],
                       validators=[Length(max=200, message=DITOLAK["nama_panjang"])])

    def checked(self) -> str | None:
        """The normalised value to look for, or None with the message on its field."""
        if not self.validate():
            return None
        try:
            return pencarian.query(self.jenis.data, self.kata.data)
        except pencarian.CariDitolak as refusal:
            field = self.jenis if refusal.reason == "jenis" else self.kata
            field.errors.append(DITOLAK[refusal.reason])
            return None


@bp.route("/cari", methods=["GET", "POST"])
@role_required(*VIEWERS)
def cari():
    form = CariForm()
    found = None
    if request.method == "POST":
        value = form.checked()
        if value is not None:
            own = g.staf["id"] if g.staf["peran"] == Peran.PETUGAS else None
            found = store.search(get_db(), **{_COLUMN[form.jenis.data]: value},
                                 petugas_id=own, limit=pencarian.MAX_RESULTS + 1)
    response = make_response(render_template(
        "staf/cari.html", form=form, hints=JENIS_HINT, found=found,
        lebih=found is not None and len(found) > pencarian.MAX_RESULTS,
        batas=pencarian.MAX_RESULTS, tail=pencarian.tail,
        hanya_tugas=g.staf["peran"] == Peran.PETUGAS, page_errors=form_errors(form)))
    # What was searched for and found is personal: never kept by a browser or a proxy.
    response.headers["Cache-Control"] = "private, no-store"
    return response
