"""The forum's own rules (DESIGN §5): who may do what on boards, threads and posts.

`access_for(user, board, thread)` returns Access flags from the board's type and the
user's roles; it never reads the request. Views load through the `load_*` functions of
a package's `loaders.py` (which call `require`), templates call `can`, admin views are
guarded by `admin_required` (all three in `forum/access.py`). A feature's own rules live
in its package (`letters/access.py`, `training/access.py`), reached through its type.
"""
from forum import hooks
from forum.access import Access, board_roles, is_admin, roles_on, unit_board_ids
from forum.boards.registry import get_type
from forum.extensions import db
from forum.models import AdminRole, BoardRole, Role, User

MODERATING_ROLES = {Role.MODERATOR, Role.MANAGER}
WRITING = Access.START | Access.REPLY
ORGANISATION_UNIT_SLUG = "xianweizuzhibu"  # 县委组织部, as seeded from forum/data/zhijin.yaml


def access_for(user, board, thread=None):
    """The flags the user holds on the board, or on one thread of it; an archived board
    is read-only for everyone."""
    flags = get_type(board.type).access(user, board, thread, roles_on(user, board))
    return flags & ~WRITING if board.archived_at is not None else flags


def can_edit_post(user, post, access):
    """Authors edit their own posts while they may reply; moderators edit any post."""
    if Access.MODERATE in access:
        return True
    return (user.is_authenticated and post.author_id == user.id
            and Access.REPLY in access)


def has_moderators(board):
    """Does anyone but the system admin work this board's queue: a moderator or manager,
    or an account of the unit that owns it?"""
    by_role = db.select(BoardRole.id).where(BoardRole.board_id == board.id,
                                            BoardRole.role.in_(MODERATING_ROLES))
    by_unit = db.select(User.id).where(User.unit_id == board.unit_id,
                                       User.is_unit_account.is_(True))
    return db.session.execute(by_role.union_all(by_unit).limit(1)).first() is not None


def may_write(user, board):
    """May the user write on this board at all (its type decides: a mailbox takes guests')?"""
    return board.archived_at is None and get_type(board.type).may_write(user, board)


def can_read_post(user, post):
    """Does the user read this post, wherever it is shown (its thread, a moderation queue,
    a report)? Its board type decides: a branch's post, only that branch's people."""
    board = post.thread.board
    return get_type(board.type).may_read_post(user, post, access_for(user, board, post.thread))


def can_read_attachment(user, attachment):
    """Exactly those who read the post read its files; a file a feature keeps, those the
    feature names; a file not yet in a post is its uploader's alone."""
    post = attachment.post
    if post is None and attachment.kept_by:
        return hooks.reads_kept_file(user, attachment)
    if post is None:
        return user.is_authenticated and attachment.uploader_id == user.id
    return can_read_post(user, post)


def moderated_board_ids(user):
    """Boards whose queues the user works, from explicit roles and unit accounts.

    The system admin moderates everywhere (None means every board).
    """
    if user.admin_role == AdminRole.SYSTEM:
        return None
    return logged_board_ids(user)


def logged_board_ids(user):
    """Boards whose moderation log the user reads: those they moderate by an explicit
    role or as the unit's account. The system admin's reach over every board is not a
    licence to read the log; that is the audit admin's (三员分立)."""
    if not user.is_authenticated:
        return set()
    ids = {board_id for board_id, roles in board_roles(user).items() if roles & MODERATING_ROLES}
    return ids | unit_board_ids(user)


def is_moderator(user):
    """Does the user moderate any board (for the header's link to /mod/)?"""
    if not user.is_authenticated:
        return False
    if user.admin_role == AdminRole.SYSTEM or user.is_unit_account:
        return True
    return any(roles & (MODERATING_ROLES | {Role.HANDLER}) for roles in board_roles(user).values())


def can_pin_site(user):
    return is_admin(user, AdminRole.SYSTEM)


def reads_whole_log(user):
    """The audit admin reads every log row; moderators only their boards' rows."""
    return is_admin(user, AdminRole.AUDIT)


def conversation_member(user, conversation):
    """The user's membership of a private conversation, or None: only participants read
    one, admins included (views answer 404 to everyone else)."""
    if not user.is_authenticated or conversation is None:
        return None
    return next((m for m in conversation.members if m.user_id == user.id), None)


def marks_talent(user):
    """Moderators give and take the 人才风采 talent flag."""
    return is_moderator(user)


def reads_talent_list(user):
    """The organisation department's unit accounts and the system admin read 人才库."""
    if not user.is_authenticated:
        return False
    if user.admin_role == AdminRole.SYSTEM:
        return True
    return (user.is_unit_account and user.unit is not None
            and user.unit.slug == ORGANISATION_UNIT_SLUG)
