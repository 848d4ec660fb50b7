"""The first two steps: which layanan, and how (cara: the four service modes)."""
from flask import render_template
from flask_babel import gettext as _

from ...bahasa import labels
from ...domain import langkah as rules
from ...domain.layanan import mode_available
from ...domain.workflow import Mode
from ...store import layanan
from ...web.db import get_db
from ...web.errors import form_errors
from .. import draf
from ..tutup import closed_reason
from . import forms, navigasi


def step_service(data, service):
    form = forms.ServiceForm(data={"layanan": str(data.get("layanan_id") or "")})
    all_services = layanan.list_services(get_db())
    form.layanan.choices = [(str(s["id"]), s["nama"]) for s in all_services]
    closed = {str(s["id"]): closed_reason(False, s["dibuka_kembali"])
              for s in all_services if not s["dibuka"]}
    hints = {str(s["id"]): s["deskripsi"] for s in all_services}
    # The voice recogniser names services by slug; the page maps them to the options.
    slugs = {s["slug"]: str(s["id"]) for s in all_services}
    if form.validate_on_submit():
        if form.layanan.data in closed:
            form.layanan.errors = [_("Layanan ini sedang ditutup. Pilih layanan lain.")]
        else:
            if str(data.get("layanan_id")) != form.layanan.data:
                # Another service has other modes and requirements: ask those again.
                for key in rules.DEPENDS_ON_SERVICE:
                    data.pop(key, None)
            data["layanan_id"] = int(form.layanan.data)
            draf.save(data)
            return navigasi.after("layanan", navigasi.service_of(data))
    return render_template("permohonan/ajukan/step_service.html", form=form, closed=closed,
                           hints=hints, slugs=slugs, back=navigasi.back("layanan", service),
                           page_errors=form_errors(form))


def step_mode(data, service):
    form = forms.ModeForm(data={"mode": data.get("mode") or ""})
    offered = [m for m in Mode if m in service["modes"]]
    form.mode.choices = [(m.value, labels.MODE[m]) for m in offered]
    closed = {m.value: closed_reason(False, service["modes"][m]["dibuka_kembali"])
              for m in offered if not mode_available(service, m)}
    if form.validate_on_submit():
        if form.mode.data in closed:
            form.mode.errors = [_("Cara layanan ini sedang ditutup. Pilih cara lain.")]
        else:
            if data.get("mode") != form.mode.data:
                for key in rules.DEPENDS_ON_MODE:
                    data.pop(key, None)
            data["mode"] = form.mode.data
            draf.save(data)
            return navigasi.after("cara", service)
    hints = {m.value: labels.MODE_HINT[m] for m in offered}
    return render_template("permohonan/ajukan/step_mode.html", form=form, service=service,
                           closed=closed, hints=hints, back=navigasi.back("cara", service),
                           page_errors=form_errors(form))
