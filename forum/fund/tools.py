"""The treasurers' pages: start an appeal (the board's start page), record a donation, a
disbursement or a reversal on an appeal, and approve disbursements in the queue."""
from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum import hooks
from forum.extensions import limiter
from forum.feedback import attempt, flash_outcome
from forum.fund import bp, queries
from forum.fund.access import is_treasurer, may_approve
from forum.fund.forms import (AppealForm, ApproveForm, DisbursementForm, DonationForm,
                              ReversalForm)
from forum.fund.loaders import load_appeal, load_entry, load_fund_for_treasurer
from forum.fund.services import (approve_disbursement, record_disbursement, record_donation,
                                 reverse_entry, start_appeal)
from forum.urls import parse_int


def appeal_page(board):
    """GET,POST /b/<slug>/new for the fund's treasurers; None for anyone else (the core
    then answers as for any board: log in, or 403)."""
    if not is_treasurer(current_user, board):
        return None
    form = AppealForm()
    if form.validate_on_submit() and (started := attempt(
            form, lambda: start_appeal(board, current_user, **_fields(form)), default="body")):
        return redirect(url_for("boards.thread", thread_id=started.value.thread_id))
    return render_template("fund/appeal_form.html", board=board, form=form,
                           **hooks.parts("editor"))


@bp.route("/fund/appeals/<int:appeal_id>/donations", methods=["GET", "POST"])
@limiter.limit("300 per hour", methods=["POST"])
@login_required
def donation(appeal_id):
    appeal = load_appeal(appeal_id)
    return _entry_form(appeal, DonationForm(), record_donation, _("The donation is recorded."))


@bp.route("/fund/appeals/<int:appeal_id>/disbursements", methods=["GET", "POST"])
@limiter.limit("300 per hour", methods=["POST"])
@login_required
def disbursement(appeal_id):
    appeal = load_appeal(appeal_id)
    return _entry_form(appeal, DisbursementForm(), record_disbursement,
                       _("The disbursement is recorded: it shows once a second treasurer "
                         "approves it."))


@bp.route("/fund/appeals/<int:appeal_id>/reversals", methods=["GET", "POST"])
@limiter.limit("300 per hour", methods=["POST"])
@login_required
def reversal(appeal_id):
    appeal = load_appeal(appeal_id)
    form = ReversalForm()
    if form.validate_on_submit() and attempt(
            form, lambda: reverse_entry(appeal, current_user, reason=form.reason.data,
                                        entry_id=parse_int(form.entry.data, low=1)),
            done=_("The reversal is recorded.")):
        return redirect(url_for("boards.thread", thread_id=appeal.thread_id))
    return render_template("fund/entry_form.html", appeal=appeal, board=appeal.thread.board,
                           form=form, heading=_("Reverse an entry"))


@bp.get("/fund/<slug>/approvals")
@login_required
def approvals(slug):
    board = load_fund_for_treasurer(slug)
    waiting = queries.pending_disbursements(board)
    return render_template("fund/approvals.html", board=board, waiting=waiting, form=ApproveForm(),
                           may_approve=lambda entry: may_approve(current_user, entry, board))


@bp.post("/fund/entries/<int:entry_id>/approve")
@login_required
def approve(entry_id):
    entry = load_entry(entry_id)
    flash_outcome(ApproveForm(), lambda: approve_disbursement(entry, current_user),
                  done=_("The disbursement is approved and now shows in the ledger."))
    return redirect(url_for("fund.approvals", slug=entry.appeal.thread.board.slug))


def _entry_form(appeal, form, record, done):
    if form.validate_on_submit() and attempt(
            form, lambda: record(appeal, current_user, **_fields(form)), done=done):
        return redirect(url_for("boards.thread", thread_id=appeal.thread_id))
    return render_template("fund/entry_form.html", appeal=appeal, board=appeal.thread.board,
                           form=form, heading=form.submit.label.text)


def _fields(form):
    """The form's values by field name, for the service's keyword arguments."""
    return {name: field.data for name, field in form._fields.items()
            if name not in ("csrf_token", "submit")}
