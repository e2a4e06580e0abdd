"""Mailboxes where letters may be lost: no handler reads them, or some are overdue
(shown on the admin home, and on the box page to its unit and the system admin)."""
from dataclasses import dataclass

from forum.extensions import db
from forum.letters.deadlines import today
from forum.models import BoardRole, Letter, LetterState, Role
from forum.models.letter import OPEN_STATES


@dataclass(frozen=True)
class BoxWarning:
    """What is wrong with one mailbox."""

    board: object
    unstaffed: bool
    overdue: int


def box_warnings(boards):
    """A BoxWarning for each of these mailboxes that has no handler or overdue letters
    (two statements for all of them)."""
    ids = [board.id for board in boards]
    staffed = set(db.session.execute(db.select(BoardRole.board_id).distinct().where(
        BoardRole.board_id.in_(ids or [-1]), BoardRole.role == Role.HANDLER)).scalars())
    overdue = overdue_counts(ids)
    return [BoxWarning(board, board.id not in staffed, overdue.get(board.id, 0))
            for board in boards if board.id not in staffed or overdue.get(board.id)]


def overdue_counts(board_ids=None):
    """{board id: open letters past their due date}, of these boxes or of every box."""
    on = today()
    late = db.or_(db.and_(Letter.state == LetterState.PENDING, Letter.accept_due < on),
                  db.and_(Letter.state != LetterState.PENDING, Letter.answer_due < on))
    query = (db.select(Letter.board_id, db.func.count()).where(Letter.state.in_(OPEN_STATES), late)
             .group_by(Letter.board_id))
    if board_ids is not None:
        query = query.where(Letter.board_id.in_(board_ids or [-1]))
    return dict(db.session.execute(query).all())
