"""Moderation forms: validate, never save."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from forum.urls import coerce_id

REPORT_REASON_LABELS = {
    "spam": _l("Spam or advertising"),
    "abuse": _l("Abuse or personal attack"),
    "privacy": _l("Exposes someone's personal information"),
    "illegal": _l("Illegal or harmful content"),
    "off_topic": _l("Off topic"),
    "other": _l("Something else"),
}


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class ReasonForm(FlaskForm):
    """A decision with a reason (required by the action where it must be given)."""

    reason = StringField(_l("Reason"), filters=[_strip],
                         validators=[Length(max=500, message=_l("A reason has at most 500 characters."))])


class PinForm(ReasonForm):
    scope = SelectField(_l("Pin"), choices=[SelectChoice("board", _l("In this board")),
                                                 SelectChoice("site", _l("Site-wide"))])


class MoveForm(ReasonForm):
    board = SelectField(_l("Move to"), coerce=coerce_id, validate_choice=False)


class ReportForm(FlaskForm):
    reason = SelectField(_l("Why are you reporting this post?"),
                         choices=[SelectChoice(k, v) for k, v in REPORT_REASON_LABELS.items()],
                         validators=[DataRequired(_l("Choose a reason."))])
    text = TextAreaField(_l("Details (optional)"), filters=[_strip], validators=[
        Length(max=500, message=_l("At most 500 characters."))])


class LogFilterForm(FlaskForm):
    """Filters of the audit log (a GET form: no CSRF token needed)."""

    class Meta:
        csrf = False

    actor = StringField(_l("Actor"), filters=[_strip], validators=[Optional()])
    board = StringField(_l("Board"), filters=[_strip], validators=[Optional()])
    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("To"), validators=[Optional()])
