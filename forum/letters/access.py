"""Who reads a letter (DESIGN §4): its box's handlers, the unit it was transferred to and
its writer. Nobody else: not the system admin, not moderators, not other units."""
from forum.access import Access, boards_with_role
from forum.letters.writers import writer_id_of
from forum.models import LetterState, Role


def handled_board_ids(user):
    """The mailboxes whose letters the user handles (BoardRole "handler")."""
    return boards_with_role(user, Role.HANDLER)


def letter_access(user, letter):
    """Handlers: VIEW|HANDLE; the unit it was transferred to: VIEW, and REPLY to draft
    while it works on it; the writer: VIEW."""
    if not user.is_authenticated or user.is_banned:
        return Access.NONE
    if letter.board_id in handled_board_ids(user):
        return Access.VIEW | Access.HANDLE
    if user.is_unit_account and letter.unit_id is not None and user.unit_id == letter.unit_id:
        drafting = letter.state in (LetterState.TRANSFERRED, LetterState.PROCESSING)
        return Access.VIEW | (Access.REPLY if drafting else Access.NONE)
    if writer_id_of(letter) == user.id:
        return Access.VIEW
    return Access.NONE
