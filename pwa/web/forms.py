"""What every form shares: the base form that cleans typed text, trimming, date and time
fields that refuse an unreadable value with our own translated sentence (WTForms' is English)
and stop there, so a form's own rules never meet a date that could not be read, and the radio
scale whose refusal is ours."""
import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, StringField, TimeField
from wtforms.fields.core import UnboundField
from wtforms.validators import InputRequired, StopValidation, ValidationError

# NUL and the other control characters (tab and line breaks excepted), and the invisible marks
# that reverse the direction of text: nobody types them, they break CSV files, SMS gateways and
# logs, and a reversed name can pass for another on a staff screen.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean_text(value):
    return CONTROL.sub("", value) if isinstance(value, str) else value


class Form(FlaskForm):
    """Every form's base: each text field (and password, text area) is cleaned of control
    characters before any other filter or rule sees it."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            if issubclass(unbound_field.field_class, StringField):
                kwargs = dict(unbound_field.kwargs)
                kwargs["filters"] = [clean_text, *kwargs.get("filters", ())]
                unbound_field = UnboundField(unbound_field.field_class, *unbound_field.args,
                                             name=unbound_field.name, **kwargs)
            return unbound_field.bind(form=form, **options)


def strip(value):
    return value.strip() if isinstance(value, str) else value


class _Refusing:
    default_message = None

    def __init__(self, *args, invalid_message=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.invalid_message = invalid_message or self.default_message

    def process_formdata(self, valuelist):
        if valuelist and not any((v or "").strip() for v in valuelist):
            # Only spaces (or Unicode blanks) typed: nothing was typed, which InputRequired or
            # Optional judge. Kept as it was, the field would pass InputRequired with no date
            # and reach the form's own rules as None (found by the bad-input sweep).
            self.raw_data = []
            return
        try:
            super().process_formdata(valuelist)
        except (ValueError, TypeError):
            self.data = None
            raise ValueError(self.invalid_message) from None

    def pre_validate(self, form):
        # Something was typed and could not be read: say so and stop. Nothing typed is left
        # to the field's InputRequired or Optional, which say whether that is allowed.
        if self.process_errors and any((v or "").strip() for v in self.raw_data or ()):
            raise StopValidation()


class SafeDateField(_Refusing, DateField):
    default_message = _l("Masukkan tanggal yang benar, misalnya 27 11 2026.")


class SafeTimeField(_Refusing, TimeField):
    default_message = _l("Masukkan jam yang benar, misalnya 09.00.")


def whole_number(value):
    """Coerce without failing: a tampered value becomes None and gets our own message."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class Scale(RadioField):
    """A radio scale whose refusals are our translated sentences, not WTForms' defaults."""

    def __init__(self, label, *, choices, message, **kwargs):
        super().__init__(label, choices=list(choices), coerce=whole_number,
                         validate_choice=False, validators=[InputRequired(message)], **kwargs)
        self.message = message

    def post_validate(self, form, validation_stopped):
        if not validation_stopped and self.data not in dict(self.choices):
            raise ValidationError(self.message)
