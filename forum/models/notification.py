"""Notifications: what happened that concerns one member."""
from forum.extensions import db
from forum.models.base import utcnow


class Notification(db.Model):
    """One event for one recipient; read once its recipient opens it."""

    __table_args__ = (db.Index("ix_notification_inbox", "user_id", "read_at", "id"),)

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    kind = db.Column(db.String(32), nullable=False)
    actor_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    thread_id = db.Column(db.ForeignKey("thread.id"), nullable=True, index=True)
    post_id = db.Column(db.ForeignKey("post.id"), nullable=True, index=True)
    url = db.Column(db.String(255), nullable=True)  # where it leads, when not a post
    data = db.Column(db.JSON, nullable=False, default=dict)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    read_at = db.Column(db.DateTime, nullable=True)

    actor = db.relationship("User", foreign_keys=[actor_id])
    thread = db.relationship("Thread")
