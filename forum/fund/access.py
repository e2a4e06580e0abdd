"""Who keeps the fund's books (DESIGN §4, §5): the board's treasurers and the owning
unit's account (a `manager` of the board). They start appeals and record entries; a
disbursement is approved by one of them other than the one who recorded it."""
from forum.access import roles_on
from forum.models import Role

KEEPERS = {Role.TREASURER, Role.MANAGER}


def is_treasurer(user, board):
    """A treasurer of the board or the owning unit's account (not the system admin)."""
    if not user.is_authenticated or user.is_banned:
        return False
    return bool(roles_on(user, board) & KEEPERS)


def may_approve(user, entry, board):
    """Two people for money going out: a treasurer who did not record it."""
    return is_treasurer(user, board) and entry.recorded_by_id != user.id
