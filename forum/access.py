"""The ground floor of permissions (DESIGN §4, §5): the Access flags, the guest user and
the look-ups of who holds which role. Every package may import this module; it imports
no package of the forum but the models.

The rules that turn roles into flags live above it: the forum's own in
`forum/permissions.py`, each feature's in its package's `access.py`.
"""
from enum import IntFlag
from functools import wraps

from flask import abort, g, has_app_context
from flask_babel import lazy_gettext as _l
from flask_login import AnonymousUserMixin, current_user, login_required
from flask_sqlalchemy.session import Session
from sqlalchemy import bindparam, event

from forum.extensions import db
from forum.reads import read
from forum.models import AdminRole, Board, BoardRole, Role

# Not a stored role: how roles_on reports the system admin's reach over every board.
ADMIN_REACH = "admin"
# Built once: a member's every request runs it (building costs more than running it).
_ROLES = db.select(BoardRole.user_id, BoardRole.board_id, BoardRole.role).where(
    BoardRole.user_id.in_(bindparam("ids", expanding=True)))


class Access(IntFlag):
    NONE = 0
    VIEW = 1
    START = 2
    REPLY = 4
    MODERATE = 8
    MANAGE = 16
    HANDLE = 32


class Guest(AnonymousUserMixin):
    """The visitor who is not logged in: every attribute a rule or a page reads of a
    member, with the value that grants nothing."""

    id = None
    username = None
    display_name = None
    name = _l("Guest")
    unit_id = None
    unit = None
    admin_role = None
    is_verified = False
    is_unit_account = False
    is_official = False
    is_banned = False
    ban = None
    pending_display_name = None
    avatar_version = None
    signature = ""
    signature_html = ""
    email = None
    wants_digest = False
    unread_conversations = 0
    post_count = 0


def board_roles(user):
    """{board_id: {role, ...}} for the user, read once per request (and again after a
    commit, which may have granted or revoked one)."""
    if not user.is_authenticated:
        return {}
    load_board_roles([user])
    return g.board_roles[user.id]


def load_board_roles(users):
    """Read the board roles of many users in one query (a post's recipients), so that
    `board_roles` of each asks nothing more in this request."""
    cache = g.setdefault("board_roles", {})
    wanted = {user.id for user in users if user.is_authenticated} - cache.keys()
    if not wanted:
        return
    for user_id in wanted:
        cache[user_id] = {}
    rows = read(_ROLES, {"ids": list(wanted)})
    for user_id, board_id, role in rows:
        cache[user_id].setdefault(board_id, set()).add(role)


@event.listens_for(Session, "after_commit")
def _forget_roles(_session):
    if has_app_context():
        g.pop("board_roles", None)


def roles_on(user, board):
    """The roles the user holds on this board, unit management ("manager") and the
    system admin's reach ("admin") included; a banned account holds none."""
    if user.is_banned:
        return set()
    roles = set(board_roles(user).get(board.id, ()))
    if user.is_unit_account and board.unit_id is not None and user.unit_id == board.unit_id:
        roles.add(Role.MANAGER)
    if user.admin_role == AdminRole.SYSTEM:
        roles.add(ADMIN_REACH)
    return roles


def boards_with_role(user, *roles):
    """Ids of the boards on which an unbanned user holds one of these explicit roles."""
    if not user.is_authenticated or user.is_banned:
        return set()
    return {board_id for board_id, held in board_roles(user).items() if held & set(roles)}


def unit_board_ids(user):
    """Ids of the boards of the unit whose account this is."""
    if not user.is_unit_account or user.unit_id is None:
        return set()
    return set(db.session.execute(db.select(Board.id).where(Board.unit_id == user.unit_id))
               .scalars())


def is_admin(user, *roles):
    """Does the user hold one of these admin roles (三员: system, security, audit)?"""
    return user.is_authenticated and user.admin_role in roles


def admin_required(*roles):
    """Guard a view for these admin roles (三员): a guest is sent to log in, anyone
    else who holds none of them gets 403."""
    def decorate(view):
        @wraps(view)
        @login_required
        def guarded(*args, **kwargs):
            if not is_admin(current_user, *roles):
                abort(403)
            return view(*args, **kwargs)
        guarded.admin_roles = roles  # what the view admits, readable by tests and tools
        return guarded
    return decorate


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
