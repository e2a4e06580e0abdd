"""Letter forms: validate, never save. The services check the rules again."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (BooleanField, HiddenField, IntegerField, MultipleFileField, RadioField,
                     SelectField, StringField, SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from forum.models import LetterKind, LetterRating, LetterState
from forum.urls import coerce_id


def _strip(value):
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def _choices(members, everything=False):
    first = [SelectChoice("", _l("All"))] if everything else []
    return first + [SelectChoice(member.value, member.label) for member in members]


class LetterForm(FlaskForm):
    """A letter to a box; the CAPTCHA is asked of guests only."""

    kind = SelectField(_l("Kind of letter"), validators=[DataRequired(_l("Choose a kind."))])
    title = StringField(_l("Title"), filters=[_strip], validators=[
        DataRequired(_l("Enter a title.")), Length(max=80, message=_l("A title has at most 80 characters."))])
    body = TextAreaField(_l("Your letter"), filters=[_strip], validators=[
        DataRequired(_l("Write your letter first.")),
        Length(max=5000, message=_l("A letter has at most 5,000 characters."))])
    phone = StringField(_l("Contact phone (optional; only the handlers see it)"), filters=[_strip],
                        validators=[Optional(), Length(max=20)])
    consent = BooleanField(_l("The box may publish my letter and its answer, without my name"))
    anonymous = BooleanField(_l("Write anonymously: nothing that links this letter to me is kept"))
    to_superior = BooleanField(_l("My letter concerns this box's own unit or handlers: send it to the superior box"))
    files = MultipleFileField(_l("Attach files (optional)"))  # checked by forum.attachments
    captcha = StringField(_l("Characters in the picture"), filters=[_strip])
    submit = SubmitField(_l("Send letter"))

    def offer(self, kinds, anonymous, superior, guest):
        """Fit the form to the box and the writer: drop what does not apply."""
        self.kind.choices = _choices(kinds)
        for name, wanted in (("anonymous", anonymous), ("to_superior", superior), ("captcha", guest)):
            if not wanted:
                delattr(self, name)


class TrackForm(FlaskForm):
    code = StringField(_l("Query code"), filters=[_strip], validators=[
        DataRequired(_l("Enter the query code you were given.")), Length(max=64)])
    submit = SubmitField(_l("Follow letter"))


class RateForm(FlaskForm):
    code = HiddenField()
    rating = RadioField(_l("How satisfied are you with the answer?"), choices=_choices(LetterRating),
                        validators=[DataRequired(_l("Choose how satisfied you are."))])
    comment = TextAreaField(_l("Comment (optional)"), filters=[_strip], validators=[Length(max=500)])
    submit = SubmitField(_l("Send rating"))


class ReasonForm(FlaskForm):
    reason = StringField(_l("Reason"), filters=[_strip], validators=[
        DataRequired(_l("Give a reason.")), Length(max=500)])


class TransferForm(FlaskForm):
    unit = SelectField(_l("Transfer to unit"), coerce=coerce_id, validate_choice=False)


class AnswerForm(FlaskForm):
    body = TextAreaField(_l("Answer"), filters=[_strip], validators=[
        DataRequired(_l("Write the answer first.")), Length(max=10_000)])


class ExtendForm(ReasonForm):
    days = IntegerField(_l("Working days"), validators=[
        DataRequired(_l("Give the number of working days.")), NumberRange(min=1, max=60)])


class QueueFilterForm(FlaskForm):
    """The letters queue's filters (a GET form, no CSRF)."""

    class Meta:
        csrf = False

    letter_state = SelectField(_l("State"), choices=_choices(LetterState, True),
                               validators=[Optional()])
    letter_kind = SelectField(_l("Kind"), choices=_choices(LetterKind, True),
                              validators=[Optional()])
    letter_unit = SelectField(_l("Unit"), coerce=lambda v: coerce_id(v) if v else None,
                              validate_choice=False, validators=[Optional()])
