"""Forms of the training centre; they validate and never save."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, IntegerField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, NumberRange, Optional


class LessonForm(FlaskForm):
    minutes = IntegerField(_l("Required study minutes"), validators=[InputRequired(), NumberRange(1, 600)])
    pass_mark = IntegerField(_l("Quiz pass mark (%)"), default=60,
                             validators=[InputRequired(), NumberRange(1, 100)])
    closes_at = DateTimeLocalField(_l("Quiz deadline (UTC, optional)"), format="%Y-%m-%dT%H:%M",
                                   validators=[Optional()])
    quiz = TextAreaField(_l("Quiz"), description=_l(
        "One line per item: “? question”, then “* right choice” or “- wrong choice”. "
        "Two or more right choices make a multiple choice question."))
    checks = TextAreaField(_l("Check questions"), description=_l(
        "One line each: “question = answer”, on the lesson's own content. Without any, "
        "learners re-enter their password."))
    submit = SubmitField(_l("Save lesson"))


class ActionForm(FlaskForm):
    """A button that only needs its CSRF token (quiz answers are read by the view)."""
