"""Writes to talks: open, send a message, hand over (with the member's consent), close,
reveal the account, and the log of each staff read. Each commits once.

Nothing here puts a talk's words or the member's name anywhere but the talk's own rows:
notifications say only that the room has a new message, logs say who read which talk.
"""
from flask_babel import gettext as _

from forum.audit import log_security
from forum.boards.services import check_not_archived
from forum.counsel.access import counsellor_ids, talk_reader_ids
from forum.counsel.models import Talk, TalkCounsellor, TalkMessage, TalkOutcome, TalkState
from forum.counsel.rules import check_body, check_pseudonym, is_dangerous
from forum.extensions import db
from forum.models.base import utcnow
from forum.notifications.kinds import kind
from forum.notifications.service import notify
from forum.service import Refused, commit


def open_talk(board, member, *, pseudonym, body, counsellor_id=None):
    """Open a talk with the room (no counsellor) or with one of its counsellors."""
    check_not_archived(board)
    pseudonym, body = check_pseudonym(pseudonym), check_body(body)
    if counsellor_id and not _is_counsellor_id(counsellor_id, board.id):
        raise Refused(_("Choose one of this room's counsellors."), field="counsellor")
    now = utcnow()
    talk = Talk(board_id=board.id, member_id=member.id, pseudonym=pseudonym, awaiting=True,
                waiting_since=now, urgent=is_dangerous(board, body), created_at=now)
    if counsellor_id:
        talk.counsellors.append(TalkCounsellor(user_id=counsellor_id))
    talk.messages.append(TalkMessage(author_id=member.id, from_member=True, body=body,
                                     created_at=now))
    db.session.add(talk)
    db.session.flush()
    _notify(talk_reader_ids(talk), talk, member)
    commit()
    return talk


def send_message(talk, author, body):
    """Add a message; the member's waits for an answer, a counsellor's answers (and takes
    a room talk)."""
    _check_open(talk)
    body, now = check_body(body), utcnow()
    from_member = author.id == talk.member_id
    talk.messages.append(TalkMessage(author_id=author.id, from_member=from_member, body=body,
                                     created_at=now))
    if from_member:
        talk.urgent = talk.urgent or is_dangerous(talk.board, body)
        talk.waiting_since = talk.waiting_since if talk.awaiting else now
        talk.awaiting = True
        recipients = talk_reader_ids(talk)
    else:
        if not talk.counsellors:
            talk.counsellors.append(TalkCounsellor(user_id=author.id))
        talk.awaiting, talk.waiting_since = False, None
        recipients = {talk.member_id}
    _notify(recipients, talk, author)
    commit()
    return talk


def request_handover(talk, counsellor, to_id):
    """Ask the member's consent to hand the talk to another counsellor of the room."""
    _check_open(talk)
    if not to_id or to_id == counsellor.id or not _is_counsellor_id(to_id, talk.board_id):
        raise Refused(_("Choose another of this room's counsellors."), field="counsellor")
    talk.handover_to_id, talk.handover_from_id = to_id, counsellor.id
    _notify({talk.member_id}, talk, counsellor)
    commit()
    return talk


def answer_handover(talk, member, accept):
    """The member consents to the hand-over asked for (or declines it)."""
    _check_open(talk)
    if talk.handover_to_id is None:
        raise Refused(_("No hand-over is waiting for your answer."))
    if accept:
        talk.counsellors[:] = [row for row in talk.counsellors
                               if row.user_id not in (talk.handover_from_id, talk.handover_to_id)]
        talk.counsellors.append(TalkCounsellor(user_id=talk.handover_to_id))
        _notify({talk.handover_to_id}, talk, member)
    talk.handover_to_id = talk.handover_from_id = None
    commit()
    return talk


def close_talk(talk, actor, outcome):
    """Close as 已帮助 or 已结束; the member's "it helped" is 已帮助 too."""
    _check_open(talk)
    if outcome not in tuple(TalkOutcome):
        raise Refused(_("Choose how the talk ends."), field="outcome")
    talk.state = TalkState.HELPED if outcome == TalkOutcome.HELPED else TalkState.ENDED
    talk.closed_at, talk.awaiting, talk.waiting_since = utcnow(), False, None
    talk.handover_to_id = talk.handover_from_id = None
    others = talk_reader_ids(talk) if actor.id == talk.member_id else {talk.member_id}
    _notify(others, talk, actor)
    commit()
    return talk


def reveal_account(talk, member):
    """The member shows their account to the talk's counsellors."""
    talk.revealed = True
    commit()
    return talk


def record_talk_read(talk, reader):
    """Log (who, which talk) each time a counsellor reads a talk, for the audit admin."""
    log_security("counsel_talk_read", actor=reader, detail=f"talk {talk.id}")
    commit()


def _check_open(talk):
    if talk.state != TalkState.OPEN:
        raise Refused(_("This talk is closed; it takes no more messages."))


def _is_counsellor_id(user_id, board_id):
    return user_id in counsellor_ids(board_id)


def _notify(recipients, talk, actor):
    # No actor: a counsellor's notification must not name the member.
    notify(set(recipients) - {actor.id}, "counsel_message", url=f"/counsel/talks/{talk.id}")


@kind("counsel_message")
def _new_message(n):
    return _("There is a new message in the counselling room.")
