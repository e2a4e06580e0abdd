"""Real-name verification, password resets (后台实名、前台自愿) and invitations to register."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import text

from forum.extensions import db
from forum.models.base import LabelledEnum, utcnow

APPROVED = text("status = 'approved'")


class Verification(db.Model):
    """A request for real-name verification; the full ID number is never stored."""

    __table_args__ = (
        # One person, one account: an approved ID number belongs to one account only.
        db.Index("uq_verification_id_hash_approved", "id_hash", unique=True,
                 sqlite_where=APPROVED, postgresql_where=APPROVED),
        db.Index("ix_verification_status", "status", "created_at"),
    )

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    real_name = db.Column(db.String(40), nullable=False)
    phone = db.Column(db.String(11), nullable=False)
    id_masked = db.Column(db.String(18), nullable=True)   # first 6 and last 4
    id_hash = db.Column(db.String(64), nullable=True)     # HMAC with a key outside the database
    unit_id = db.Column(db.ForeignKey("unit.id"), nullable=True)
    status = db.Column(db.String(10), nullable=False, default="pending")  # approved, refused
    reason = db.Column(db.String(500), nullable=False, default="")
    reviewed_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    reviewed_at = db.Column(db.DateTime, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    user = db.relationship("User", foreign_keys=[user_id])
    unit = db.relationship("Unit")


class PasswordReset(db.Model):
    """A one-time way back into an account: an emailed link or a code from the security admin."""

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    token_hash = db.Column(db.String(64), nullable=False, unique=True)
    kind = db.Column(db.String(5), nullable=False)  # email or code
    expires_at = db.Column(db.DateTime, nullable=False)
    used_at = db.Column(db.DateTime, nullable=True)
    created_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    user = db.relationship("User", foreign_keys=[user_id])


class InvitationState(LabelledEnum):
    """Where an invitation stands, from its times (not stored)."""

    UNUSED = "unused", _l("Unused")
    USED = "used", _l("Used")
    EXPIRED = "expired", _l("Expired")
    REVOKED = "revoked", _l("Revoked")


class Invitation(db.Model):
    """A one-time invitation to register while registration is by invitation; its code is
    shown once and kept only as a keyed hash (forum.keyed)."""

    id = db.Column(db.Integer, primary_key=True)
    code_hash = db.Column(db.String(64), nullable=False, unique=True)
    note = db.Column(db.String(200), nullable=False, default="")
    created_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow, index=True)
    expires_at = db.Column(db.DateTime, nullable=False)
    used_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    used_at = db.Column(db.DateTime, nullable=True)
    revoked_at = db.Column(db.DateTime, nullable=True)

    used_by = db.relationship("User", foreign_keys=[used_by_id])

    def state(self, now):
        """The invitation's state at `now` (naive UTC)."""
        if self.used_at is not None:
            return InvitationState.USED
        if self.revoked_at is not None:
            return InvitationState.REVOKED
        return InvitationState.EXPIRED if self.expires_at <= now else InvitationState.UNUSED
