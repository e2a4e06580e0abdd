"""Forms of 工作通知: validate the shape of what is sent, never save; the services check
the rules (targets, deadline, who signs) and refuse beside the field."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (BooleanField, DateTimeLocalField, MultipleFileField, SelectField,
                     StringField, SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from forum.boards.forms import ThreadForm, _strip
from forum.receipts.models import ReceiptMode, ReceiptStatus
from forum.receipts.rules import DOC_NUMBER_MAX, NOTE_MAX
from forum.unit_groups import UnitGroupsField, UnitsField

LOCAL_MINUTE = "%Y-%m-%dT%H:%M"


def _id(value):
    return int(value) if str(value).isdigit() else None


class IssueForm(ThreadForm):
    """A notice: the thread's title and text, its issuing unit and 文号, and receipts."""

    unit_id = SelectField(_l("Issuing unit"), coerce=_id, validate_choice=False)
    doc_number = StringField(_l("Document number (文号, optional)"), filters=[_strip],
                             validators=[Length(max=DOC_NUMBER_MAX)])
    mode = SelectField(_l("Receipts"), validators=[Optional()],
                       choices=[SelectChoice("", _l("No receipts"))]
                       + [SelectChoice(m.value, m.label) for m in ReceiptMode])
    groups = UnitGroupsField(_l("Units that must sign"))
    units = UnitsField(_l("And these units"))
    deadline = DateTimeLocalField(_l("Deadline (Beijing time)"), format=LOCAL_MINUTE,
                                  validators=[Optional()])
    confirm = BooleanField(_l("Send it also to the units without an account"))
    submit = SubmitField(_l("Issue the notice"))


class SignForm(FlaskForm):
    """签收: the token is all it asks."""

    submit = SubmitField(_l("Sign (已阅)"))


class DoneForm(FlaskForm):
    """已落实: what was done, in a short note, with a file if the unit has one."""

    note = TextAreaField(_l("What your unit has done"), filters=[_strip],
                         validators=[DataRequired(_l("Say what was done.")),
                                     Length(max=NOTE_MAX)])
    files = MultipleFileField(_l("A file (optional)"))  # checked by forum.attachments
    submit = SubmitField(_l("Record as carried out (已落实)"))


class RemindForm(FlaskForm):
    submit = SubmitField(_l("Remind the units that have not signed"))


class UrgentForm(FlaskForm):
    ends_at = DateTimeLocalField(_l("Banner ends at (Beijing time)"), format=LOCAL_MINUTE,
                                 validators=[DataRequired(_l("Give the time the banner ends."))])
    submit = SubmitField(_l("Show as the urgent banner"))


class EndUrgentForm(FlaskForm):
    submit = SubmitField(_l("End the banner now"))


class TableForm(FlaskForm):
    """The issuer's table filters (a GET form: no CSRF)."""

    class Meta:
        csrf = False

    status = SelectField(_l("Status"), validators=[Optional()],
                         choices=[SelectChoice("", _l("All"))]
                         + [SelectChoice(s.value, s.label) for s in ReceiptStatus]
                         + [SelectChoice("overdue", _l("Overdue"))])
    sort = SelectField(_l("Sort by"), validators=[Optional()],
                       choices=[SelectChoice("unit", _l("Unit")),
                                SelectChoice("status", _l("Status")),
                                SelectChoice("time", _l("Time signed"))])
