"""Disclosure forms: validate the shape of what is sent, never save; the services check
the rules (period, people) again and refuse beside the field."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (DateField, FieldList, Form, FormField, MultipleFileField, SelectField,
                     StringField, SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from forum.boards.forms import BODY, TITLE, _strip
from forum.disclosure.models import DisclosureKind, DisclosureOutcome
from forum.disclosure.rules import MAX_PEOPLE, SEXES

PEOPLE_ROWS = 10  # rows the form shows at first; "more rows" adds as many, up to MAX_PEOPLE


class PersonRow(Form):
    """One row of the people table (a sub-form: the page's CSRF token covers it)."""

    name = StringField(_l("Full name"), filters=[_strip])
    sex = SelectField(_l("Sex"), choices=[SelectChoice("", "—")] + [SelectChoice(s, s) for s in SEXES],
                      validate_choice=False)
    born = StringField(_l("Born (year-month)"), filters=[_strip])
    current_post = StringField(_l("Current post"), filters=[_strip])
    proposed = StringField(_l("Proposed post or stage"), filters=[_strip])


class TextForm(FlaskForm):
    """What a disclosure says: title, document number, text and people."""

    title = StringField(_l("Title"), **TITLE)
    doc_number = StringField(_l("Document number (文号, optional)"), filters=[_strip],
                             validators=[Length(max=60)])
    body = TextAreaField(_l("Text (Markdown)"), **BODY)
    people = FieldList(FormField(PersonRow), min_entries=PEOPLE_ROWS, max_entries=MAX_PEOPLE)
    files = MultipleFileField(_l("Attach files"))  # checked by forum.attachments
    more_rows = SubmitField(_l("More rows"))

    def grow(self):
        """Add empty rows to the people table (a button, so no script is needed)."""
        for _ in range(min(PEOPLE_ROWS, MAX_PEOPLE - len(self.people))):
            self.people.append_entry()

    def people_rows(self):
        return [row.data for row in self.people]


class PublishForm(TextForm):
    kind = SelectField(_l("Kind"), validators=[DataRequired(_l("Choose a kind."))],
                       choices=[SelectChoice("", _l("Choose…"))]
                       + [SelectChoice(k.value, k.label) for k in DisclosureKind])
    starts_on = DateField(_l("Period starts on"), validators=[Optional()])
    ends_on = DateField(_l("Period ends on (empty: five working days)"), validators=[Optional()])
    submit = SubmitField(_l("Publish"))


class CorrectForm(TextForm):
    reason = StringField(_l("Reason for the correction (shown publicly)"), filters=[_strip],
                         validators=[DataRequired(_l("Give a reason.")), Length(max=500)])
    submit = SubmitField(_l("Publish the correction"))


class WithdrawForm(FlaskForm):
    reason = StringField(_l("Reason for withdrawing (shown publicly)"), filters=[_strip],
                         validators=[DataRequired(_l("Give a reason.")), Length(max=500)])
    submit = SubmitField(_l("Withdraw"))


class CloseForm(FlaskForm):
    outcome = SelectField(_l("Outcome"), validators=[DataRequired(_l("Choose an outcome."))],
                          choices=[SelectChoice("", _l("Choose…"))]
                          + [SelectChoice(o.value, o.label) for o in DisclosureOutcome])
    submit = SubmitField(_l("Close with this outcome"))


class ListingForm(FlaskForm):
    """The board page's filters (a GET form: no CSRF)."""

    class Meta:
        csrf = False

    kind = SelectField(_l("Kind"), validators=[Optional()], choices=[SelectChoice("", _l("All"))]
                       + [SelectChoice(k.value, k.label) for k in DisclosureKind])
    year = SelectField(_l("Year"), validators=[Optional()], validate_choice=False)
    open = SelectField(_l("Show"), validators=[Optional()],
                       choices=[SelectChoice("", _l("All")),
                                SelectChoice("1", _l("Under public notice only"))])
