"""Who may do what: the one place permissions are decided (DESIGN §5).

`access_for(user, board, thread)` returns Access flags from the board's type and the
user's roles; it never reads the request. Views call `require`, templates `can`.
"""
from enum import IntFlag

from flask import abort

from forum.extensions import db
from forum.models import Board, BoardRole


class Access(IntFlag):
    NONE = 0
    VIEW = 1
    START = 2
    REPLY = 4
    MODERATE = 8
    MANAGE = 16
    HANDLE = 32


def board_roles(user):
    """{board_id: {role, ...}} for the user, loaded once per user object."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_board_roles", None)
    if cached is None:
        cached = {}
        rows = db.session.execute(
            db.select(BoardRole.board_id, BoardRole.role).where(BoardRole.user_id == user.id)
        )
        for board_id, role in rows:
            cached.setdefault(board_id, set()).add(role)
        user._board_roles = cached
    return cached


def roles_on(user, board):
    """The roles the user holds on this board, unit management included; a banned
    account holds none."""
    if getattr(user, "is_banned", False):
        return set()
    roles = set(board_roles(user).get(board.id, ()))
    if (user.is_authenticated and getattr(user, "is_unit_account", False)
            and board.unit_id is not None and user.unit_id == board.unit_id):
        roles.add("manager")
    if getattr(user, "admin_role", None) == "system":
        roles.add("admin")
    return roles


def access_for(user, board, thread=None):
    """The flags the user holds on the board, or on one thread of it."""
    from forum.boards.registry import get_type  # the registry imports this module

    return get_type(board.type).access(user, board, thread, roles_on(user, board))


def require(flag, access, private=False):
    """Abort unless access holds flag: 404 where existence is private, else 403."""
    if flag in access:
        return
    if private or Access.VIEW not in access:
        abort(404)
    abort(403)


def can(flag, access):
    """For templates: does access hold flag?"""
    return flag in access


def can_edit_post(user, post, access):
    """Authors edit their own posts while they may reply; moderators edit any post."""
    if Access.MODERATE in access:
        return True
    return (user.is_authenticated and post.author_id == user.id
            and Access.REPLY in access)


def may_write(user, board):
    """A logged-in, active, unbanned account; verified where the board asks for it."""
    if not user.is_authenticated or user.is_banned:
        return False
    return user.is_verified or not board.settings.get("verified_only", False)


MODERATING_ROLES = {"moderator", "manager"}


def moderated_board_ids(user):
    """Boards whose queues the user works, from explicit roles and unit accounts.

    The system admin moderates everywhere (None means every board).
    """
    if getattr(user, "admin_role", None) == "system":
        return None
    return logged_board_ids(user)


def is_moderator(user):
    """Does the user moderate any board (for the header's link to /mod/)?"""
    if not user.is_authenticated:
        return False
    if user.admin_role == "system" or user.is_unit_account:
        return True
    return any(roles & (MODERATING_ROLES | {"handler"}) for roles in board_roles(user).values())


def is_admin(user, *roles):
    """Does the user hold one of these admin roles (三员: system, security, audit)?"""
    return user.is_authenticated and user.admin_role in roles


def require_admin(user, *roles):
    if not is_admin(user, *roles):
        abort(403)


def can_pin_site(user):
    return is_admin(user, "system")


def reads_whole_log(user):
    """The audit admin reads every log row; moderators only their boards' rows."""
    return is_admin(user, "audit")


def post_view(user, post, access):
    """How a post shows to this user: 'full', 'note' (its author sees why it is hidden),
    'placeholder' (others see that a floor is hidden) or 'none' (pending, not theirs)."""
    if post.status == "published" or Access.MODERATE in access:
        return "full"
    own = user.is_authenticated and post.author_id == user.id
    if post.status == "pending":
        return "full" if own else "none"
    return "note" if own else "placeholder"


def logged_board_ids(user):
    """Boards whose moderation log the user reads: those they moderate by an explicit
    role or as the unit's account. The system admin's reach over every board is not a
    licence to read the log; that is the audit admin's (三员分立)."""
    if not user.is_authenticated:
        return set()
    ids = {board_id for board_id, roles in board_roles(user).items() if roles & MODERATING_ROLES}
    if user.is_unit_account and user.unit_id is not None:
        ids |= set(db.session.execute(db.select(Board.id).where(Board.unit_id == user.unit_id))
                   .scalars())
    return ids


def can_read_attachment(user, attachment):
    """Exactly those who read the post read its files, through the same access path as
    the post; a file not yet in a post is its uploader's alone. A letter's file is as
    private as the letter: those who read the letter, and whoever opened it with its
    query code in this browser session."""
    post = attachment.post
    if post is None:
        return user.is_authenticated and attachment.uploader_id == user.id
    if post.status == "letter":
        from forum.letters.queries import letter_of_thread
        from forum.letters.tracking import opened_with_code

        letter = letter_of_thread(post.thread_id)
        return letter is not None and (Access.VIEW in letter_access(user, letter)
                                       or opened_with_code(letter))
    access = access_for(user, post.thread.board, post.thread)
    return Access.VIEW in access and post_view(user, post, access) == "full"


def handled_board_ids(user):
    """The mailboxes whose letters the user handles (BoardRole "handler")."""
    if not user.is_authenticated or getattr(user, "is_banned", False):
        return set()
    return {board_id for board_id, roles in board_roles(user).items() if "handler" in roles}


def letter_access(user, letter):
    """Who reads a letter: its box's handlers (VIEW|HANDLE), the unit it was transferred
    to (VIEW, and REPLY to draft while it works on it), its writer (VIEW). Nobody else:
    not the system admin, not moderators, not other units."""
    from forum.letters.writers import writer_id_of  # the writers module reads the models

    if not user.is_authenticated or getattr(user, "is_banned", False):
        return Access.NONE
    if letter.board_id in handled_board_ids(user):
        return Access.VIEW | Access.HANDLE
    if user.is_unit_account and letter.unit_id is not None and user.unit_id == letter.unit_id:
        drafting = letter.state in ("transferred", "processing")
        return Access.VIEW | (Access.REPLY if drafting else Access.NONE)
    if writer_id_of(letter) == user.id:
        return Access.VIEW
    return Access.NONE


def conversation_member(user, conversation):
    """The user's membership of a private conversation, or None: only participants read
    one, admins included (views answer 404 to everyone else)."""
    if not user.is_authenticated or conversation is None:
        return None
    return next((m for m in conversation.members if m.user_id == user.id), None)


def reviews_message_reports(user):
    """The security admin reads reported messages (and only those) in a queue."""
    return is_admin(user, "security")


def marks_talent(user):
    """Moderators give and take the 人才风采 talent flag."""
    return is_moderator(user)


ORGANISATION_UNIT_SLUG = "xianweizuzhibu"  # 县委组织部, as seeded from forum/data/zhijin.yaml


def reads_talent_list(user):
    """The organisation department's unit accounts and the system admin read 人才库."""
    if not user.is_authenticated:
        return False
    if user.admin_role == "system":
        return True
    return (user.is_unit_account and user.unit is not None
            and user.unit.slug == ORGANISATION_UNIT_SLUG)


def is_trainer(user, board):
    """Trainers of this training board, and the system admin, publish and run lessons."""
    return user.is_authenticated and bool(roles_on(user, board) & {"trainer", "admin"})


def is_duty_officer(user):
    """Duty officers (值班员) are the trainers of any board, and the system admin."""
    if not user.is_authenticated or getattr(user, "is_banned", False):
        return False
    if user.admin_role == "system":
        return True
    return any("trainer" in roles for roles in board_roles(user).values())


def can_see_unit_records(user):
    """A unit's account sees its own unit's learners' study records."""
    return user.is_authenticated and user.is_unit_account and user.unit_id is not None
