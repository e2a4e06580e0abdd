"""Profile extras: the 人才风采 talent flag and who is online."""
from forum.extensions import db
from forum.models.base import utcnow


class Talent(db.Model):
    """A member a moderator marked as talent (人才风采); the note is for the organisation
    department's talent list (人才库) only."""

    user_id = db.Column(db.ForeignKey("user.id"), primary_key=True)
    note = db.Column(db.String(500), nullable=False)
    marked_by_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    marked_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    user = db.relationship("User", foreign_keys=[user_id], lazy="joined")
    marked_by = db.relationship("User", foreign_keys=[marked_by_id], lazy="joined")


class Presence(db.Model):
    """When a visitor was last seen: "u<id>" for a member, "g<keyed hash>" for a guest
    (of IP and user agent; the raw address is never stored)."""

    key = db.Column(db.String(40), primary_key=True)
    user_id = db.Column(db.Integer, nullable=True)  # no foreign key: written in batches, late
    seen_at = db.Column(db.DateTime, nullable=False, index=True)
