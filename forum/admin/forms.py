"""Control-panel forms: validate, never save."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (BooleanField, DateField, IntegerField, PasswordField, SelectField,
                     StringField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

from forum.models import Registration, Role


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class BoardForm(FlaskForm):
    name = StringField(_l("Name"), filters=[_strip], validators=[
        DataRequired(_l("Enter a name.")), Length(max=60, message=_l("At most 60 characters."))])
    description = TextAreaField(_l("Description"), filters=[_strip], validators=[
        Length(max=500, message=_l("At most 500 characters."))])
    category_id = SelectField(_l("Category"), coerce=int)
    unit_id = SelectField(_l("Owning unit"), coerce=int)
    position = IntegerField(_l("Position"), validators=[
        NumberRange(0, 10_000, _l("A position from 0 to 10,000."))])


class NewBoardForm(BoardForm):
    slug = StringField(_l("Slug (ASCII, the board's address /b/<slug>)"), filters=[_strip], validators=[
        DataRequired(_l("Enter a slug.")), Length(max=60, message=_l("At most 60 characters."))])
    type = SelectField(_l("Type"))


class CategoryForm(FlaskForm):
    name = StringField(_l("Name"), filters=[_strip], validators=[
        DataRequired(_l("Enter a name.")), Length(max=60, message=_l("At most 60 characters."))])
    position = IntegerField(_l("Position"), default=0, validators=[
        NumberRange(0, 10_000, _l("A position from 0 to 10,000."))])


class MoveBoardsForm(FlaskForm):
    target_id = SelectField(_l("Move its live boards to"), coerce=int)


class UnitForm(FlaskForm):
    name = StringField(_l("Name"), filters=[_strip], validators=[
        DataRequired(_l("Enter a name.")), Length(max=60, message=_l("At most 60 characters."))])
    kind = StringField(_l("Kind"), filters=[_strip], validators=[
        DataRequired(_l("Enter the kind, such as 镇 or 政府部门.")),
        Length(max=20, message=_l("At most 20 characters."))])
    slug = StringField(_l("Slug (ASCII, for the board address)"), filters=[_strip], validators=[
        DataRequired(_l("Enter a slug.")), Length(max=40, message=_l("At most 40 characters."))])


class SettingsForm(FlaskForm):
    site_name = StringField(_l("Site name (empty: the default)"), filters=[_strip], validators=[
        Length(max=60, message=_l("At most 60 characters."))])
    site_footer = TextAreaField(
        _l("Footer under every page (plain text; empty: the default line)"), filters=[_strip],
        validators=[Length(max=500, message=_l("At most 500 characters."))])
    new_account_review_posts = IntegerField(
        _l("Posts of a new account that wait for approval"),
        validators=[NumberRange(0, 100, _l("A number from 0 to 100."))])
    post_interval_seconds = IntegerField(
        _l("Minimum seconds between two posts of one account"),
        validators=[NumberRange(0, 3600, _l("A number from 0 to 3,600."))])
    registration = SelectField(_l("Registration"), choices=[
        SelectChoice(mode.value, mode.label) for mode in Registration])
    registration_captcha = BooleanField(_l("An image CAPTCHA on registration"))
    mail_server = StringField(_l("Mail server (SMTP host; empty: the server's environment)"),
                              filters=[_strip], validators=[
        Length(max=255, message=_l("At most 255 characters."))])
    mail_port = IntegerField(_l("Port"), validators=[
        NumberRange(1, 65535, _l("A number from 1 to 65,535."))])
    mail_use_tls = BooleanField(_l("Use TLS (STARTTLS)"))
    mail_username = StringField(_l("User name on the mail server"), filters=[_strip], validators=[
        Length(max=255, message=_l("At most 255 characters."))])
    mail_password = PasswordField(_l("Password on the mail server (empty: keep the saved one)"),
                                  validators=[Length(max=255, message=_l("At most 255 characters."))])
    page_cache_seconds = IntegerField(_l("Seconds a guest's page may be kept (0: none)"), validators=[
        NumberRange(0, 300, _l("A number from 0 to 300."))])


class TestMailForm(FlaskForm):
    to = StringField(_l("Send a test mail to"), filters=[_strip], validators=[
        DataRequired(_l("Enter an address.")), Email(_l("Enter a valid email address."))])


class WordForm(FlaskForm):
    word = StringField(_l("Word or phrase"), filters=[_strip], validators=[
        DataRequired(_l("Enter a word."))])
    action = SelectField(_l("Action"), choices=[
        SelectChoice("block", _l("Block: refuse the post")),
        SelectChoice("review", _l("Review: send to the queue")),
        SelectChoice("replace", _l("Replace: show ***"))])
    replacement = StringField(_l("Replacement"), default="***", filters=[_strip])


class RoleForm(FlaskForm):
    username = StringField(_l("Username"), filters=[_strip], validators=[DataRequired(_l("Enter a username."))])
    role = SelectField(_l("Role"), choices=[SelectChoice(role.value, role.label) for role in Role])
    board = StringField(_l("Board slug"), filters=[_strip], validators=[DataRequired(_l("Enter a board."))])


class BanForm(FlaskForm):
    username = StringField(_l("Username"), filters=[_strip])
    ip_range = StringField(_l("or IP address / range"), filters=[_strip])
    reason = StringField(_l("Reason (the banned user sees it)"), filters=[_strip], validators=[
        DataRequired(_l("Give the reason for the ban.")), Length(max=500, message=_l("At most 500 characters."))])
    until = DateField(_l("Until (empty: no end)"), validators=[Optional()])


class DecisionForm(FlaskForm):
    reason = StringField(_l("Reason (required to refuse; the member sees it)"), filters=[_strip],
                         validators=[Length(max=500, message=_l("At most 500 characters."))])


class UserSearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField(_l("Username"), filters=[_strip])


class NewAccountForm(FlaskForm):
    username = StringField(_l("Username"), filters=[_strip], validators=[
        DataRequired(_l("Enter a username.")), Length(2, 20, _l("A username has 2 to 20 characters."))])
    display_name = StringField(_l("Display name (optional)"), filters=[_strip], validators=[
        Length(max=40, message=_l("A display name has at most 40 characters."))])
    unit_id = SelectField(_l("Unit"), coerce=int)
    is_unit_account = BooleanField(_l("Unit account (部门账号): manages its unit's boards"))


class UnitAccountsForm(FlaskForm):
    file = FileField(_l("CSV file: unit, username, display name (one account a line)"),
                     validators=[FileRequired(_l("Choose a CSV file."))])


class TitleForm(FlaskForm):
    title = StringField(_l("Official title (e.g. 县委书记)"), filters=[_strip], validators=[
        Length(max=20, message=_l("At most 20 characters."))])


class HolidayScheduleForm(FlaskForm):
    year = IntegerField(_l("Year"), validators=[
        DataRequired(_l("Enter the year.")), NumberRange(2000, 2100, _l("A year from 2000 to 2100."))])
    holidays = TextAreaField(_l("Public holidays (days off)"), validators=[
        Length(max=4000, message=_l("At most 4,000 characters."))])
    workdays = TextAreaField(_l("Make-up working days (Saturdays or Sundays worked)"), validators=[
        Length(max=4000, message=_l("At most 4,000 characters."))])


class InvitationForm(FlaskForm):
    count = IntegerField(_l("How many invitations (1 to 200)"), default=1, validators=[
        NumberRange(1, 200, _l("A number from 1 to 200."))])
    days = IntegerField(_l("Valid for days (1 to 90)"), default=14, validators=[
        NumberRange(1, 90, _l("A number from 1 to 90."))])
    note = StringField(_l("Note (whom they are for; shown in the list)"), filters=[_strip], validators=[
        Length(max=200, message=_l("At most 200 characters."))])
