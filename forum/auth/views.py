"""Register, log in, log out."""
from flask import flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from forum import captcha
from forum.auth import bp, limits
from forum.auth.devices import known_accounts, remember_device
from forum.auth.forms import LoginForm, LogoutForm, RegisterForm
from forum.auth.passwords import password_rules_text
from forum.auth.services import (captcha_required, end_sessions, log_in, register_member,
                                 registration_refusal)
from forum.auth.sessions import start_session
from forum.extensions import limiter
from forum.feedback import attempt
from forum.settings import get_setting
from forum.urls import safe_next


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def register():
    """Registration, where the site settings open it (or with an invitation's ?invite=
    code), behind a CAPTCHA where they ask for one."""
    form, needs_captcha = RegisterForm(), get_setting("registration_captcha")
    code = request.args.get("invite", "")
    if form.validate_on_submit():
        if needs_captcha and not captcha.check(form.captcha.data):
            form.captcha.errors.append(_("The characters do not match the picture; try the new one."))
        elif registered := attempt(form, lambda: register_member(
                form.username.data, form.password.data, code)):
            start_session(registered.value)
            flash(_("Welcome, %(name)s! Your account is ready.", name=registered.value.username), "success")
            return redirect(safe_next(request.args.get("next")))
    refusal = registration_refusal(code)
    if needs_captcha and not refusal:
        captcha.new_challenge()
    return render_template("auth/register.html", form=form, rules=password_rules_text(),
                           captcha=needs_captcha, refusal=refusal)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(limits.PER_ADDRESS, methods=["POST"])
@limiter.limit(limits.PER_ACCOUNT, methods=["POST"], key_func=limits.account_key,
               exempt_when=limits.on_own_device)
@limiter.limit(limits.PER_ADDRESS_AND_ACCOUNT, methods=["POST"], key_func=limits.address_and_account_key)
def login():
    form = LoginForm()
    needs_captcha = captcha_required(request.remote_addr)
    if form.validate_on_submit():
        if needs_captcha and not captcha.check(form.captcha.data):
            form.captcha.errors.append(_("The characters do not match the picture; try the new one."))
        elif logged_in := attempt(form, lambda: log_in(
                form.username.data, form.password.data, request.remote_addr,
                request.user_agent.string[:200], known=known_accounts(request)), default="password"):
            user = logged_in.value
            start_session(user, remember=remember(user, form.remember.data))
            if form.remember.data and user.admin_role:  # after the fresh session begins
                flash(_("Administrator accounts are not remembered on a device."), "info")
            return remember_device(redirect(safe_next(request.args.get("next"))), request, user)
    if needs_captcha:
        captcha.new_challenge()
    return render_template("auth/login.html", form=form, captcha=needs_captcha)


@bp.get("/login/captcha.png")
def captcha_image():
    return captcha.image_response()


def remember(user, asked):
    """Remember the login on this device, except an admin's (30 minutes idle end it)."""
    return asked and not user.admin_role


@bp.post("/logout")
def logout():
    form = LogoutForm()
    if form.validate_on_submit() and current_user.is_authenticated:
        end_sessions(current_user)
        logout_user()
        flash(_("You have logged out."), "info")
    return redirect(safe_next(None))
