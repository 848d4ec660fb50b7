"""The jadwal step: when to be picked up, visited, consulted or expected at the office. The
rules are domain/jadwal.py's, the same as the one-page form's."""
from datetime import datetime

from flask import render_template
from flask_babel import gettext as _

from ...bahasa import labels
from ...domain import jadwal, sop
from ...domain.workflow import Mode
from ...services import kalender
from ...services.clock import office_today
from ...store import permohonan as store
from ...web.db import get_db
from ...web.errors import form_errors
from ...web.filters import tanggal, waktu
from .. import draf
from . import forms, navigasi


def step_schedule(data, service):
    mode = Mode(data["mode"])
    if mode is Mode.KONSULTASI:
        return _consultation(data, service)
    saved = datetime.fromisoformat(data["jadwal"]) if data.get("jadwal") else None
    initial = {"tanggal": saved.date() if saved else None, "jam": saved.time() if saved else None}
    if mode is Mode.ANTAR_JEMPUT:
        form = forms.PickupForm(data=dict(initial, alamat_jemput=data.get("alamat_jemput")
                                          or data.get("alamat")))
    elif mode is Mode.JEMPUT_BOLA:
        form = forms.VisitForm(data=dict(initial, bawaan=data.get("bawaan")))
    else:
        form = forms.WalkInForm(data=initial)
    if form.validate_on_submit():
        if mode is Mode.LANGSUNG:
            data["jadwal"] = form.tanggal.data.isoformat()
        else:
            data["jadwal"] = form.moment()
        if mode is Mode.ANTAR_JEMPUT:
            data["alamat_jemput"] = form.alamat_jemput.data
        if mode is Mode.JEMPUT_BOLA:
            data["bawaan"] = form.bawaan.data
        draf.save(data)
        return navigasi.after("jadwal", service)
    return render_template("permohonan/ajukan/step_schedule.html", form=form, mode=mode,
                           service=service, suara_pilihan=_spoken_choices(),
                           hari=_calendar(service),
                           back=navigasi.back("jadwal", service), page_errors=form_errors(form))


def _consultation(data, service):
    form = forms.ConsultationForm(data={"slot": data.get("jadwal") or ""})
    today, days = office_today(), kalender.of(get_db())
    booked = store.booked_slots(get_db(), Mode.KONSULTASI)
    form.slot.choices = [(jadwal.slot_key(s), waktu(jadwal.slot_key(s), "EEEE, d MMMM y, HH.mm"))
                         for s in jadwal.consultation_slots(today, days)]
    taken = {s: _("Sudah dipesan orang lain.") for s, _t in form.slot.choices if s in booked}
    if form.validate_on_submit():
        problem = jadwal.consultation_problem(form.slot.data, today, booked, days)
        if problem:
            form.slot.errors = [labels.JADWAL[problem]]
        else:
            data["jadwal"] = form.slot.data
            draf.save(data)
            return navigasi.after("jadwal", service)
    return render_template("permohonan/ajukan/step_schedule.html", form=form,
                           mode=Mode.KONSULTASI, taken=taken, service=service,
                           hari=_calendar(service),
                           back=navigasi.back("jadwal", service), page_errors=form_errors(form))


def _calendar(service) -> dict:
    """What the page says about days: the first day that may be booked, the SOP deadline of a
    request sent today (a later day moves it), and the days the office is closed ahead."""
    today, days = office_today(), kalender.of(get_db())
    return {"mulai": jadwal.first_day(today, days),
            "batas": sop.deadline(today, service["sop_hari"], days),
            "sop_hari": service["sop_hari"],
            "libur": jadwal.closures_ahead(today, days)}


def _spoken_choices() -> dict:
    """Dates and times the voice dialogue offers as numbered menus ([value, words]): a date
    or time is hard to say and to recognise, a number is easy. The fields still take any."""
    days = kalender.of(get_db())
    return {"tanggal": [[d.isoformat(), tanggal(d, "EEEE, d MMMM")]
                        for d in jadwal.upcoming_working_days(office_today(), 5, days)],
            "jam": [[t.strftime("%H:%M"), t.strftime("%H.%M")] for t in jadwal.office_hours()]}
