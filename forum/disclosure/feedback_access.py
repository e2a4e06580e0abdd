"""Who reads a disclosure's feedback (DESIGN §4): the issuing unit's account and the
handlers designated on the disclosure's board who belong to that unit. Nobody else: not
the system admin, not the board's moderators, not a handler of another unit."""
from forum.access import Access, boards_with_role
from forum.extensions import db
from forum.models import BoardRole, Role, User


def reads_feedback(user, disclosure):
    """Is the user the issuing unit's account, or one of its handlers on the board?"""
    if not user.is_authenticated or user.is_banned or user.unit_id != disclosure.unit_id:
        return False
    return user.is_unit_account or disclosure.board_id in boards_with_role(user, Role.HANDLER)


def feedback_access(user, disclosure):
    """VIEW|HANDLE on the disclosure's feedback for its readers, nothing for anyone else."""
    return Access.VIEW | Access.HANDLE if reads_feedback(user, disclosure) else Access.NONE


def reader_ids(disclosure):
    """The accounts that read the disclosure's feedback (banned ones included: they are
    told nothing they could open, and lose the right with the ban)."""
    units = db.select(User.id).where(User.unit_id == disclosure.unit_id,
                                     User.is_unit_account.is_(True))
    handlers = (db.select(BoardRole.user_id).join(User, User.id == BoardRole.user_id)
                .where(BoardRole.board_id == disclosure.board_id, BoardRole.role == Role.HANDLER,
                       User.unit_id == disclosure.unit_id))
    return set(db.session.execute(units).scalars()) | set(db.session.execute(handlers).scalars())
