"""Accounts."""
from flask_babel import lazy_gettext as _l
from flask_login import UserMixin

from forum.extensions import db
from forum.models.base import LabelledEnum, utcnow

DELETED_NAME = _l("Deleted user")


class AdminRole(LabelledEnum):
    """The three admins (三员分立, DESIGN §1); an account holds at most one."""

    SYSTEM = "system", _l("System administrator")
    SECURITY = "security", _l("Security administrator")
    AUDIT = "audit", _l("Audit administrator")


class UserStatus(LabelledEnum):
    """Whether an account may sign in yet."""

    ACTIVE = "active", _l("Active")
    PENDING = "pending", _l("Awaiting approval")


class User(UserMixin, db.Model):
    """A registered account; its session version ends old sessions when bumped."""

    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(20), nullable=False)
    username_key = db.Column(db.String(20), nullable=False, unique=True)  # casefolded
    # Look-alikes share it (forum.auth.names.skeleton): a new name may not match one.
    username_skeleton = db.Column(db.String(20), nullable=True, index=True)
    display_name = db.Column(db.String(40), nullable=True)
    # A verified member's new display name waits here for the security admin.
    pending_display_name = db.Column(db.String(40), nullable=True)
    title = db.Column(db.String(20), nullable=True)  # an official title: 县委书记, 组织部长
    email = db.Column(db.String(254), nullable=True)
    password_hash = db.Column(db.String(255), nullable=False)
    unit_id = db.Column(db.ForeignKey("unit.id"), nullable=True, index=True)
    admin_role = db.Column(db.String(10), nullable=True)
    status = db.Column(db.String(10), nullable=False, default=UserStatus.ACTIVE)
    is_verified = db.Column(db.Boolean, nullable=False, default=False)
    # A department account (部门账号): manages the boards of its unit.
    is_unit_account = db.Column(db.Boolean, nullable=False, default=False)
    session_version = db.Column(db.Integer, nullable=False, default=1)
    # An initial password from the security admin: changed before anything else is done.
    must_change_password = db.Column(db.Boolean, nullable=False, default=False,
                                     server_default=db.false())
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    last_seen_at = db.Column(db.DateTime, nullable=True)
    post_count = db.Column(db.Integer, nullable=False, default=0)
    last_posted_at = db.Column(db.DateTime, nullable=True)  # flood control
    # Daily email of unread notifications, for those who gave an address.
    wants_digest = db.Column(db.Boolean, nullable=False, default=False)
    digest_sent_at = db.Column(db.DateTime, nullable=True)
    deleted_at = db.Column(db.DateTime, nullable=True)
    # The ban in force, if any (the Ban rows keep the whole history).
    ban_id = db.Column(db.ForeignKey("ban.id", use_alter=True), nullable=True)
    avatar_version = db.Column(db.Integer, nullable=True)  # None: the default avatar
    signature = db.Column(db.String(500), nullable=False, default="")
    signature_html = db.Column(db.Text, nullable=False, default="")  # rendered once, at save
    unread_conversations = db.Column(db.Integer, nullable=False, default=0)  # for the header

    unit = db.relationship("Unit", lazy="joined", innerjoin=False)
    ban = db.relationship("Ban", foreign_keys=[ban_id], lazy="joined", post_update=True)

    @staticmethod
    def key_for(username):
        """The case-insensitive key that makes usernames unique."""
        return username.strip().casefold()

    @property
    def name(self):
        """What the front shows: the display name (the real name, where its holder chose
        so), else the username; a deleted account is 已注销用户."""
        if self.deleted_at is not None:
            return DELETED_NAME
        return self.display_name or self.username

    @property
    def is_official(self):
        """An admin or unit account: made on the server, it may carry official words."""
        return bool(self.admin_role or self.is_unit_account)

    @property
    def is_banned(self):
        return self.ban is not None and self.ban.in_force

    @property
    def is_active(self):
        return self.status != UserStatus.PENDING and self.deleted_at is None

    def get_id(self):
        # The version makes every cookie issued before a logout or password change stale.
        return f"{self.id}.{self.session_version}"

    def __repr__(self):
        return f"<User {self.username}>"
