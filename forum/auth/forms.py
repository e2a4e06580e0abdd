"""Account forms: validate, never save."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional


from forum.urls import coerce_id


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class RegisterForm(FlaskForm):
    username = StringField(_l("Username"), filters=[_strip], validators=[
        DataRequired(_l("Enter a username.")),
        Length(2, 20, _l("A username has 2 to 20 characters."))])
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter a password."))])
    confirm = PasswordField(_l("Repeat the password"), validators=[
        DataRequired(_l("Repeat the password.")),
        EqualTo("password", _l("The two passwords differ."))])
    captcha = StringField(_l("Characters in the picture"), filters=[_strip])


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(_l("Enter your username."))])
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter your password."))])
    remember = BooleanField(_l("Stay logged in on this device"))
    captcha = StringField(_l("Characters in the picture"), filters=[_strip])


class LogoutForm(FlaskForm):
    """Only the CSRF token: logging out is a POST."""


class VerifyForm(FlaskForm):
    real_name = StringField(_l("Real name"), filters=[_strip],
                            validators=[DataRequired(_l("Enter your real name."))])
    phone = StringField(_l("Mobile phone"), filters=[_strip],
                        validators=[DataRequired(_l("Enter your mobile phone number."))])
    id_number = StringField(_l("ID card number (optional)"), filters=[_strip])
    consent = BooleanField(_l("I agree that my ID card number is checked and kept only as a "
                              "masked form and a one-way code, to make sure one person has one account."))
    unit_id = SelectField(_l("Your unit"), coerce=coerce_id, validate_choice=False)


class AccountForm(FlaskForm):
    display_name = StringField(_l("Display name"), filters=[_strip], validators=[
        Length(max=20, message=_l("A display name has at most 20 characters."))])
    email = StringField(_l("Email (for password resets; optional)"), filters=[_strip], validators=[
        Optional(), Email(_l("Enter a valid email address.")),
        Length(max=254, message=_l("An address has at most 254 characters."))])
    password = PasswordField(_l("Current password (to change the email)"))


class PasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired(_l("Enter your current password."))])
    password = PasswordField(_l("New password"), validators=[DataRequired(_l("Enter a new password."))])
    confirm = PasswordField(_l("Repeat the new password"), validators=[
        EqualTo("password", _l("The two passwords differ."))])


class DeleteForm(FlaskForm):
    password = PasswordField(_l("Your password"), validators=[DataRequired(_l("Enter your password."))])


class ForgotForm(FlaskForm):
    identifier = StringField(_l("Username or email"), filters=[_strip],
                             validators=[DataRequired(_l("Enter your username or email."))])


class ResetForm(FlaskForm):
    password = PasswordField(_l("New password"), validators=[DataRequired(_l("Enter a new password."))])
    confirm = PasswordField(_l("Repeat the new password"), validators=[
        EqualTo("password", _l("The two passwords differ."))])


class CodeResetForm(ResetForm):
    username = StringField(_l("Username"), filters=[_strip], validators=[DataRequired(_l("Enter your username."))])
    code = StringField(_l("One-time code"), filters=[_strip], validators=[DataRequired(_l("Enter the code."))])
