"""Message forms: validate, never save."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from forum.boards.forms import _strip

MESSAGE_MAX = 5000


class MessageForm(FlaskForm):
    """A message in a conversation."""

    body = TextAreaField(_l("Message (Markdown)"), filters=[_strip], validators=[
        DataRequired(_l("Write something first.")),
        Length(max=MESSAGE_MAX, message=_l("A message has at most %(max)d characters."))])
    submit = SubmitField(_l("Send"))


class ConversationForm(MessageForm):
    """A new conversation: whom to, a subject, the first message."""

    to = StringField(_l("To (usernames, separated by commas or spaces)"), filters=[_strip],
                     validators=[DataRequired(_l("Name at least one member to write to.")),
                                 Length(max=300, message=_l("Too many names."))])
    title = StringField(_l("Subject"), filters=[_strip], validators=[
        DataRequired(_l("Enter a subject.")),
        Length(max=80, message=_l("A subject has at most %(max)d characters."))])


class BlockForm(FlaskForm):
    username = StringField(_l("Username"), filters=[_strip],
                           validators=[DataRequired(_l("Enter a username."))])


class MessageReportForm(FlaskForm):
    reason = TextAreaField(_l("Why are you reporting this message?"), filters=[_strip], validators=[
        DataRequired(_l("Say why you are reporting this message.")),
        Length(max=500, message=_l("A reason has at most %(max)d characters."))])


class ReportDecisionForm(FlaskForm):
    note = StringField(_l("Note (optional)"), filters=[_strip],
                       validators=[Length(max=500, message=_l("A note has at most %(max)d characters."))])
