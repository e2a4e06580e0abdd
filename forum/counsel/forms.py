"""The room's forms: validate the shape of what is sent, never save; the services check
the rules again and refuse beside the field."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (DateTimeLocalField, SelectField, StringField, SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from forum.boards.forms import _strip
from forum.counsel.models import CounsellorKind, TalkOutcome

TEXT = {"filters": [_strip], "validators": [DataRequired(_l("Write a text."))]}


def counsellor_choices(users, first):
    """Select choices of counsellors, after a first choice (the room, or "Choose…")."""
    return [SelectChoice("", first)] + [SelectChoice(str(u.id), u.name) for u in users]


def chosen_id(value):
    """The account id a counsellor select sent, or None for none (or for garbage)."""
    return int(value) if (value or "").isdigit() else None


class CardForm(FlaskForm):
    name = StringField(_l("Name or title"), filters=[_strip],
                       validators=[DataRequired(_l("Give a name or a title."))])
    kind = SelectField(_l("Kind"), validators=[DataRequired(_l("Choose a kind."))],
                       choices=[SelectChoice("", _l("Choose…"))]
                       + [SelectChoice(k.value, k.label) for k in CounsellorKind])
    intro = TextAreaField(_l("Short introduction"), filters=[_strip])
    receives = StringField(_l("When you receive (e.g. Tuesdays 15:00–17:00)"), filters=[_strip])
    submit = SubmitField(_l("Save the card"))


class OpenTalkForm(FlaskForm):
    pseudonym = StringField(_l("Your pseudonym in this talk"), filters=[_strip],
                            validators=[DataRequired(_l("Choose a pseudonym."))])
    counsellor = SelectField(_l("Talk with"), validate_choice=False)
    body = TextAreaField(_l("What would you like to talk about?"), **TEXT)
    submit = SubmitField(_l("Open the talk"))


class MessageForm(FlaskForm):
    body = TextAreaField(_l("Your words"), **TEXT)
    submit = SubmitField(_l("Send"))


class HandoverForm(FlaskForm):
    counsellor = SelectField(_l("Hand over to"), validate_choice=False,
                             validators=[DataRequired(_l("Choose a counsellor."))])
    submit = SubmitField(_l("Ask the member's consent"))


class ConsentForm(FlaskForm):
    accept = SubmitField(_l("I agree"))
    decline = SubmitField(_l("I do not agree"))


class CloseForm(FlaskForm):
    outcome = SelectField(_l("Close the talk"), validators=[DataRequired(_l("Choose how it ends."))],
                          choices=[SelectChoice(o.value, o.label) for o in TalkOutcome])
    submit = SubmitField(_l("Close the talk"))


class RevealForm(FlaskForm):
    submit = SubmitField(_l("Show my account to the counsellors"))


class SessionForm(FlaskForm):
    title = StringField(_l("Title"), filters=[_strip], validators=[DataRequired(_l("Give a title."))])
    host = SelectField(_l("Host"), validate_choice=False,
                       validators=[DataRequired(_l("Choose a counsellor."))])
    starts_at = DateTimeLocalField(_l("Starts at"), validators=[DataRequired(_l("Give a time."))])
    ends_at = DateTimeLocalField(_l("Ends at"), validators=[DataRequired(_l("Give a time."))])
    submit = SubmitField(_l("Schedule the session"))


class QuestionForm(FlaskForm):
    body = TextAreaField(_l("Your question (shown only if the host answers it, without your name)"),
                         **TEXT)
    submit = SubmitField(_l("Send the question"))


class AnswerForm(FlaskForm):
    body = TextAreaField(_l("Answer"), **TEXT)
    submit = SubmitField(_l("Publish the answer"))
