"""Categories, boards and per-board roles."""
from flask_babel import lazy_gettext as _l

from forum.extensions import db
from forum.models.base import LabelledEnum, utcnow


class BoardTypeKey(LabelledEnum):
    """The board types the forum knows (seeds, forms); the registry also takes other keys."""

    DISCUSSION = "discussion", _l("Discussion board")
    NOTICE = "notice", _l("Notice board")
    DISCLOSURE = "disclosure", _l("Disclosure notices")
    MAILBOX = "mailbox", _l("Mailbox")
    TRAINING = "training", _l("Training centre")
    COUNSEL = "counsel", _l("Heart-to-heart room")
    BRANCH = "branch", _l("Online branch")
    FUND = "fund", _l("Care fund")


class Role(LabelledEnum):
    """A role held on one board (the BoardRole row)."""

    MODERATOR = "moderator", _l("Moderator")
    MANAGER = "manager", _l("Manager")
    HANDLER = "handler", _l("Mailbox handler")
    COUNSELLOR = "counsellor", _l("Counsellor")
    TRAINER = "trainer", _l("Trainer")
    TREASURER = "treasurer", _l("Treasurer")


class Category(db.Model):
    """A heading of the board index."""

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(60), nullable=False, unique=True)
    position = db.Column(db.Integer, nullable=False, default=0)
    archived_at = db.Column(db.DateTime, nullable=True)  # off the index, never deleted

    boards = db.relationship("Board", back_populates="category", order_by="Board.position")


class Board(db.Model):
    """A board; its type (a registry key) decides how it behaves."""

    id = db.Column(db.Integer, primary_key=True)
    category_id = db.Column(db.ForeignKey("category.id"), nullable=False, index=True)
    slug = db.Column(db.String(60), nullable=False, unique=True)
    name = db.Column(db.String(60), nullable=False)
    description = db.Column(db.String(500), nullable=False, default="")
    type = db.Column(db.String(20), nullable=False, default=BoardTypeKey.DISCUSSION)
    settings = db.Column(db.JSON, nullable=False, default=dict)
    unit_id = db.Column(db.ForeignKey("unit.id"), nullable=True, index=True)
    position = db.Column(db.Integer, nullable=False, default=0)
    thread_count = db.Column(db.Integer, nullable=False, default=0)
    post_count = db.Column(db.Integer, nullable=False, default=0)
    # Denormalised pointer kept by the writing service; `forum recount` rebuilds it.
    last_post_id = db.Column(db.Integer, nullable=True)
    # Published posts written on `today_on` (a day in the forum's time zone), kept by the
    # writing service so the index never counts posts; a count of an older day is stale.
    today_posts = db.Column(db.Integer, nullable=False, default=0, server_default="0")
    today_on = db.Column(db.Date, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    # An archived board is read-only and off the index; its threads stay where they were.
    archived_at = db.Column(db.DateTime, nullable=True)

    category = db.relationship("Category", back_populates="boards")
    unit = db.relationship("Unit")

    def __repr__(self):
        return f"<Board {self.slug}>"


class BoardRole(db.Model):
    """A user's role on one board: moderator, handler, counsellor, trainer or manager."""

    __table_args__ = (db.UniqueConstraint("user_id", "board_id", "role"),)

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False, index=True)
    role = db.Column(db.String(12), nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
