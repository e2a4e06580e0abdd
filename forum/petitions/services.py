"""The steps of a petition (DESIGN §4): each moves it from the states it allows in one
conditional UPDATE (`forum.cases.claim_step`), is logged and tells whom it concerns.

pending (待受理) → transferred (已转交) → answered (已回复) → closed (已办结); or refused
(declined with a public reason, or merged into another petition as its duplicate).
"""
from flask_babel import gettext as _

from forum import cases, workdays
from forum.audit import log_action
from forum.boards.services import reply
from forum.extensions import db
from forum.models import ContentStatus, LetterKind, LetterRating, LetterState, Unit
from forum.models.base import utcnow
from forum.petitions.access import answers, is_petitioner, moderates
from forum.petitions.models import KINDS, DeclineReason, Petition, PetitionMonth
from forum.petitions.notices import notify_overdue, notify_petitioner, notify_unit
from forum.petitions.queries import open_overdue
from forum.petitions.rules import MOST_DAYS, petition_days, takes_petitions
from forum.service import Refused, commit
from forum.stats.daily import session_bump
from forum.unit_groups import units_without_account
from forum.urls import parse_int

NOTE_MAX = 500


def checked_kind(kind, field="kind"):
    """The kind, if it is one a petition may have."""
    if kind not in KINDS:
        raise Refused(_("Choose what the petition asks for."), field=field)
    return LetterKind(kind)


def checked_unit(unit_id, field="unit"):
    """The unit's id (given as a number or a form's text) if it exists; None for none."""
    if unit_id in (None, ""):
        return None
    unit_id = unit_id if isinstance(unit_id, int) else parse_int(unit_id)
    if unit_id is None or db.session.get(Unit, unit_id) is None:
        raise Refused(_("Choose a unit that exists."), field=field)
    return unit_id


def add_petition(thread, author, kind, concerned_unit_id):
    """A petition row for a thread being written (no commit: the thread's own write
    commits it); received today, to be accepted in the board's working days."""
    board = thread.board
    if not takes_petitions(board):
        raise Refused(_("This board does not take petitions."), field="kind")
    received = cases.today()
    petition = Petition(thread=thread, board_id=board.id, petitioner_id=author.id,
                        kind=checked_kind(kind), concerned_unit_id=checked_unit(concerned_unit_id),
                        state=LetterState.PENDING, received_on=received,
                        accept_due=workdays.add_working_days(received, petition_days(board)[0]))
    db.session.add(petition)
    return petition


def make_petition(thread, actor, kind, concerned_unit_id):
    """A moderator turns an ordinary published thread into a petition of its author."""
    if thread.status != ContentStatus.PUBLISHED or thread.author_id is None:
        raise Refused(_("Only a published thread with an author can be a petition."))
    already = Refused(_("This thread is a petition already."))
    if db.session.execute(db.select(Petition.id).where(Petition.thread_id == thread.id)).first():
        raise already
    petition = add_petition(thread, thread.author, kind, concerned_unit_id)
    log_action(actor, "petition_make", "thread", thread.id, thread.board_id)
    commit(on_conflict=already)
    return petition


def transfer_petition(petition, actor, unit_id):
    """受理 and 转交: the unit's accounts answer within the board's working days."""
    _must(moderates(actor, petition.board))
    unit_id = checked_unit(unit_id)
    if unit_id is None:
        raise Refused(_("Choose the unit to transfer the petition to."), field="unit")
    if units_without_account([unit_id]):
        raise Refused(_("%(unit)s has no unit account to answer: choose another unit, or ask the "
                        "system administrator to open one.", unit=db.session.get(Unit, unit_id).name),
                      field="unit")
    due = workdays.add_working_days(cases.today(), petition_days(petition.board)[1])
    _step(petition, actor, "transfer", (Petition.state == LetterState.PENDING,),
          state=LetterState.TRANSFERRED, unit_id=unit_id, transferred_at=utcnow(), answer_due=due)
    _count(petition, received=1)
    notify_unit(petition, "petition_transferred", actor)
    _done(petition, actor)


def decline_petition(petition, actor, reason, note):
    """Not taken as a petition, with a public reason."""
    _must(moderates(actor, petition.board))
    if reason not in tuple(DeclineReason):
        raise Refused(_("Choose why the petition is declined."), field="reason")
    _step(petition, actor, "decline", (Petition.state == LetterState.PENDING,),
          state=LetterState.REFUSED, decline_reason=reason, declined_at=utcnow(),
          decline_note=_text(note, NOTE_MAX, "note", required=False))
    _done(petition, actor)


def merge_petition(petition, actor, target_thread_id):
    """A duplicate: declined, pointing to the petition on the same matter."""
    _must(moderates(actor, petition.board))
    target = db.session.execute(db.select(Petition).where(
        Petition.thread_id == target_thread_id)).scalar_one_or_none()
    if target is None or target.id == petition.id or target.merged_into_id is not None \
            or target.thread.status != ContentStatus.PUBLISHED:
        raise Refused(_("Give the thread number of another petition to merge into."), field="thread")
    _step(petition, actor, "merge", (Petition.state == LetterState.PENDING,),
          state=LetterState.REFUSED, decline_reason=DeclineReason.DUPLICATE,
          merged_into_id=target.id, declined_at=utcnow())
    _done(petition, actor)


