"""Who may do what: the one place permissions are decided (DESIGN §5).

`access_for(user, board, thread)` returns Access flags from the board's type and the
user's roles; it never reads the request. Views call `require`, templates `can`.
"""
from enum import IntFlag

from flask import abort

from forum.extensions import db
from forum.models import BoardRole


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
    """The roles the user holds on this board, unit management included."""
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
