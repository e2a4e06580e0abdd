"""Petition forms: validate, never save. The services check the rules again."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from forum.models import LetterRating
from forum.petitions.models import KINDS, DeclineReason
from forum.unit_groups import grouped_choices


def _strip(value):
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def _choices(members):
    return [SelectChoice(member.value, member.label) for member in members]


def _unit_choices(optional):
    """Every unit, grouped as the seed groups them (optgroups); "" first if optional."""
    groups = grouped_choices()
    return {"": [SelectChoice("", _l("None chosen"))], **groups} if optional else groups


class _KindAndUnit:
    kind = SelectField(_l("What the petition asks for"), choices=_choices(KINDS))
    unit = SelectField(_l("Unit it concerns (optional)"), validate_choice=False)


class PetitionFields(_KindAndUnit, FlaskForm):
    """What the new-thread form asks of a petition; inside that form, whose token it shares."""

    class Meta:
        csrf = False

    wanted = BooleanField(_l("This thread is a petition (诉求) to a unit"))

    def offer(self):
        self.unit.choices = _unit_choices(optional=True)
        return self


class MakeForm(_KindAndUnit, FlaskForm):
    """A moderator turns a thread into a petition."""

    def offer(self):
        self.unit.choices = _unit_choices(optional=True)
        return self


class TransferForm(FlaskForm):
    unit = SelectField(_l("Transfer to the unit"), validate_choice=False,
                       validators=[DataRequired(_l("Choose the unit to transfer the petition to."))])

    def offer(self):
        self.unit.choices = _unit_choices(optional=True)
        return self


class MergeForm(FlaskForm):
    thread = IntegerField(_l("Thread number of the petition on the same matter"), validators=[
        InputRequired(_l("Give the thread number of another petition to merge into.")),
        NumberRange(min=1, max=2**31 - 1, message=_l("Give the thread number of another petition to merge into."))])


class DeclineForm(FlaskForm):
    reason = SelectField(_l("Why it is declined"), choices=_choices(DeclineReason))
    note = TextAreaField(_l("A word to the petitioner (public, optional)"), filters=[_strip],
                         validators=[Optional(), Length(max=500, message=_l("At most 500 characters."))])


class AnswerForm(FlaskForm):
    body = TextAreaField(_l("Official reply"), filters=[_strip], validators=[
        DataRequired(_l("Write the official reply first."))])


class ExtendForm(FlaskForm):
    days = IntegerField(_l("More working days"), validators=[
        InputRequired(_l("Give a number of working days from 1 to %(most)d.", most=60)),
        NumberRange(min=1, max=60, message=_l("Extend by 1 to %(most)d working days.", most=60))])
    reason = TextAreaField(_l("Why more time is needed (public)"), filters=[_strip], validators=[
        DataRequired(_l("Say why more time is needed.")),
        Length(max=500, message=_l("At most 500 characters."))])


class RateForm(FlaskForm):
    rating = RadioField(_l("How satisfied are you with the answer?"), choices=_choices(LetterRating),
                        validators=[InputRequired(_l("Choose how satisfied you are."))])


class PlainForm(FlaskForm):
    """A step that asks nothing but the CSRF token."""
