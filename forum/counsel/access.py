"""Who reads a talk and who works the room (DESIGN §4, §5): the member who opened a talk
and the counsellors assigned to it (a room talk: every counsellor of the board until one
takes it). Nobody else: not the system admin, not moderators, not the member's unit."""
from forum.access import Access, boards_with_role
from forum.extensions import db
from forum.models import BoardRole, Role, User


def is_counsellor(user, board_id):
    """Does the (unbanned) user hold the counsellor role on this board?"""
    return board_id in boards_with_role(user, Role.COUNSELLOR)


def works_talk(user, talk):
    """A counsellor of the board assigned to the talk, or any of them for a room talk."""
    if not is_counsellor(user, talk.board_id):
        return False
    assigned = talk.counsellor_ids
    return not assigned or user.id in assigned


def talk_access(user, talk):
    """The member: VIEW|REPLY; its counsellors: VIEW|REPLY|HANDLE; anyone else: nothing."""
    if not user.is_authenticated or user.is_banned:
        return Access.NONE
    if talk.member_id == user.id:
        return Access.VIEW | Access.REPLY
    if works_talk(user, talk):
        return Access.VIEW | Access.REPLY | Access.HANDLE
    return Access.NONE


def counsellor_ids(board_id):
    """The accounts holding the counsellor role on the board."""
    return set(db.session.execute(db.select(BoardRole.user_id).where(
        BoardRole.board_id == board_id, BoardRole.role == Role.COUNSELLOR)).scalars())


def counsellors(board_id):
    """The board's counsellors as users, by name."""
    return db.session.execute(db.select(User).join(BoardRole, BoardRole.user_id == User.id).where(
        BoardRole.board_id == board_id, BoardRole.role == Role.COUNSELLOR)
        .order_by(User.username)).scalars().all()


def talk_reader_ids(talk):
    """The counsellors a member's message is for: those assigned, or the whole room."""
    return talk.counsellor_ids or counsellor_ids(talk.board_id)