def answer_petition(petition, actor, body):
    """官方回复: a reply of the unit's account, marked as the petition's official reply."""
    _check_unit(actor, petition)
    if petition.reply_post_id is not None:
        raise Refused(_("This petition has its official reply already."), field="body")
    if petition.state != LetterState.TRANSFERRED:
        raise Refused(_("Only a petition transferred to your unit and not yet answered takes "
                        "an official reply."), field="body")
    return reply(petition.thread, actor, body, found={"petition_answer": petition.id})


def record_answer(post, petition_id):
    """Mark the post just written as the petition's official reply (in the reply's own
    unit of work): answered, on time or not, in so many working days."""
    petition = db.session.get(Petition, petition_id)
    answered = cases.today()
    _claim(petition, (Petition.state == LetterState.TRANSFERRED, Petition.reply_post_id.is_(None)),
           state=LetterState.ANSWERED, reply_post_id=post.id, answered_at=utcnow(),
           on_time=answered <= petition.answer_due,
           days_taken=workdays.current().count(petition.received_on, answered))
    log_action(post.author, "petition_answer", "petition", petition.id, petition.board_id)
    db.session.refresh(petition)
    _count(petition, answered=1, on_time=int(petition.on_time), days_total=petition.days_taken)
    notify_petitioner(petition, post.author)


def extend_petition(petition, actor, days, reason):
    """Once, with a public reason: the answer is due so many working days later."""
    _check_unit(actor, petition)
    if not isinstance(days, int) or not 1 <= days <= MOST_DAYS:
        raise Refused(_("Extend by 1 to %(most)d working days.", most=MOST_DAYS), field="days")
    if petition.extended_at is not None:
        raise Refused(_("The deadline was extended once already."), field="days")
    _step(petition, actor, "extend", (Petition.state == LetterState.TRANSFERRED,
                                      Petition.extended_at.is_(None)),
          answer_due=workdays.add_working_days(petition.answer_due, days), extended_at=utcnow(),
          extension_reason=_text(reason, NOTE_MAX, "reason"))
    commit()


def close_petition(petition, actor):
    """办结: the unit says it is done."""
    _check_unit(actor, petition)
    _step(petition, actor, "close", (Petition.state == LetterState.ANSWERED,),
          state=LetterState.CLOSED, closed_at=utcnow())
    _done(petition, actor)


def confirm_petition(petition, actor):
    """The petitioner agrees it is done."""
    _must(is_petitioner(actor, petition))
    _step(petition, actor, "confirm", (Petition.state == LetterState.CLOSED,
                                       Petition.confirmed_at.is_(None), Petition.reopened_at.is_(None)),
          confirmed_at=utcnow())
    commit()


def reopen_petition(petition, actor):
    """Once: the petitioner says it is not done; back to the unit, answered."""
    _must(is_petitioner(actor, petition))
    if petition.reopened_at is not None:
        raise Refused(_("A petition can be reopened only once."))
    _step(petition, actor, "reopen", (Petition.state == LetterState.CLOSED,
                                      Petition.confirmed_at.is_(None), Petition.reopened_at.is_(None)),
          state=LetterState.ANSWERED, reopened_at=utcnow())
    notify_unit(petition, "petition_reopened", actor)
    commit()


def rate_petition(petition, actor, rating):
    """满意 / 基本满意 / 不满意, once, after the official reply."""
    _must(is_petitioner(actor, petition))
    if rating not in tuple(LetterRating):
        raise Refused(_("Choose how satisfied you are."), field="rating")
    if petition.rating is not None:
        raise Refused(_("You have rated this petition already."), field="rating")
    _step(petition, actor, "rate", (Petition.state.in_((LetterState.ANSWERED, LetterState.CLOSED)),
                                    Petition.rating.is_(None)),
          rating=rating, rated_at=utcnow())
    _count(petition, rated=1, satisfied=int(rating in (LetterRating.SATISFIED, LetterRating.FAIR)))
    commit()


def flag_overdue_petitions(on=None):
    """Tell the unit and the moderators, once per petition, of each open one past its
    due date; how many were flagged."""
    late = open_overdue(on or cases.today())
    for petition in late:
        petition.overdue_notified_at = utcnow()
        notify_overdue(petition)
    commit()
    return len(late)


def _step(petition, actor, action, conditions, **values):
    _claim(petition, conditions, **values)
    log_action(actor, f"petition_{action}", "petition", petition.id, petition.board_id)
    db.session.refresh(petition)


def _count(petition, **amounts):
    """Add to the figures of the petition's unit and month received."""
    session_bump(PetitionMonth, {"unit_id": petition.unit_id, "month": petition.received_on.replace(day=1)}, **amounts)


def _done(petition, actor):
    notify_petitioner(petition, actor)
    commit()


def _claim(petition, conditions, **values):
    cases.claim_step(Petition, petition, conditions,
                     _("This petition has moved on meanwhile; nothing was changed."), **values)


def _check_unit(actor, petition):
    if not answers(actor, petition):
        raise Refused(_("This petition was not transferred to your unit."))


def _must(allowed):
    # The loaders let only the right kind of account in; this is the rule itself.
    if not allowed:
        raise Refused(_("You may not take this step on this petition."))


def _text(text, limit, field, required=True):
    text = (text or "").strip()
    if (required and not text) or len(text) > limit:
        raise Refused(_("Write a text of at most %(max)d characters.", max=limit), field=field)
    return text or None

