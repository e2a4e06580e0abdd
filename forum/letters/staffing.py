"""Mailboxes where letters may be lost: no handler reads them, or some are overdue
(shown on the admin home, and on the box page to its unit and the system admin)."""
from collections import Counter
from dataclasses import dataclass

from forum.extensions import db
from forum.cases import due_date, today
from forum.models import BoardRole, Letter, Role
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
    """{board id: open letters past their due date}, of these boxes or of every box. Open
    letters are few (each is someone's work), so they are read and their dates compared."""
    query = db.select(Letter.board_id, Letter.state, Letter.accept_due, Letter.answer_due).where(
        Letter.state.in_(OPEN_STATES))
    if board_ids is not None:
        query = query.where(Letter.board_id.in_(board_ids or [-1]))
    on = today()
    return Counter(row.board_id for row in db.session.execute(query) if on > due_date(row))
