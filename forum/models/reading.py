"""What members follow and how far they have read."""
from forum.extensions import db
from forum.models.base import utcnow


class Subscription(db.Model):
    """A member follows a thread (new replies) or a board (new threads)."""

    __table_args__ = (db.UniqueConstraint("user_id", "thread_id", name="uq_subscription_user_thread"),
                      db.UniqueConstraint("user_id", "board_id", name="uq_subscription_user_board"),
                      db.CheckConstraint("(thread_id IS NULL) <> (board_id IS NULL)",
                                         name="one_target"))

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    thread_id = db.Column(db.ForeignKey("thread.id"), nullable=True, index=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=True, index=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class ThreadRead(db.Model):
    """A member has read a thread up to the post written at read_at."""

    user_id = db.Column(db.ForeignKey("user.id"), primary_key=True)
    thread_id = db.Column(db.ForeignKey("thread.id"), primary_key=True)
    read_at = db.Column(db.DateTime, nullable=False)


class BoardRead(db.Model):
    """A member marked a whole board read at read_at."""

    user_id = db.Column(db.ForeignKey("user.id"), primary_key=True)
    board_id = db.Column(db.ForeignKey("board.id"), primary_key=True)
    read_at = db.Column(db.DateTime, nullable=False)
