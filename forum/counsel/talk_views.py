"""A talk's pages, private to its member and its counsellors (404 for anyone else): the
conversation, a message, a hand-over and the member's consent, closing, revealing the
account. Each counsellor's read is logged; no page is kept by a cache."""
from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.access import Access
from forum.counsel import bp
from forum.counsel.access import counsellors
from forum.counsel.forms import (CloseForm, ConsentForm, HandoverForm, MessageForm, RevealForm,
                                 chosen_id, counsellor_choices)
from forum.counsel.loaders import load_talk
from forum.counsel.talks import (answer_handover, close_talk, record_talk_read, request_handover,
                                 reveal_account, send_message)
from forum.extensions import limiter
from forum.feedback import flash_outcome
from forum.security import no_store


@bp.get("/counsel/talks/<int:talk_id>")
@login_required
def talk(talk_id):
    """The talk, for its member and its counsellors; a counsellor's read is logged."""
    talk, access = load_talk(talk_id)
    staff = Access.HANDLE in access
    if staff:
        record_talk_read(talk, current_user)
    handover = HandoverForm()
    handover.counsellor.choices = counsellor_choices(
        [u for u in counsellors(talk.board_id) if u.id != current_user.id], _("Choose…"))
    return no_store(render_template(
        "counsel/talk.html", talk=talk, staff=staff, board=talk.board, form=MessageForm(),
        handover=handover, consent=ConsentForm(), close=CloseForm(), reveal=RevealForm(),
        help_text=(talk.board.settings.get("help_text") or "") if talk.urgent else ""))


@bp.post("/counsel/talks/<int:talk_id>/messages")
@limiter.limit("60 per hour")
@login_required
def message(talk_id):
    talk, _access = load_talk(talk_id, need=Access.REPLY)
    form = MessageForm()
    flash_outcome(form, lambda: send_message(talk, current_user, form.body.data),
                  _("The message has been sent."))
    return redirect(url_for("counsel.talk", talk_id=talk.id))


@bp.post("/counsel/talks/<int:talk_id>/handover")
@login_required
def handover(talk_id):
    talk, _access = load_talk(talk_id, need=Access.HANDLE)
    form = HandoverForm()
    flash_outcome(form, lambda: request_handover(talk, current_user, chosen_id(form.counsellor.data)),
                  _("The member has been asked to consent to the hand-over."))
    return redirect(url_for("counsel.talk", talk_id=talk.id))


@bp.post("/counsel/talks/<int:talk_id>/consent")
@login_required
def consent(talk_id):
    talk, access = load_talk(talk_id)
    if Access.HANDLE in access:  # only the member consents
        return redirect(url_for("counsel.talk", talk_id=talk.id))
    form = ConsentForm()
    flash_outcome(form, lambda: answer_handover(talk, current_user, bool(form.accept.data)),
                  _("Your answer has been recorded."))
    return redirect(url_for("counsel.talk", talk_id=talk.id))


@bp.post("/counsel/talks/<int:talk_id>/close")
@login_required
def close(talk_id):
    talk, _access = load_talk(talk_id)
    form = CloseForm()
    flash_outcome(form, lambda: close_talk(talk, current_user, form.outcome.data),
                  _("The talk has been closed."))
    return redirect(url_for("counsel.talk", talk_id=talk.id))


@bp.post("/counsel/talks/<int:talk_id>/reveal")
@login_required
def reveal(talk_id):
    talk, access = load_talk(talk_id)
    if Access.HANDLE not in access:
        flash_outcome(RevealForm(), lambda: reveal_account(talk, current_user),
                      _("The counsellors now see your account."))
    return redirect(url_for("counsel.talk", talk_id=talk.id))
