"""Membership pages: apply, the secretary's list of members and applications, adding,
deciding, marking 流动党员, appointing the secretary."""
from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from forum.access import Access
from forum.branch import bp, queries
from forum.branch.branches import (add_member, appoint_secretary, apply_to_branch,
                                   decide_membership, mark_mobile)
from forum.branch.forms import (AddMemberForm, ApplyForm, DecisionForm, MobileForm,
                                SecretaryForm)
from forum.branch.loaders import load_branch, load_branch_for, load_membership
from forum.feedback import flash_outcome

DONE = {"approve": _l("Approved."), "refuse": _l("Refused."), "suspend": _l("Suspended."),
        "restore": _l("Restored."), "remove": _l("Removed.")}


@bp.post("/branch/<int:branch_id>/apply")
@login_required
def apply(branch_id):
    branch = load_branch(branch_id)
    form = ApplyForm()
    flash_outcome(form, lambda: apply_to_branch(branch, current_user, form.home.data),
                  _("Your application has gone to the branch's secretary."))
    return redirect(url_for("branch.branch", branch_id=branch.id))


@bp.post("/branch/<int:branch_id>/secretary")
@login_required
def secretary(branch_id):
    branch = load_branch(branch_id)
    form = SecretaryForm()
    flash_outcome(form, lambda: appoint_secretary(branch, current_user, form.username.data),
                  _("The secretary is appointed."))
    return redirect(url_for("branch.branch", branch_id=branch.id))


@bp.get("/branch/<int:branch_id>/members")
@login_required
def members(branch_id):
    branch = load_branch_for(branch_id, need=Access.HANDLE)
    return render_template("branch/members.html", branch=branch,
                           rows=queries.members(branch), form=AddMemberForm(),
                           decision=DecisionForm(), mobile_form=MobileForm())


@bp.post("/branch/<int:branch_id>/members")
@login_required
def add(branch_id):
    branch = load_branch_for(branch_id, need=Access.HANDLE)
    form = AddMemberForm()
    flash_outcome(form, lambda: add_member(branch, current_user, form.username.data,
                                           form.home.data), _("The member is added."))
    return redirect(url_for("branch.members", branch_id=branch.id))


@bp.post("/branch/members/<int:membership_id>/<any(approve, refuse, suspend, restore, remove):action>")
@login_required
def decide(membership_id, action):
    row = load_membership(membership_id)
    form = DecisionForm()
    flash_outcome(form, lambda: decide_membership(row, current_user, action, form.reason.data),
                  str(DONE[action]))
    return redirect(url_for("branch.members", branch_id=row.branch_id))


@bp.post("/branch/members/<int:membership_id>/mobile")
@login_required
def mobile(membership_id):
    row = load_membership(membership_id)
    form = MobileForm()
    flash_outcome(form, lambda: mark_mobile(row, current_user, form.mobile.data, form.where.data),
                  _("Saved."))
    return redirect(url_for("branch.members", branch_id=row.branch_id))
