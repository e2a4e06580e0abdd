"""组织关系转接 pages: a member's new enquiry, the secretary's queue, an enquiry's page
(its member and secretary only) and the secretary's steps."""
from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.access import Access
from forum.branch import bp, queries
from forum.branch.access import is_secretary
from forum.branch.enquiries import close_enquiry, start_enquiry, take_enquiry
from forum.branch.forms import AnswerForm, EnquiryForm
from forum.branch.loaders import load_branch_for, load_enquiry
from forum.feedback import attempt, flash_outcome


@bp.route("/branch/<int:branch_id>/enquiries/new", methods=["GET", "POST"])
@login_required
def new_enquiry(branch_id):
    branch = load_branch_for(branch_id)
    form = EnquiryForm()
    if form.validate_on_submit() and (made := attempt(form, lambda: start_enquiry(
            branch, current_user, form.subject.data, form.body.data), default="body")):
        return redirect(url_for("branch.enquiry", enquiry_id=made.value.id))
    return render_template("branch/enquiry_form.html", branch=branch, form=form)


@bp.get("/branch/<int:branch_id>/enquiries")
@login_required
def enquiries(branch_id):
    branch = load_branch_for(branch_id, need=Access.HANDLE)
    return render_template("branch/enquiries.html", branch=branch,
                           enquiries=queries.enquiries_queue(branch))


@bp.get("/branch/enquiries/<int:enquiry_id>")
@login_required
def enquiry(enquiry_id):
    enquiry = load_enquiry(enquiry_id)
    return render_template("branch/enquiry.html", enquiry=enquiry, branch=enquiry.branch,
                           handles=is_secretary(current_user, enquiry.branch), form=AnswerForm())


@bp.post("/branch/enquiries/<int:enquiry_id>/take")
@login_required
def take(enquiry_id):
    enquiry = load_enquiry(enquiry_id)
    attempt(None, lambda: take_enquiry(enquiry, current_user), done=_("You are working on it."))
    return redirect(url_for("branch.enquiry", enquiry_id=enquiry.id))


@bp.post("/branch/enquiries/<int:enquiry_id>/close")
@login_required
def close(enquiry_id):
    enquiry = load_enquiry(enquiry_id)
    form = AnswerForm()
    flash_outcome(form, lambda: close_enquiry(enquiry, current_user, form.answer.data),
                  _("The enquiry is answered and closed."))
    return redirect(url_for("branch.enquiry", enquiry_id=enquiry.id))
