"""The room's message form. What a message may be is the domain's rule (domain/konsultasi.py),
checked by the service, so the form only carries the text and the phone's idempotency key."""
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, TextAreaField

from ..web.forms import Form


class PesanForm(Form):
    teks = TextAreaField(_l("Pesan Anda"))
    kunci = HiddenField()
