"""/password/...: a reset link by mail, or a one-time code from the security admin."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _

from forum.auth import bp
from forum.auth.forms import CodeResetForm, ForgotForm, ResetForm
from forum.auth.passwords import password_rules_text
from forum.auth.reset import reset_password, send_reset_link, valid_link
from forum.extensions import limiter
from forum.feedback import attempt


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit("5 per hour", methods=["POST"])
def forgot():
    form = ForgotForm()
    if form.validate_on_submit():
        flash(_("If that account has an email address, a link to reset the password is on its way."), "info")
        return _after_response(redirect(url_for("auth.login")), send_reset_link,
                               form.identifier.data, request.remote_addr)
    return render_template("auth/forgot.html", form=form)


def _after_response(response, work, *args):
    """Run work(*args) once the response has been sent: whether an account has an
    address (a token to store, a mail to send) then takes none of the client's time."""
    app, locale = current_app._get_current_object(), str(get_locale())

    def run():
        with app.app_context(), force_locale(locale):
            try:
                work(*args)
            except Exception:  # the client has its answer; the operator gets the trace
                app.logger.exception("deferred %s failed", work.__name__)

    response.call_on_close(run)
    return response


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@limiter.limit("20 per hour", methods=["POST"])
def reset(token):
    form = ResetForm()
    if not valid_link(token):
        return render_template("auth/reset.html", form=None), 410
    if form.validate_on_submit() and attempt(
            form, lambda: reset_password(token, form.password.data), default="password",
            done=_("Your password has been changed. Please log in.")):
        return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", form=form, rules=password_rules_text())


@bp.route("/password/code", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def reset_with_code():
    form = CodeResetForm()
    if form.validate_on_submit() and attempt(
            form, lambda: reset_password(form.code.data, form.password.data, kind="code",
                                         username=form.username.data),
            default="code", done=_("Your password has been changed. Please log in.")):
        return redirect(url_for("auth.login"))
    return render_template("auth/code.html", form=form, rules=password_rules_text())
