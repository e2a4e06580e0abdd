"""Granting and revoking board roles; every change is logged."""
from flask_babel import gettext as _

from forum.admin.separation import check_account_act, check_role_grant
from forum.extensions import db
from forum.models import BoardRole, User
from forum.audit import log_action, log_security
from forum.service import Refused, commit


def grant(user, board, role, actor=None):
    """Give user the role on board; granting twice changes nothing. Every path that
    makes a BoardRole comes here, so 三员分立 is checked once (forum/admin/separation.py)."""
    check_role_grant(user, board, actor)
    if _find(user, board, role) is not None:
        return
    db.session.add(BoardRole(user_id=user.id, board_id=board.id, role=role))
    log_action(actor, "role_grant", "user", user.id, board.id, f"{role}: {user.username}")
    log_security("role_grant", user=user, actor=actor, detail=f"{role} of {board.slug}")
    commit()


def revoke(user, board, role, actor=None):
    check_account_act(actor, user)
    row = _find(user, board, role)
    if row is None:
        raise Refused(_("%(name)s does not hold that role here.", name=user.username))
    db.session.delete(row)
    log_action(actor, "role_revoke", "user", user.id, board.id, f"{role}: {user.username}")
    log_security("role_revoke", user=user, actor=actor, detail=f"{role} of {board.slug}")
    commit()


def holders(board, role):
    """The users holding role on board."""
    return db.session.execute(db.select(User).join(BoardRole, BoardRole.user_id == User.id)
                              .where(BoardRole.board_id == board.id, BoardRole.role == role)
                              .order_by(User.username)).scalars().all()


def _find(user, board, role):
    return db.session.execute(db.select(BoardRole).filter_by(
        user_id=user.id, board_id=board.id, role=role)).scalar_one_or_none()
