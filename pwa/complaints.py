"""Complaints (pengaduan, seed 003): anyone files one, and follows it up with its number.

No sign-in: the tracking number is the only key, so the lookup shows the complaint and the
office's follow-up but never the name or contact the complainant gave.
"""
import re

from flask import Blueprint, current_app, redirect, render_template, session, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from . import nomor
from .admin_forms import errors_of
from .citizen_forms import PHONE, normalise_phone
from .database import get_db
from .extensions import limiter
from .store import complaints as complaints_store, requests as requests_store, transaction

bp = Blueprint("complaints", __name__, url_prefix="/pengaduan")

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SESSION_KEY = "pengaduan_terkirim"


def _rate_limit():
    return current_app.config["STATUS_RATE_LIMIT"]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class ComplaintForm(FlaskForm):
    # Not "isi": that id is taken by <main id="isi">, the skip link's target.
    uraian = TextAreaField(_l("Apa yang ingin Anda adukan?"), filters=[_strip], validators=[
        DataRequired(_l("Tuliskan pengaduan Anda.")),
        Length(min=10, message=_l("Pengaduan paling sedikit 10 huruf. Ceritakan sedikit lebih "
                                  "lengkap.")),
        Length(max=2000, message=_l("Pengaduan paling banyak 2000 huruf."))])
    anonim = BooleanField(_l("Kirim tanpa nama (anonim)"))
    nama = StringField(_l("Nama"), filters=[_strip])
    kontak = StringField(_l("Nomor HP atau email"), filters=[_strip])

    # Name and contact are only checked when they will be kept: an anonymous complaint
    # stores neither, so a typo in them must not block it.
    def validate_nama(self, field):
        if not self.anonim.data and len(field.data or "") > 120:
            raise ValidationError(_l("Nama paling banyak 120 huruf."))

    def validate_kontak(self, field):
        if self.anonim.data or not field.data:
            return
        if "@" in field.data:
            if len(field.data) > 120 or not EMAIL.match(field.data):
                raise ValidationError(_l("Tulis alamat email yang benar, misalnya "
                                         "nama@contoh.id, atau kosongkan."))
        elif PHONE.match(normalise_phone(field.data)):
            field.data = normalise_phone(field.data)
        else:
            raise ValidationError(_l("Tulis nomor HP yang benar, misalnya 0812 3456 7890, "
                                     "atau alamat email, atau kosongkan."))


class LookupForm(FlaskForm):
    nomor = StringField(_l("Nomor pengaduan"), filters=[_strip], validators=[
        DataRequired(_l("Masukkan nomor pengaduan."))])

    def validate_nomor(self, field):
        if not nomor.is_valid(field.data):
            raise ValidationError(_l("Nomor tidak valid, periksa lagi"))


def _new_nomor(db) -> str:
    # Also unused as a registration number, so one number never means two things.
    for _attempt in range(20):
        candidate = nomor.generate()
        if not (complaints_store.nomor_exists(db, candidate)
                or requests_store.nomor_exists(db, candidate)):
            return candidate
    raise RuntimeError("no free tracking number after 20 tries")


@bp.route("", methods=["GET", "POST"])
@limiter.limit(_rate_limit, methods=["POST"])
def new():
    form = ComplaintForm()
    if form.validate_on_submit():
        db = get_db()
        anonymous = bool(form.anonim.data)
        with transaction(db):
            number = _new_nomor(db)
            complaints_store.add(db, nomor=number, isi=form.uraian.data,
                                 nama="" if anonymous else (form.nama.data or ""),
                                 kontak="" if anonymous else (form.kontak.data or ""))
        # Shown on the next page (post/redirect/get: a reload does not file it twice).
        session[_SESSION_KEY] = number
        return redirect(url_for(".sent"))
    return render_template("complaints/new.html", form=form, page_errors=errors_of(form))


@bp.get("/terkirim")
def sent():
    number = session.get(_SESSION_KEY)
    if not number:
        return redirect(url_for(".new"))
    return render_template("complaints/sent.html", number=number)


@bp.route("/cek", methods=["GET", "POST"])
@limiter.limit(_rate_limit, methods=["POST"])
def lookup():
    form = LookupForm()
    found = None
    if form.validate_on_submit():
        found = complaints_store.by_nomor(get_db(), nomor.normalise(form.nomor.data))
        if found is None:
            form.nomor.errors.append(_l("Nomor pengaduan tidak ditemukan. Periksa lagi "
                                        "nomornya."))
        else:
            form.nomor.data = ""  # the box below the result is for checking another number
    return render_template("complaints/lookup.html", form=form, pengaduan=found,
                           page_errors=errors_of(form))
