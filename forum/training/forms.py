"""Forms of the training centre; they validate and never save."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (BooleanField, DateField, DateTimeLocalField, DecimalField, IntegerField,
                     RadioField, SelectField, SelectMultipleField, StringField, SubmitField,
                     TextAreaField)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from forum.unit_groups import UnitGroupsField, UnitsField
from forum.urls import coerce_id


class LessonForm(FlaskForm):
    minutes = IntegerField(_l("Required study minutes"), validators=[InputRequired(), NumberRange(1, 600)])
    pass_mark = IntegerField(_l("Quiz pass mark (%)"), default=60,
                             validators=[InputRequired(), NumberRange(1, 100)])
    closes_at = DateTimeLocalField(_l("Quiz deadline (Beijing time, optional)"), format="%Y-%m-%dT%H:%M",
                                   validators=[Optional()])
    quiz = TextAreaField(_l("Quiz"), description=_l(
        "One line per item: “? question”, then “* right choice” or “- wrong choice”. "
        "Two or more right choices make a multiple choice question."))
    checks = TextAreaField(_l("Check questions"), description=_l(
        "One line each: “question = answer”, on the lesson's own content. Without any, "
        "learners re-enter their password."))
    submit = SubmitField(_l("Save lesson"))


GRADES = {"A": _l("Excellent"), "B": _l("Good"), "C": _l("Pass"), "D": _l("Fail")}


class ActionForm(FlaskForm):
    """A button that only needs its CSRF token (quiz answers are read by the view)."""


class CampaignForm(FlaskForm):
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=80)])
    description = TextAreaField(_l("Description"), validators=[Length(max=2000)])
    lessons = SelectMultipleField(_l("Lessons"), coerce=coerce_id, validate_choice=False)
    target = RadioField(_l("For"), default="all", choices=[
        ("all", _l("All verified accounts")), ("units", _l("Chosen units")),
        ("people", _l("Chosen people"))])
    groups = UnitGroupsField(_l("Units"))
    units = UnitsField(_l("And these units"))
    people = StringField(_l("People (usernames, separated by commas)"), validators=[Length(max=2000)])
    starts_on = DateField(_l("Starts on"), validators=[InputRequired()])
    ends_on = DateField(_l("Ends on"), validators=[InputRequired()])
    required_hours = DecimalField(_l("Required credit hours"), places=1,
                                  validators=[InputRequired(), NumberRange(0, 200)])
    essay_required = BooleanField(_l("A study essay is required"))
    essay_min_chars = IntegerField(_l("Minimum essay length (characters)"), default=300,
                                   validators=[InputRequired(), NumberRange(50, 10000)])
    submit = SubmitField(_l("Create campaign"))


class EssayForm(FlaskForm):
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=80)])
    body = TextAreaField(_l("Your study essay"), validators=[InputRequired(), Length(max=20000)])
    submit = SubmitField(_l("Hand in the essay"))


class ReviewForm(FlaskForm):
    grade = SelectField(_l("Grade"), choices=list(GRADES.items()))
    comment = TextAreaField(_l("Comment"), validators=[Length(max=1000)])
    excellent = BooleanField(_l("Excellent: show it on the campaign page"))
    submit = SubmitField(_l("Save review"))
