"""Feedback pages: the form (anyone, while 公示中), the code shown once, the issuer's list
and answers, and following feedback with its code. Each page is private to its reader,
so none is stored by a cache."""
from flask import redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum import captcha
from forum.disclosure import bp, period
from forum.disclosure.feedback import (answer_feedback, closed_message, feedback_of,
                                       record_feedback_read, send_feedback)
from forum.disclosure.feedback_forms import AnswerForm, FeedbackForm, TrackForm
from forum.disclosure.loaders import load_disclosure_for_feedback, load_feedback, load_feedback_of
from forum.disclosure.models import DisclosureFeedback
from forum.extensions import db, limiter
from forum.feedback import attempt, flash_outcome
from forum.seal import unseal
from forum.letters.tracking import find_by_code
from forum.security import no_store

SENT_KEY = "disclosure_feedback_sent"


@bp.route("/disclosures/<int:disclosure_id>/feedback", methods=["GET", "POST"])
@limiter.limit("30 per hour", methods=["POST"])
def feedback_form(disclosure_id):
    """GET,POST: the feedback form while the disclosure is 公示中, then the query code."""
    disclosure = load_disclosure_for_feedback(disclosure_id)
    guest = not current_user.is_authenticated
    form = FeedbackForm()
    form.offer(guest)
    if form.validate_on_submit():
        if guest and not captcha.check(form.captcha.data):
            form.captcha.errors.append(_("The characters do not match the picture; try the new one."))
        elif sent := attempt(form, lambda: _send(disclosure, form, guest)):
            feedback, code = sent.value
            # Post/Redirect/Get: a reload of the next page cannot send the feedback twice.
            session[SENT_KEY] = {"id": feedback.id, "code": code}
            return redirect(url_for("disclosure.feedback_sent"))
    standing = period.standing(disclosure)
    if guest and standing.takes_feedback:
        captcha.new_challenge()
    return no_store(render_template(
        "disclosure/feedback_form.html", disclosure=disclosure, form=form, standing=standing,
        closed=None if standing.takes_feedback else closed_message(disclosure, standing)))


def _send(disclosure, form, guest):
    return send_feedback(disclosure, None if guest else current_user, body=form.body.data,
                         name=form.name.data, phone=form.phone.data,
                         anonymous=form.anonymous.data)


@bp.get("/disclosures/feedback/sent")
def feedback_sent():
    """The query code of the feedback just sent, shown once: the session forgets it here."""
    just_sent = session.pop(SENT_KEY, None)
    feedback = just_sent and db.session.get(DisclosureFeedback, just_sent["id"])
    if feedback is None:
        return redirect(url_for("disclosure.track"))
    return no_store(render_template("disclosure/feedback_sent.html", feedback=feedback,
                                     disclosure=feedback.disclosure, code=just_sent["code"]))


@bp.get("/disclosures/<int:disclosure_id>/feedback/list")
@login_required
def feedback_list(disclosure_id):
    """The disclosure's feedback, for the issuing unit and its handlers; each read is logged."""
    disclosure = load_feedback_of(disclosure_id)
    record_feedback_read(disclosure, current_user)
    rows = [(feedback, unseal(feedback.name_sealed), unseal(feedback.phone_sealed))
            for feedback in feedback_of(disclosure)]
    return no_store(render_template("disclosure/feedback_list.html", disclosure=disclosure,
                                     rows=rows, form=AnswerForm()))


@bp.post("/disclosures/feedback/<int:feedback_id>/answer")
@login_required
def feedback_answer(feedback_id):
    feedback = load_feedback(feedback_id)
    form = AnswerForm()
    flash_outcome(form, lambda: answer_feedback(feedback, current_user, form.body.data),
                  _("The answer was sent."))
    return redirect(url_for("disclosure.feedback_list", disclosure_id=feedback.disclosure_id,
                            _anchor=f"feedback-{feedback.id}"))


@bp.route("/disclosures/track", methods=["GET", "POST"])
@limiter.limit("60 per hour", methods=["POST"])
def track():
    """GET,POST: follow feedback with its query code."""
    form = TrackForm()
    feedback = None
    if form.validate_on_submit() and (found := attempt(
            form, lambda: find_by_code(form.code.data, request.remote_addr,
                                       DisclosureFeedback, "disclosure"))):
        feedback = found.value
        if feedback is None:
            form.code.errors.append(_("No feedback answers to this code. Check it and try again."))
    return no_store(render_template("disclosure/track.html", form=form, feedback=feedback))

