"""Who acts on a petition (DESIGN §5): the board's moderators triage it, the accounts
of the unit it was transferred to answer it, its petitioner confirms and rates it.
Reading it is reading its thread (`forum.permissions.access_for`)."""
from forum.access import Access
from forum.permissions import access_for


def moderates(user, board):
    """The board's moderators, its unit's accounts and the system admin."""
    return Access.MODERATE in access_for(user, board)


def answers(user, petition):
    """An account of the unit the petition was transferred to."""
    return (user.is_authenticated and user.is_unit_account and petition.unit_id is not None
            and user.unit_id == petition.unit_id)


def is_unit_account(user):
    return user.is_authenticated and user.is_unit_account and user.unit_id is not None


def is_petitioner(user, petition):
    return user.is_authenticated and user.id == petition.petitioner_id
