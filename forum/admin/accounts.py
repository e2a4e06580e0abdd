"""/admin/verifications, /admin/display-names and /admin/users: the security admin's work
on accounts, making them included."""
import base64
import io

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from forum.access import admin_required
from forum.admin import bp, queries
from forum.admin.services import set_title
from forum.admin.forms import (DecisionForm, NewAccountForm, TitleForm, UnitAccountsForm,
                               UserSearchForm)
from forum.admin.new_accounts import (create_account, create_unit_accounts, read_unit_rows,
                                      set_unit_account)
from forum.auth.account import decide_display_name
from forum.auth.reset import issue_reset_code
from forum.auth.services import sign_out_everywhere
from forum.auth.verification import decide_verification, reveal_verification
from forum.csvfile import SafeWriter
from forum.extensions import db
from forum.feedback import attempt, flash_outcome
from forum.models import AdminRole, User, Verification
from forum.security import no_store


@bp.get("/verifications")
@admin_required(AdminRole.SECURITY)
def verifications():
    return render_template("admin/verifications.html", requests=queries.pending_verifications(),
                           form=DecisionForm())


@bp.post("/verifications/<int:request_id>/<any(approve, refuse):verdict>")
@admin_required(AdminRole.SECURITY)
def verification_decide(request_id, verdict):
    verification = db.get_or_404(Verification, request_id)
    form = DecisionForm()
    flash_outcome(form, lambda: decide_verification(
        verification, current_user, verdict == "approve", form.reason.data),
        _("The request has been decided."))
    return redirect(url_for("admin.verifications"))


@bp.get("/display-names")
@admin_required(AdminRole.SECURITY)
def display_names():
    return render_template("admin/display_names.html", users=queries.awaiting_display_names())


@bp.post("/display-names/<int:user_id>/<any(approve, refuse):verdict>")
@admin_required(AdminRole.SECURITY)
def display_name_decide(user_id, verdict):
    account = db.get_or_404(User, user_id)
    form = DecisionForm()
    flash_outcome(form, lambda: decide_display_name(
        account, current_user, request.form.get("name", ""), verdict == "approve",
        form.reason.data), _("The display name has been decided."))
    return redirect(url_for("admin.display_names"))


@bp.get("/users")
@admin_required(AdminRole.SECURITY)
def users():
    form = UserSearchForm(request.args)
    found = queries.users_matching(form.q.data) if form.q.data else []
    return render_template("admin/users.html", form=form, users=found)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@admin_required(AdminRole.SECURITY)
def user(user_id):
    account = db.get_or_404(User, user_id)
    form = TitleForm(obj=account)
    if form.validate_on_submit() and attempt(form, lambda: set_title(account, current_user, form.title.data),
                                             done=_("The title has been saved.")):
        return redirect(url_for("admin.user", user_id=account.id))
    return render_template("admin/user.html", account=account, form=form, action_form=FlaskForm(),
                           verification=reveal_verification(account, current_user),
                           roles=queries.roles_of(account),
                           admin_label=AdminRole(account.admin_role).label if account.admin_role else None)


@bp.post("/users/<int:user_id>/sign-out")
@admin_required(AdminRole.SECURITY)
def user_sign_out(user_id):
    account = db.get_or_404(User, user_id)
    flash_outcome(FlaskForm(), lambda: sign_out_everywhere(account, current_user),
                  _("Every session of %(name)s has ended.", name=account.username))
    return redirect(url_for("admin.user", user_id=account.id))


@bp.post("/users/<int:user_id>/reset-code")
@admin_required(AdminRole.SECURITY)
def user_reset_code(user_id):
    account = db.get_or_404(User, user_id)
    issued = FlaskForm().validate_on_submit() and attempt(
        None, lambda: issue_reset_code(account, current_user))
    if not issued:
        return redirect(url_for("admin.user", user_id=account.id))
    return render_template("admin/reset_code.html", account=account, code=issued.value)


@bp.route("/users/new", methods=["GET", "POST"])
@admin_required(AdminRole.SECURITY)
def user_new():
    """One account with a one-time initial password, shown on the answer and nowhere else."""
    form = NewAccountForm()
    form.unit_id.choices = [SelectChoice(0, _("None"))] + [
        SelectChoice(u.id, u.name) for u in queries.units_in_order()]
    if form.validate_on_submit() and (made := attempt(form, lambda: create_account(
            current_user, form.username.data, form.display_name.data, form.unit_id.data or None,
            form.is_unit_account.data))):
        return _initial_passwords([made.value])
    return render_template("admin/user_new.html", form=form)


@bp.route("/users/import", methods=["GET", "POST"])
@admin_required(AdminRole.SECURITY)
def users_import():
    """Unit accounts from a CSV: every bad row is listed and none is made until all are good."""
    form, bad = UnitAccountsForm(), []
    if form.validate_on_submit():
        rows, bad = read_unit_rows(form.file.data.read())
        if not bad and (made := attempt(None, lambda: create_unit_accounts(current_user, rows))):
            return _initial_passwords(made.value)
    return render_template("admin/users_import.html", form=form, bad=bad)


def _initial_passwords(made):
    """The only page that shows the initial passwords, also as a CSV file to save: built
    in the page itself, so no copy is kept on the server or in any cache."""
    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow([_("Unit"), _("Username"), _("Display name"), _("Initial password")])
    for account in made:
        user = account.user
        writer.writerow([user.unit.name if user.unit else "", user.username, user.display_name or "",
                         account.password])
    href = "data:text/csv;charset=utf-8;base64," + base64.b64encode(
        ("\ufeff" + out.getvalue()).encode()).decode()
    return no_store(render_template("admin/initial_passwords.html", made=made, href=href))


@bp.post("/users/<int:user_id>/unit-account/<any(on, off):state>")
@admin_required(AdminRole.SECURITY)
def user_unit_account(user_id, state):
    account = db.get_or_404(User, user_id)
    flash_outcome(FlaskForm(), lambda: set_unit_account(account, current_user, state == "on"),
                  _("The account has been saved."))
    return redirect(url_for("admin.user", user_id=account.id))
