"""Petition steps: load, check who may, call one service, redirect to the thread."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.access import Access
from forum.boards.loaders import load_thread
from forum.feedback import flash_outcome
from forum.petitions import bp, services
from forum.petitions.forms import (AnswerForm, DeclineForm, ExtendForm, MakeForm, MergeForm,
                                   PlainForm, RateForm, TransferForm)
from forum.petitions.loaders import load_petition
from forum.petitions.sections import STEP_PREFIX

STEPS = {  # step: (form, service call, what the actor is told)
    "transfer": (TransferForm, lambda p, f: services.transfer_petition(p, current_user, f.unit.data),
                 lambda p: _("Transferred to %(unit)s; its accounts have been told.", unit=p.unit.name)),
    "merge": (MergeForm, lambda p, f: services.merge_petition(p, current_user, f.thread.data),
              lambda p: _("Merged into the petition on the same matter.")),
    "decline": (DeclineForm, lambda p, f: services.decline_petition(p, current_user, f.reason.data, f.note.data),
                lambda p: _("Declined: the reason is shown on the thread.")),
    "answer": (AnswerForm, lambda p, f: services.answer_petition(p, current_user, f.body.data),
               lambda p: _("Your official reply is published at the top of the thread.")),
    "extend": (ExtendForm, lambda p, f: services.extend_petition(p, current_user, f.days.data, f.reason.data),
               lambda p: _("More time given: the answer is now due on %(date)s.", date=p.answer_due.isoformat())),
    "close": (PlainForm, lambda p, f: services.close_petition(p, current_user),
              lambda p: _("Marked as done; the petitioner has been told.")),
    "confirm": (PlainForm, lambda p, f: services.confirm_petition(p, current_user),
                lambda p: _("Thank you: you confirmed the petition is done.")),
    "reopen": (PlainForm, lambda p, f: services.reopen_petition(p, current_user),
               lambda p: _("Reopened: the unit has been told.")),
    "rate": (RateForm, lambda p, f: services.rate_petition(p, current_user, f.rating.data),
             lambda p: _("Thank you for rating the answer.")),
}


@bp.post("/petitions/<int:petition_id>/<any(transfer, merge, decline, answer, extend, close, confirm, reopen, rate):step>")
@login_required
def step(petition_id, step):
    petition = load_petition(petition_id, step)
    form_class, act, done = STEPS[step]
    form = form_class(prefix=STEP_PREFIX)
    if flash_outcome(form, lambda: act(petition, form), None):
        flash(done(petition), "success")
    return redirect(url_for("boards.thread", thread_id=petition.thread_id, _anchor="petition"))


@bp.post("/t/<int:thread_id>/petition")
@login_required
def make(thread_id):
    thread = load_thread(thread_id, need=Access.MODERATE)
    form = MakeForm(prefix=STEP_PREFIX)
    flash_outcome(form, lambda: services.make_petition(thread, current_user, form.kind.data,
                                                       form.unit.data),
                  _("The thread is now a petition waiting to be accepted."))
    return redirect(url_for("boards.thread", thread_id=thread.id, _anchor="petition"))
