"""Account forms: validate, never save."""
import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

# Letters (Chinese included), digits, underscore and hyphen; no spaces or look-alikes.
USERNAME_RE = re.compile(r"^[\w\-]+$")


def valid_username(form, field):
    if not USERNAME_RE.match(field.data or ""):
        raise ValidationError(_l("Use only letters, Chinese characters, digits, _ and -."))


class RegisterForm(FlaskForm):
    username = StringField(_l("Username"), filters=[lambda v: v.strip() if v else v], validators=[
        DataRequired(_l("Enter a username.")),
        Length(2, 20, _l("A username has 2 to 20 characters.")), valid_username])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Enter a password.")),
        Length(8, 128, _l("A password has 8 to 128 characters."))])
    confirm = PasswordField(_l("Repeat the password"), validators=[
        DataRequired(_l("Repeat the password.")),
        EqualTo("password", _l("The two passwords differ."))])


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(_l("Enter your username."))])
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter your password."))])
    remember = BooleanField(_l("Stay logged in on this device"))


class LogoutForm(FlaskForm):
    """Only the CSRF token: logging out is a POST."""
