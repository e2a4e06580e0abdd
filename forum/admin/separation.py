"""三员分立 (DESIGN §1): what no admin does from the web, checked by the services every
path goes through (web views, /b/<slug>/manage and the command line).

An act on an admin account is a command-line act on the server: the services take the
acting account as `actor`, and the command line acts with no actor. Each service logs
its act as a SecurityEvent either way.
"""
from flask_babel import gettext as _

from forum.extensions import db
from forum.models import Board, BoardRole
from forum.service import Refused


def check_account_act(actor, account):
    """Refuse a web act (reset, sign-out, title, ban, verification, roles) on an admin account."""
    if actor is not None and account.admin_role:
        raise Refused(_("An administrator account is changed only on the server's command line."))


def check_role_grant(user, board, actor):
    """Refuse a role granted to oneself, to an admin from the web, or to an admin on a
    board closed to admins (the whistleblower box), by whatever path."""
    if actor is not None and actor.id == user.id:
        raise Refused(_("Nobody grants a role to themselves."), field="username")
    check_account_act(actor, user)
    if user.admin_role and _closed_to_admins(board):
        raise Refused(_("An administrator account cannot hold a role on %(board)s.", board=board.name),
                      field="username")


def check_admin_role(user):
    """Refuse to make an account an admin while it holds a role on a board closed to admins."""
    boards = db.session.execute(db.select(Board).join(BoardRole, BoardRole.board_id == Board.id)
                                .where(BoardRole.user_id == user.id)).scalars()
    closed = [board.name for board in boards if _closed_to_admins(board)]
    if closed:
        raise Refused(_("%(name)s holds a role on %(boards)s: revoke it before making the account "
                        "an administrator.", name=user.username, boards=", ".join(closed)))


def _closed_to_admins(board):
    from forum.boards.registry import get_type  # the registry imports the permissions

    return get_type(board.type).closed_to_admins(board)
