"""Private messages (站内信): conversations, their members and messages, blocks, reports."""
from forum.extensions import db
from forum.models.base import utcnow


class Conversation(db.Model):
    """A private conversation between two or more members; only they read it."""

    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80), nullable=False)
    starter_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    last_message_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    members = db.relationship("ConversationMember", back_populates="conversation",
                              lazy="selectin")


class ConversationMember(db.Model):
    """One participant of a conversation and whether they have read its newest message."""

    __table_args__ = (db.Index("ix_conversation_member_user", "user_id", "conversation_id"),)

    conversation_id = db.Column(db.ForeignKey("conversation.id"), primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"), primary_key=True)
    unread = db.Column(db.Boolean, nullable=False, default=False)

    conversation = db.relationship("Conversation", back_populates="members")
    user = db.relationship("User", lazy="joined")


class Message(db.Model):
    """One message of a conversation; its HTML is rendered once, when written."""

    id = db.Column(db.Integer, primary_key=True)
    conversation_id = db.Column(db.ForeignKey("conversation.id"), nullable=False, index=True)
    author_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    body = db.Column(db.Text, nullable=False)
    body_html = db.Column(db.Text, nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    author = db.relationship("User", lazy="joined")
    conversation = db.relationship("Conversation")


class UserBlock(db.Model):
    """A member who will take no messages from another."""

    user_id = db.Column(db.ForeignKey("user.id"), primary_key=True)
    blocked_id = db.Column(db.ForeignKey("user.id"), primary_key=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    blocked = db.relationship("User", foreign_keys=[blocked_id], lazy="joined")


class MessageReport(db.Model):
    """A participant's report of one message: that message alone becomes readable to the
    security admin, with the reporter's reason."""

    __table_args__ = (db.Index("ix_message_report_open", "status", "created_at"),)

    id = db.Column(db.Integer, primary_key=True)
    message_id = db.Column(db.ForeignKey("message.id"), nullable=False, index=True)
    reporter_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    reason = db.Column(db.String(500), nullable=False)
    status = db.Column(db.String(10), nullable=False, default="open")  # resolved, dismissed
    decided_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    decided_at = db.Column(db.DateTime, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    message = db.relationship("Message")
    reporter = db.relationship("User", foreign_keys=[reporter_id])
