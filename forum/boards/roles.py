"""Granting board roles."""
from forum.extensions import db
from forum.models import BoardRole
from forum.service import commit


def grant(user, board, role):
    """Give user the role on board; granting twice changes nothing."""
    exists = db.session.execute(db.select(BoardRole).filter_by(
        user_id=user.id, board_id=board.id, role=role)).scalar_one_or_none()
    if exists is None:
        db.session.add(BoardRole(user_id=user.id, board_id=board.id, role=role))
        commit()
