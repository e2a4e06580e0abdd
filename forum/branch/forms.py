"""The branch's forms: they take what is typed and never save; the services check every
rule and refuse beside the field."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (BooleanField, DateField, DateTimeLocalField, SelectField, StringField,
                     SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from forum.boards.forms import BODY, TITLE, _strip
from forum.branch.models import MeetingKind


class BranchForm(FlaskForm):
    name = StringField(_l("Name of the branch"), filters=[_strip])
    unit = SelectField(_l("Owning unit"), coerce=int, validate_choice=False)
    secretary = StringField(_l("Secretary's username (may be left empty)"), filters=[_strip])
    submit = SubmitField(_l("Create the branch"))


class SecretaryForm(FlaskForm):
    username = StringField(_l("Secretary's username"), filters=[_strip])
    submit = SubmitField(_l("Appoint"))


class ApplyForm(FlaskForm):
    home = StringField(_l("Your branch at home, or where you work"), filters=[_strip])
    submit = SubmitField(_l("Apply to join"))


class AddMemberForm(FlaskForm):
    username = StringField(_l("Username"), filters=[_strip])
    home = StringField(_l("Branch at home, or where they work"), filters=[_strip])
    submit = SubmitField(_l("Add the member"))


class DecisionForm(FlaskForm):
    reason = StringField(_l("Reason (for a refusal)"), filters=[_strip])


class MobileForm(FlaskForm):
    mobile = BooleanField(_l("Mobile Party member (流动党员)"))
    where = StringField(_l("Where they are"), filters=[_strip])
    submit = SubmitField(_l("Save"))


class ThreadForm(FlaskForm):
    title = StringField(_l("Title"), **TITLE)
    body = TextAreaField(_l("Content (Markdown)"), **BODY)
    submit = SubmitField(_l("Post to the branch"))


class MeetingForm(FlaskForm):
    kind = SelectField(_l("Kind"), choices=[SelectChoice("", _l("Choose…"))]
                       + [SelectChoice(k.value, k.label) for k in MeetingKind],
                       validate_choice=False)
    title = StringField(_l("Title"), filters=[_strip])
    starts_at = DateTimeLocalField(_l("Starts at"), validators=[Optional()])
    ends_at = DateTimeLocalField(_l("Ends at"), validators=[Optional()])
    agenda = TextAreaField(_l("Agenda and materials"), filters=[_strip])
    submit = SubmitField(_l("Schedule the meeting"))


class LeaveForm(FlaskForm):
    member = SelectField(_l("Member"), coerce=int, validate_choice=False, validators=[Optional()])
    reason = StringField(_l("Reason for leave"), filters=[_strip])
    submit = SubmitField(_l("Ask for leave"))


class MinutesForm(FlaskForm):
    minutes = TextAreaField(_l("Minutes"), filters=[_strip])
    submit = SubmitField(_l("Save the minutes"))


class PeriodForm(FlaskForm):
    """The attendance report's period (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    start = DateField(_l("From"), validators=[Optional()])
    end = DateField(_l("To"), validators=[Optional()])


class EnquiryForm(FlaskForm):
    subject = StringField(_l("Subject"), filters=[_strip])
    body = TextAreaField(_l("Your question about transferring your membership"),
                         filters=[_strip])
    submit = SubmitField(_l("Send to the secretary"))


class AnswerForm(FlaskForm):
    answer = TextAreaField(_l("Answer"), filters=[_strip])
    submit = SubmitField(_l("Answer and close"))
