"""The treasurers' forms: they take what is typed (an amount stays text, read into fen
by the service) and never save; the services check every rule and refuse beside the
field."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Optional

from forum.boards.forms import BODY, TITLE, _strip
from forum.fund.models import Channel, DonorKind

AMOUNT_HINT = _l("In yuan, e.g. 1,234.56")


def _choices(enum):
    return [SelectChoice("", _l("Choose…"))] + [SelectChoice(m.value, m.label) for m in enum]


class AppealForm(FlaskForm):
    title = StringField(_l("Title"), **TITLE)
    body = TextAreaField(_l("Text of the appeal (Markdown)"), **BODY)
    target = StringField(_l("Target amount (yuan)"), filters=[_strip], description=AMOUNT_HINT)
    starts_on = DateField(_l("First day"), validators=[Optional()])
    ends_on = DateField(_l("Last day"), validators=[Optional()])
    how_to_give = TextAreaField(_l("How to give (bank account, on site, performance)"),
                                filters=[_strip])
    submit = SubmitField(_l("Start the appeal"))


class DonationForm(FlaskForm):
    amount = StringField(_l("Amount (yuan)"), filters=[_strip], description=AMOUNT_HINT)
    occurred_on = DateField(_l("Date received"), validators=[Optional()])
    donor_kind = SelectField(_l("Donor"), choices=_choices(DonorKind), validate_choice=False)
    donor_name = StringField(_l("Donor's name or unit (left out for an anonymous gift)"),
                             filters=[_strip])
    channel = SelectField(_l("Channel"), choices=_choices(Channel), validate_choice=False)
    receipt_number = StringField(_l("Receipt number"), filters=[_strip])
    submit = SubmitField(_l("Record the donation"))


class DisbursementForm(FlaskForm):
    amount = StringField(_l("Amount (yuan)"), filters=[_strip], description=AMOUNT_HINT)
    occurred_on = DateField(_l("Date paid"), validators=[Optional()])
    approval_ref = StringField(_l("Approval reference"), filters=[_strip])
    purpose = StringField(_l("Purpose"), filters=[_strip])
    recipient = StringField(_l("Recipient, described without identifying them (e.g. 某乡镇困难党员)"),
                            filters=[_strip])
    submit = SubmitField(_l("Record the disbursement"))


class ReversalForm(FlaskForm):
    entry = StringField(_l("Number of the entry to reverse"), filters=[_strip],
                        validators=[InputRequired(_l("Give the entry's number."))])
    reason = StringField(_l("Why it is corrected (shown publicly)"), filters=[_strip])
    submit = SubmitField(_l("Record the reversal"))


class ApproveForm(FlaskForm):
    submit = SubmitField(_l("Approve"))
