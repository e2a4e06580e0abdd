"""The handlers' and units' work on a letter: each step one conditional UPDATE, logged.

States: pending → accepted / refused → transferred → processing → answered → rated,
and closed. Each step moves the letter only from the states it allows, in one UPDATE
that the database lets only one of two people win; the step is logged without the
letter's box (so only the audit admin's whole log shows it) and the writer is told.
"""
from flask_babel import gettext as _

from forum.cases import claim_step, is_overdue, today
from forum.extensions import db
from forum.letters.deadlines import box_days
from forum.workdays import add_working_days
from forum.letters.notices import notify_box_admins, notify_handlers, notify_unit, notify_writer
from forum.markup import render
from forum.models import Letter, LetterRating, LetterState, Unit
from forum.models.base import utcnow
from forum.models.letter import OPEN_STATES, RATEABLE_STATES, WORKING_STATES
from forum.audit import log_action
from forum.service import Refused, commit

ANSWER_MAX = 10_000


def accept_letter(letter, actor):
    """受理: the answer is due the box's answer days after today."""
    due = add_working_days(today(), box_days(letter.board)[1])
    _move(letter, actor, "accept", (LetterState.PENDING,), LetterState.ACCEPTED,
          accepted_at=utcnow(), answer_due=due)


def refuse_letter(letter, actor, reason):
    """不予受理, with the reason the writer reads."""
    _move(letter, actor, "refuse", (LetterState.PENDING,), LetterState.REFUSED, refused_at=utcnow(),
          refusal_reason=_required(reason, 500, "reason"))


def transfer_letter(letter, actor, unit_id):
    """转办 to a unit, whose unit accounts then read the letter and draft an answer."""
    if not unit_id or db.session.get(Unit, unit_id) is None:
        raise Refused(_("Choose a unit that exists."), field="unit")
    _move(letter, actor, "transfer", WORKING_STATES, LetterState.TRANSFERRED, unit_id=unit_id,
          transferred_at=utcnow(), tell=notify_unit)


def draft_answer(letter, actor, text):
    """办理中: a draft answer, by the unit or a handler, for a handler to send."""
    text = _required(text, ANSWER_MAX, "body")
    _move(letter, actor, "draft", WORKING_STATES, LetterState.PROCESSING, draft=text,
          draft_html=render(text), processing_at=letter.processing_at or utcnow(), notify=False,
          tell=lambda letter, actor: notify_handlers(letter, "letter_drafted", actor=actor))


def send_answer(letter, actor, text):
    """已答复: the answer the writer reads."""
    text = _required(text, ANSWER_MAX, "body")
    _move(letter, actor, "answer", WORKING_STATES, LetterState.ANSWERED, answer=text,
          answer_html=render(text), answered_at=utcnow())


def extend_deadline(letter, actor, days, reason):
    """Move the answer's due date on by working days, with a reason."""
    if not isinstance(days, int) or not 1 <= days <= 60:
        raise Refused(_("Extend by 1 to 60 working days."), field="days")
    working = (letter.state,) if letter.state in WORKING_STATES else ()
    _move(letter, actor, "extend", working, letter.state,
          answer_due=add_working_days(letter.answer_due, days), extended_at=utcnow(),
          extension_reason=_required(reason, 500, "reason"), notify=False)


def close_letter(letter, actor):
    """办结: nothing more happens to an answered, rated or refused letter."""
    closable = (LetterState.ANSWERED, LetterState.RATED, LetterState.REFUSED)
    _move(letter, actor, "close", closable, LetterState.CLOSED, closed_at=utcnow())


def publish_letter(letter, actor):
    """Publish an answered letter whose writer agreed, on the box's public page."""
    if not letter.consent or letter.answer is None:
        raise Refused(_("Only answered letters whose writer agreed can be published."))
    _claim(letter, (Letter.published_at.is_(None),), published_at=utcnow())
    log_action(actor, "letter_publish", "letter", letter.id)
    commit()


def rate_letter(letter, rating, comment):
    """The writer's rating of the answer, once."""
    if rating not in list(LetterRating):
        raise Refused(_("Choose how satisfied you are."), field="rating")
    _claim(letter, (Letter.rating.is_(None), Letter.state.in_(RATEABLE_STATES)),
           rating=rating, rating_comment=(comment or "").strip()[:500] or None,
           rated_at=utcnow(), state=LetterState.RATED)
    log_action(None, "letter_rate", "letter", letter.id)  # the writer stays unnamed
    commit()


def flag_overdue_letters():
    """Tell the handlers and the box's admins, once per letter, of each open letter past
    its due date."""
    on = today()
    late = [letter for letter in db.session.execute(db.select(Letter).where(
        Letter.state.in_(OPEN_STATES), Letter.overdue_notified_at.is_(None))).scalars()
        if is_overdue(letter, on)]
    for letter in late:
        letter.overdue_notified_at = utcnow()
        notify_handlers(letter, "letter_overdue")
        notify_box_admins(letter)
    commit()
    return len(late)


def _move(letter, actor, action, from_states, to_state, notify=True, tell=None, **values):
    """Move the letter, log it, tell the writer (unless notify is false) and whoever
    `tell(letter, actor)` tells, in one commit."""
    _claim(letter, (Letter.state.in_(from_states),), state=to_state, **values)
    log_action(actor, f"letter_{action}", "letter", letter.id)
    db.session.refresh(letter)
    if notify:
        notify_writer(letter, actor)
    if tell is not None:
        tell(letter, actor)
    commit()


def _claim(letter, conditions, **values):
    claim_step(Letter, letter, conditions,
               _("This letter has moved on meanwhile; nothing was changed."), **values)


def _required(text, limit, field):
    text = (text or "").strip()
    if not text or len(text) > limit:
        raise Refused(_("Write a text of at most %(max)d characters.", max=limit), field=field)
    return text
