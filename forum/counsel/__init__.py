"""干部谈心室: counsellors' cards, confidential talks and hosted sessions (DESIGN §4)."""
from flask import Blueprint

bp = Blueprint("counsel", __name__)


def init_app(app):
    """Register the room's pages, its log labels, its figures and the board type."""
    from forum import labels
    from forum.counsel import boardtype, session_views, talk_views, views  # noqa: F401
    from forum.counsel.logged import ACTIONS, TARGETS
    from forum.counsel.models import CounsellorKind, TalkOutcome, TalkState

    app.register_blueprint(bp)
    app.jinja_env.globals.update(CounsellorKind=CounsellorKind, TalkOutcome=TalkOutcome,
                                 TalkState=TalkState)
    labels.add_labels(actions=ACTIONS, targets=TARGETS)
