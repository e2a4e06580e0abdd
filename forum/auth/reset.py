"""Getting back into an account: an emailed link, or a one-time code from the security admin.

Tokens are random, stored only as a hash, expire, and work once. The link's host comes
from FORUM_BASE_URL, never from the request's Host header.
"""
import hashlib
import secrets
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import update

from forum.admin.separation import check_account_act
from forum.auth.passwords import check_password
from forum.auth.services import find_user, forget_failures, hash_password
from forum.extensions import db
from forum.mail import send_mail
from forum.models import PasswordReset, User
from forum.models.base import utcnow
from forum.audit import log_action, log_security
from forum.service import Refused, commit

LINK_LIFETIME = timedelta(hours=1)
CODE_LIFETIME = timedelta(hours=24)


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def send_reset_link(identifier, ip=None):
    """Mail a reset link if the username or address matches an account with an address.

    Says nothing either way, so nobody learns which accounts exist.
    """
    identifier = (identifier or "").strip()
    user = find_user(identifier) or db.session.execute(
        db.select(User).where(db.func.lower(User.email) == identifier.lower())).scalar()
    if user is None or not user.email or user.deleted_at is not None:
        return
    token = secrets.token_urlsafe(32)
    db.session.add(PasswordReset(user_id=user.id, token_hash=_digest(token), kind="email",
                                 expires_at=utcnow() + LINK_LIFETIME))
    log_security("reset_requested", user=user, ip=ip)
    commit()
    link = f"{current_app.config['FORUM_BASE_URL'].rstrip('/')}/password/reset/{token}"
    send_mail(user.email, _("Reset your password"),
              _("Someone asked to reset the password of %(name)s. To choose a new one, open "
                "this link within an hour:\n\n%(link)s\n\nIf it was not you, ignore this mail.",
                name=user.username, link=link))


def issue_reset_code(user, admin):
    """A one-time code the security admin hands to the account holder in person (for an
    admin account, the command line makes it: admin None)."""
    check_account_act(admin, user)
    code = "-".join(secrets.token_hex(2).upper() for _ in range(4))
    db.session.add(PasswordReset(user_id=user.id, token_hash=_digest(code), kind="code",
                                 expires_at=utcnow() + CODE_LIFETIME,
                                 created_by_id=getattr(admin, "id", None)))
    log_action(admin, "reset_code", "user", user.id, None, user.username)
    log_security("reset_code_issued", user=user, actor=admin)
    commit()
    return code


def reset_password(token, new_password, kind="email", username=None):
    """Use a link token or a code once to set a new password; every session ends."""
    reset = db.session.execute(db.select(PasswordReset).where(
        PasswordReset.token_hash == _digest((token or "").strip().upper() if kind == "code" else token or ""),
        PasswordReset.kind == kind)).scalar_one_or_none()
    if reset is None or (username is not None and find_user(username) is not reset.user):
        raise Refused(_("This link or code is not valid, has expired or was already used."))
    check_password(new_password, reset.user.username)
    used = db.session.execute(
        update(PasswordReset).where(PasswordReset.id == reset.id, PasswordReset.used_at.is_(None),
                                    PasswordReset.expires_at > utcnow())
        .values(used_at=utcnow()).execution_options(synchronize_session=False)).rowcount
    if used != 1:
        db.session.rollback()
        raise Refused(_("This link or code is not valid, has expired or was already used."))
    user = reset.user
    user.password_hash = hash_password(new_password)
    user.must_change_password = False  # chosen by its holder now
    user.session_version = User.session_version + 1
    log_security("password_reset", user=user, detail=kind)
    commit()
    forget_failures(user.username)  # its own connection: after this session's write
    return user


def valid_link(token):
    """Whether a reset link can still be used (to show the form or the message)."""
    return db.session.execute(db.select(PasswordReset.id).where(
        PasswordReset.token_hash == _digest(token or ""), PasswordReset.kind == "email",
        PasswordReset.used_at.is_(None), PasswordReset.expires_at > utcnow())).first() is not None
