"""Feedback forms: validate, never save. The services check the rules again."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from forum.disclosure.feedback import ANSWER_MAX, BODY_MAX, NAME_MAX


def _strip(value):
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


class FeedbackForm(FlaskForm):
    """Feedback on a disclosure; the CAPTCHA is asked of guests only."""

    body = TextAreaField(_l("Your feedback"), filters=[_strip], validators=[
        DataRequired(_l("Write your feedback first.")),
        Length(max=BODY_MAX, message=_l("Feedback has at most 2,000 characters."))])
    anonymous = BooleanField(_l("Send anonymously: no name, phone or account is kept"))
    name = StringField(_l("Your name (only the issuing unit sees it)"), filters=[_strip],
                       validators=[Optional(), Length(max=NAME_MAX)])
    phone = StringField(_l("Contact phone (optional; only the issuing unit sees it)"),
                        filters=[_strip], validators=[Optional(), Length(max=20)])
    captcha = StringField(_l("Characters in the picture"), filters=[_strip])
    submit = SubmitField(_l("Send feedback"))

    def offer(self, guest):
        """Guests answer the CAPTCHA; members do not see it."""
        if not guest:
            delattr(self, "captcha")


class AnswerForm(FlaskForm):
    body = TextAreaField(_l("Answer"), filters=[_strip], validators=[
        DataRequired(_l("Write the answer first.")), Length(max=ANSWER_MAX)])
    submit = SubmitField(_l("Send answer"))


class TrackForm(FlaskForm):
    code = StringField(_l("Query code"), filters=[_strip], validators=[
        DataRequired(_l("Enter the query code you were given.")), Length(max=64)])
    submit = SubmitField(_l("Follow feedback"))
