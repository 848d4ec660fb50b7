"""The dokumen step: one file per requirement (persyaratan), checked by content and kept at
once; for jemput bola the officer may collect a document instead."""
from flask import current_app, render_template
from flask_babel import gettext as _
from flask_wtf.file import FileField
from wtforms import BooleanField

from ...bahasa import labels
from ...domain.uploads import UploadRefused
from ...domain.workflow import Mode
from ...services import draf as draf_service
from ...store import draf as store
from ...web import upload_field
from ...web.db import get_db
from ...web.errors import form_errors
from .. import draf
from . import forms, navigasi


def _documents_form(service, mode):
    """One file field per requirement; for jemput bola also 'the officer collects it'."""
    class Form(forms.DocumentsForm):
        pass
    for req in service["persyaratan"]:
        setattr(Form, f"dok_{req['id']}", FileField(req["nama"]))
        if mode is Mode.JEMPUT_BOLA:
            setattr(Form, f"ambil_{req['id']}", BooleanField(
                _("Petugas mengambil dokumen ini saat datang")))
    return Form


def step_documents(data, service):
    mode = Mode(data["mode"])
    db = get_db()
    draft_id = draf.current_id()
    existing = store.documents(db, draft_id)
    initial = {f"ambil_{rid}": bool(d["diambil_petugas"]) for rid, d in existing.items()}
    form = _documents_form(service, mode)(data=initial)
    if form.validate_on_submit():
        for req in service["persyaratan"]:
            field = form[f"dok_{req['id']}"]
            ambil = form[f"ambil_{req['id']}"].data if mode is Mode.JEMPUT_BOLA else False
            if upload_field.chosen(field):
                checked = upload_field.checked(field, req["jenis"])
                if checked is None:
                    continue
                # Kept at once, so a failure on another field never costs this upload.
                try:
                    draf_service.keep_document(db, current_app.config, draft_id, req["id"],
                                               checked)
                except UploadRefused as refusal:
                    field.errors = [labels.of(labels.UPLOAD_REFUSAL, refusal.reason)]
            elif ambil:
                draf_service.officer_collects(db, current_app.config, draft_id, req["id"], True)
            elif req["id"] in existing and existing[req["id"]]["diambil_petugas"]:
                # The officer-collects box was cleared and nothing uploaded instead.
                draf_service.officer_collects(db, current_app.config, draft_id, req["id"], False)
        existing = store.documents(db, draft_id)
        for req in service["persyaratan"]:
            field = form[f"dok_{req['id']}"]
            if req["wajib"] and req["id"] not in existing and not field.errors:
                field.errors = [_("Unggah %(dokumen)s.", dokumen=req["nama"]) if
                                mode is not Mode.JEMPUT_BOLA else
                                _("Unggah %(dokumen)s, atau centang bahwa petugas mengambilnya.",
                                  dokumen=req["nama"])]
        if not form_errors(form):
            data["dokumen_selesai"] = True
            draf.save(data)
            return navigasi.after("dokumen", service)
    return render_template("permohonan/ajukan/step_documents.html", form=form, service=service,
                           mode=mode, existing=existing, back=navigasi.back("dokumen", service),
                           page_errors=form_errors(form), max_mb=upload_field.max_mb())
