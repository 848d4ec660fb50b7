"""The complaint's page on /pengaduan/cek (the lookup, and with a number found: the complaint, its
thread of follow-ups and the form to add information), rendered by the lookup and again by
/pengaduan/keterangan after a refused addition. Not a view: both views use it."""
from flask import render_template

from ..domain import pengaduan as rules
from ..store import pengaduan as store
from ..web.db import get_db
from ..web.errors import form_errors
from .forms import KeteranganForm, LookupForm


def page(form: LookupForm, found: dict | None = None, keterangan: KeteranganForm | None = None,
         status: int = 200):
    if found is not None and keterangan is None:
        keterangan = KeteranganForm(formdata=None, nomor=found["nomor"])
    thread = store.thread(get_db(), found["id"]) if found else []
    return render_template(
        "pengaduan/cek.html", form=form, pengaduan=found, keterangan=keterangan, thread=thread,
        integrity=bool(found) and rules.is_integrity(found["jenis"]), page_errors=form_errors(form, keterangan)), status
