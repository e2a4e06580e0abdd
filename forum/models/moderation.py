"""Moderation state: the queue, reports, bans, the word filter and the audit logs."""
from forum.extensions import db
from forum.models.base import utcnow

QUEUE_REASONS = ("board", "new_account", "word_filter")
REPORT_REASONS = ("spam", "abuse", "privacy", "illegal", "off_topic", "other")
WORD_ACTIONS = ("block", "review", "replace")


class QueueItem(db.Model):
    """A post waiting for a moderator's decision, or an edit of a published post (the
    `edit_*` columns: the post keeps its text until it is approved); decided once."""

    # The second index counts the open items of every board (the admin home).
    __table_args__ = (db.Index("ix_queue_item_open", "board_id", "status", "created_at"),
                      db.Index("ix_queue_item_status", "status"))

    id = db.Column(db.Integer, primary_key=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False)
    post_id = db.Column(db.ForeignKey("post.id"), nullable=False, index=True)
    reason = db.Column(db.String(12), nullable=False)
    detail = db.Column(db.String(200), nullable=True)  # e.g. the word-filter rule that matched
    status = db.Column(db.String(10), nullable=False, default="open")  # open, approved, rejected
    decided_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    decided_at = db.Column(db.DateTime, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    edit_title = db.Column(db.String(80), nullable=True)  # a first post's new thread title
    edit_body = db.Column(db.Text, nullable=True)
    edit_body_html = db.Column(db.Text, nullable=True)

    post = db.relationship("Post")
    board = db.relationship("Board")

    @property
    def is_edit(self):
        return self.edit_body is not None


class Report(db.Model):
    """A member's report of a post, for the moderators of its board."""

    __table_args__ = (db.Index("ix_report_open", "board_id", "status", "created_at"),
                      db.Index("ix_report_status", "status"))

    id = db.Column(db.Integer, primary_key=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False)
    post_id = db.Column(db.ForeignKey("post.id"), nullable=False, index=True)
    reporter_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    reason = db.Column(db.String(12), nullable=False)
    text = db.Column(db.String(500), nullable=False, default="")
    status = db.Column(db.String(10), nullable=False, default="open")  # open, resolved, dismissed
    decided_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    decided_at = db.Column(db.DateTime, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    post = db.relationship("Post")
    reporter = db.relationship("User", foreign_keys=[reporter_id])


class Ban(db.Model):
    """A ban of an account or of an IP range (CIDR), until expires_at (None: no end)."""

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=True, index=True)
    ip_range = db.Column(db.String(43), nullable=True)
    reason = db.Column(db.String(500), nullable=False)
    expires_at = db.Column(db.DateTime, nullable=True)
    lifted_at = db.Column(db.DateTime, nullable=True)
    created_by_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    user = db.relationship("User", foreign_keys=[user_id])

    @property
    def in_force(self):
        return self.lifted_at is None and (self.expires_at is None or self.expires_at > utcnow())


class WordRule(db.Model):
    """A word or phrase of the filter and what happens to posts that contain it."""

    id = db.Column(db.Integer, primary_key=True)
    word = db.Column(db.String(100), nullable=False, unique=True)
    action = db.Column(db.String(8), nullable=False)
    replacement = db.Column(db.String(100), nullable=False, default="***")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class ModAction(db.Model):
    """Append-only audit log of moderation and admin decisions."""

    __table_args__ = (db.Index("ix_mod_action_board_at", "board_id", "at"),)

    id = db.Column(db.Integer, primary_key=True)
    actor_id = db.Column(db.ForeignKey("user.id"), nullable=True, index=True)
    action = db.Column(db.String(30), nullable=False)
    target_type = db.Column(db.String(12), nullable=False)
    target_id = db.Column(db.Integer, nullable=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=True)
    reason = db.Column(db.String(500), nullable=False, default="")
    at = db.Column(db.DateTime, nullable=False, default=utcnow, index=True)

    actor = db.relationship("User")
    board = db.relationship("Board")


class SecurityEvent(db.Model):
    """Append-only log of logins, failures, lockouts, role changes and bans."""

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(30), nullable=False)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=True, index=True)
    actor_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    ip = db.Column(db.String(45), nullable=True)
    detail = db.Column(db.String(500), nullable=False, default="")
    at = db.Column(db.DateTime, nullable=False, default=utcnow, index=True)

    user = db.relationship("User", foreign_keys=[user_id])
    actor = db.relationship("User", foreign_keys=[actor_id])
