"""/account: the member's own settings, password, real-name verification and deletion."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from forum.auth import bp
from forum.auth.account import delete_account, show_real_name, update_account
from forum.auth.device_names import device_name
from forum.auth.forms import AccountForm, DeleteForm, PasswordForm, VerifyForm
from forum.auth.passwords import password_rules_text
from forum.auth.services import change_password
from forum.auth.verification import latest_request, request_verification
from forum.extensions import db
from forum.feedback import attempt
from forum.models import SecurityEvent, Unit
from forum.permissions import reads_talent_list


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    form = AccountForm(obj=current_user)
    if form.validate_on_submit() and attempt(
            form, lambda: update_account(current_user, form.display_name.data, form.email.data,
                                         form.password.data),
            done=_("Your account has been saved.")):
        if current_user.pending_display_name:
            flash(_("Your new display name shows once the security administrator "
                    "approves it."), "info")
        return redirect(url_for("auth.account"))
    logins = db.session.execute(
        db.select(SecurityEvent).where(SecurityEvent.user_id == current_user.id,
                                       SecurityEvent.kind.in_(["login", "login_failed", "login_delayed"]))
        .order_by(SecurityEvent.id.desc()).limit(10)).scalars().all()
    return render_template("auth/account.html", form=form, logins=logins, device_name=device_name,
                           verification=latest_request(current_user),
                           reads_talent=reads_talent_list(current_user))


@bp.post("/account/real-name")
@login_required
def real_name():
    if FlaskForm().validate_on_submit():  # only the CSRF token is asked for
        attempt(None, lambda: show_real_name(current_user, request.form.get("shown") == "1"))
    return redirect(url_for("auth.account"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    form = PasswordForm()
    if form.validate_on_submit() and attempt(
            form, lambda: change_password(current_user, form.current.data, form.password.data)):
        login_user(current_user)  # this device stays in; every other session has ended
        flash(_("Your password has been changed; other devices have been signed out."), "success")
        return redirect(url_for("auth.account"))
    return render_template("auth/password.html", form=form, rules=password_rules_text())


@bp.route("/account/verify", methods=["GET", "POST"])
@login_required
def verify():
    form = VerifyForm()
    form.unit_id.choices = [SelectChoice(0, _("Not in a county unit"))] + [
        SelectChoice(u.id, u.name)
        for u in db.session.execute(db.select(Unit).order_by(Unit.position)).scalars()]
    if form.validate_on_submit() and attempt(
            form, lambda: request_verification(current_user, form.real_name.data, form.phone.data,
                                               form.id_number.data, form.unit_id.data,
                                               form.consent.data),
            done=_("Your request has been sent. The security administrator will review it.")):
        return redirect(url_for("auth.account"))
    return render_template("auth/verify.html", form=form, verification=latest_request(current_user))


@bp.route("/account/delete", methods=["GET", "POST"])
@login_required
def delete():
    form = DeleteForm()
    if form.validate_on_submit() and attempt(
            form, lambda: delete_account(current_user, form.password.data)):
        logout_user()
        flash(_("Your account has been deleted. Your posts stay, shown as a deleted user."), "info")
        return redirect(url_for("boards.index"))
    return render_template("auth/delete.html", form=form)
