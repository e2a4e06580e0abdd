"""Threads and posts: one content model for every board type (DESIGN §3)."""
from flask_babel import lazy_gettext as _l

from forum.extensions import db
from forum.models.base import LabelledEnum, utcnow


class ContentStatus(LabelledEnum):
    """The status of a thread or a post (one vocabulary: a thread's follows its first post)."""

    PUBLISHED = "published", _l("Published")
    PENDING = "pending", _l("Awaiting approval")
    HIDDEN = "hidden", _l("Hidden")
    LETTER = "letter", _l("Letter")  # a mailbox letter's thread and post: never listed


PINNED = db.text("pin_scope IS NOT NULL")
FEATURED = db.text("is_featured")


class Thread(db.Model):
    """A thread; a letter, lesson or notice is a thread too."""

    __table_args__ = (
        # The board listing walks this index in order: no sort, no table scan.
        db.Index("ix_thread_listing", "board_id", "status", "is_pinned", "last_post_at", "id"),
        # The listing's other orders (start time, most replies) and its unanswered filter.
        db.Index("ix_thread_started", "board_id", "status", "is_pinned", "created_at", "id"),
        db.Index("ix_thread_replies", "board_id", "status", "is_pinned", "reply_count",
                 "last_post_at", "id"),
        # Only pinned threads: an index of mostly NULLs looked as slow as a scan to SQLite.
        db.Index("ix_thread_site_pins", "pin_scope", sqlite_where=PINNED, postgresql_where=PINNED),
        # The 精华 filter: few threads, so only they are indexed, in the listing's order.
        db.Index("ix_thread_featured", "board_id", "status", "is_pinned", "last_post_at", "id",
                 sqlite_where=FEATURED, postgresql_where=FEATURED),
        # A member's own threads (/me/threads), newest first.
        db.Index("ix_thread_author_created", "author_id", "created_at"),
    )

    id = db.Column(db.Integer, primary_key=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False)
    author_id = db.Column(db.ForeignKey("user.id"), nullable=True)  # ix_*_author_created
    title = db.Column(db.String(80), nullable=False)
    status = db.Column(db.String(10), nullable=False, default=ContentStatus.PUBLISHED)
    is_pinned = db.Column(db.Boolean, nullable=False, default=False)
    pin_scope = db.Column(db.String(5), nullable=True)  # board or site
    is_locked = db.Column(db.Boolean, nullable=False, default=False)
    # 精华 (Discuz!'s "digest"; not the e-mail digest): marked by the board's moderators.
    is_featured = db.Column(db.Boolean, nullable=False, default=False)
    reply_count = db.Column(db.Integer, nullable=False, default=0)
    view_count = db.Column(db.Integer, nullable=False, default=0)
    last_number = db.Column(db.Integer, nullable=False, default=0)  # floor of the newest post
    last_post_id = db.Column(db.Integer, nullable=True)
    last_post_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    board = db.relationship("Board")
    author = db.relationship("User")

    def __repr__(self):
        return f"<Thread {self.id} {self.title!r}>"


class Post(db.Model):
    """A post: Markdown source and the HTML rendered once when it was written."""

    __table_args__ = (db.UniqueConstraint("thread_id", "number"),
                      # A member's own replies (/me/replies), newest first.
                      db.Index("ix_post_author_created", "author_id", "created_at"))

    id = db.Column(db.Integer, primary_key=True)
    thread_id = db.Column(db.ForeignKey("thread.id"), nullable=False)
    author_id = db.Column(db.ForeignKey("user.id"), nullable=True)  # ix_*_author_created
    number = db.Column(db.Integer, nullable=False)
    body = db.Column(db.Text, nullable=False)
    body_html = db.Column(db.Text, nullable=False)
    status = db.Column(db.String(10), nullable=False, default=ContentStatus.PUBLISHED)
    # Indexed so a recount finds the posts written today (a range, not a scan).
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow, index=True)
    edited_at = db.Column(db.DateTime, nullable=True)
    edited_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    edit_reason = db.Column(db.String(200), nullable=True)  # given when a moderator edits
    moderation_note = db.Column(db.String(500), nullable=True)  # why it was refused, for the author

    thread = db.relationship("Thread")
    author = db.relationship("User", foreign_keys=[author_id])
    edited_by = db.relationship("User", foreign_keys=[edited_by_id])

    def __repr__(self):
        return f"<Post {self.id} #{self.number}>"
