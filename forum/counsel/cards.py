"""A counsellor's public card: name or title, kind, introduction, when they receive."""
from flask_babel import gettext as _

from forum.audit import log_action
from forum.counsel.models import CounsellorCard, CounsellorKind
from forum.extensions import db
from forum.models.base import utcnow
from forum.service import Refused, commit

LIMITS = {"name": 40, "intro": 500, "receives": 100}


def save_card(board, counsellor, *, name, kind, intro="", receives=""):
    """Create or replace the counsellor's card on the board."""
    values = {"name": (name or "").strip(), "intro": (intro or "").strip(),
              "receives": (receives or "").strip()}
    if not values["name"]:
        raise Refused(_("Give a name or a title."), field="name")
    for field, limit in LIMITS.items():
        if len(values[field]) > limit:
            raise Refused(_("At most %(max)d characters.", max=limit), field=field)
    if kind not in tuple(CounsellorKind):
        raise Refused(_("Choose a kind."), field="kind")
    card = card_of(board, counsellor) or CounsellorCard(board_id=board.id, user_id=counsellor.id)
    for field, value in {**values, "kind": kind, "updated_at": utcnow()}.items():
        setattr(card, field, value)
    db.session.add(card)
    db.session.flush()
    log_action(counsellor, "counsel_card", "counsel_card", card.id, board.id)
    commit()
    return card


def card_of(board, user):
    return db.session.execute(db.select(CounsellorCard).where(
        CounsellorCard.board_id == board.id, CounsellorCard.user_id == user.id)).scalar_one_or_none()
