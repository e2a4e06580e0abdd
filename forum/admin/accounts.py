"""/admin/verifications, /admin/display-names and /admin/users: the security admin's work
on accounts."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from forum.admin import bp
from forum.admin.services import set_title
from forum.admin.forms import DecisionForm, TitleForm, UserSearchForm
from forum.auth.account import decide_display_name
from forum.auth.reset import issue_reset_code
from forum.auth.services import sign_out_everywhere
from forum.auth.verification import decide_verification, reveal_verification
from forum.extensions import db
from forum.feedback import flash_outcome, show_refusal
from forum.models import AdminRole, User, Verification
from forum.permissions import require_admin
from forum.service import Refused


@bp.get("/verifications")
@login_required
def verifications():
    require_admin(current_user, AdminRole.SECURITY)
    pending = db.session.execute(db.select(Verification).where(Verification.status == "pending")
                                 .order_by(Verification.created_at)).scalars().all()
    return render_template("admin/verifications.html", requests=pending, form=DecisionForm())


@bp.post("/verifications/<int:request_id>/<any(approve, refuse):verdict>")
@login_required
def verification_decide(request_id, verdict):
    require_admin(current_user, AdminRole.SECURITY)
    verification = db.get_or_404(Verification, request_id)
    form = DecisionForm()
    flash_outcome(form, lambda: decide_verification(
        verification, current_user, verdict == "approve", form.reason.data),
        _("The request has been decided."))
    return redirect(url_for("admin.verifications"))


@bp.get("/display-names")
@login_required
def display_names():
    require_admin(current_user, AdminRole.SECURITY)
    waiting = db.session.execute(db.select(User).where(User.pending_display_name.is_not(None))
                                 .order_by(User.id)).scalars().all()
    return render_template("admin/display_names.html", users=waiting)


@bp.post("/display-names/<int:user_id>/<any(approve, refuse):verdict>")
@login_required
def display_name_decide(user_id, verdict):
    require_admin(current_user, AdminRole.SECURITY)
    account = db.get_or_404(User, user_id)
    form = DecisionForm()
    flash_outcome(form, lambda: decide_display_name(
        account, current_user, request.form.get("name", ""), verdict == "approve",
        form.reason.data), _("The display name has been decided."))
    return redirect(url_for("admin.display_names"))


@bp.get("/users")
@login_required
def users():
    require_admin(current_user, AdminRole.SECURITY)
    form = UserSearchForm(request.args)
    found = []
    if form.q.data:
        pattern = f"%{User.key_for(form.q.data)}%"
        found = db.session.execute(db.select(User).where(User.username_key.like(pattern))
                                   .order_by(User.username_key).limit(50)).scalars().all()
    return render_template("admin/users.html", form=form, users=found)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@login_required
def user(user_id):
    require_admin(current_user, AdminRole.SECURITY)
    account = db.get_or_404(User, user_id)
    form = TitleForm(obj=account)
    if form.validate_on_submit():
        try:
            set_title(account, current_user, form.title.data)
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            flash(_("The title has been saved."), "success")
            return redirect(url_for("admin.user", user_id=account.id))
    return render_template("admin/user.html", account=account, form=form, action_form=FlaskForm(),
                           verification=reveal_verification(account, current_user))


@bp.post("/users/<int:user_id>/sign-out")
@login_required
def user_sign_out(user_id):
    require_admin(current_user, AdminRole.SECURITY)
    account = db.get_or_404(User, user_id)
    flash_outcome(FlaskForm(), lambda: sign_out_everywhere(account, current_user),
                  _("Every session of %(name)s has ended.", name=account.username))
    return redirect(url_for("admin.user", user_id=account.id))


@bp.post("/users/<int:user_id>/reset-code")
@login_required
def user_reset_code(user_id):
    require_admin(current_user, AdminRole.SECURITY)
    account = db.get_or_404(User, user_id)
    if not FlaskForm().validate_on_submit():
        return redirect(url_for("admin.user", user_id=account.id))
    try:
        code = issue_reset_code(account, current_user)
    except Refused as refusal:
        flash(refusal.message, "error")
        return redirect(url_for("admin.user", user_id=account.id))
    return render_template("admin/reset_code.html", account=account, code=code)
