"""What members change about their own account, and deleting it (PIPL: the right to erase)."""
import secrets

from flask_babel import gettext as _
from sqlalchemy import delete, update
from werkzeug.security import check_password_hash

from forum.attachments.avatars import remove_avatar_files
from forum.auth.names import check_display_name, refuse_reserved
from forum.auth.services import hash_password
from forum.extensions import db
from forum.models import (BoardRead, BoardRole, Notification, PasswordReset, Subscription, Talent,
                          ThreadRead, User, UserBlock, Verification)
from forum.models.base import utcnow
from forum.audit import log_action, log_security
from forum.service import Refused, commit


def update_account(user, display_name, email, password=None):
    """Change the display name and the address for password resets; a new address
    needs the password, a verified member's new name waits for the security admin."""
    email = email or None
    if email != user.email:
        if not check_password_hash(user.password_hash, password or ""):
            raise Refused(_("Enter your current password to change the email address."),
                          field="password")
        log_security("email_change", user=user, actor=user)
    user.email = email
    _change_display_name(user, display_name or None)
    commit()


def _change_display_name(user, name):
    if name == user.display_name:
        user.pending_display_name = None
        return
    if name is not None:
        check_display_name(name)
        if not user.is_official:
            refuse_reserved(name, "display_name")
    if user.is_verified and name is not None:
        # The 实名 badge vouches for the name beside it: a new one is shown once approved.
        user.pending_display_name = name
        log_security("display_name_requested", user=user, actor=user, detail=name)
    else:
        user.display_name, user.pending_display_name = name, None


def decide_display_name(user, admin, name, approve, reason=""):
    """The security admin shows a verified member's new display name, or refuses it."""
    if not approve and not (reason and reason.strip()):
        raise Refused(_("Give the reason for refusing."), field="reason")
    values = {"pending_display_name": None}
    if approve:
        values["display_name"] = name
    won = db.session.execute(
        update(User).where(User.id == user.id, User.pending_display_name == name).values(**values)
        .execution_options(synchronize_session=False)).rowcount == 1
    if not won:
        db.session.rollback()
        raise Refused(_("This name has already been decided or changed."))
    verdict = "approved" if approve else "refused"
    log_action(admin, f"display_name_{verdict}", "user", user.id, None, (reason or "").strip() or name)
    log_security(f"display_name_{verdict}", user=user, actor=admin, detail=name)
    commit()
    db.session.refresh(user)


def show_real_name(user, shown):
    """前台自愿: show the verified real name in front, or go back to the username."""
    if not shown:
        user.display_name = None
        commit()
        return
    approved = db.session.execute(db.select(Verification.real_name).where(
        Verification.user_id == user.id, Verification.status == "approved")
        .order_by(Verification.id.desc()).limit(1)).scalar()
    if approved is None:
        raise Refused(_("Only a verified account can show its real name."))
    user.display_name, user.pending_display_name = approved, None
    commit()


def delete_account(user, password):
    """Erase the person: real name, phone, ID hash, address and roles go; posts stay,
    shown as 已注销用户."""
    if not check_password_hash(user.password_hash, password or ""):
        raise Refused(_("The password is wrong."), field="password")
    for model in (Verification, PasswordReset, BoardRole, Notification, Subscription, ThreadRead,
                  BoardRead):
        db.session.execute(delete(model).where(model.user_id == user.id))
    # The talent note is about the person; their block list and signature are theirs.
    for model in (Talent, UserBlock):
        db.session.execute(delete(model).where(model.user_id == user.id))
    user.signature = user.signature_html = ""
    # A colon is in no name registration accepts, so the new name never collides.
    gone = f"deleted:{user.id}"
    user.username = user.username_key = user.username_skeleton = gone
    user.display_name = user.pending_display_name = user.email = user.title = None
    user.unit_id = user.admin_role = None
    user.is_verified = user.is_unit_account = user.wants_digest = False
    user.password_hash = hash_password(secrets.token_urlsafe(32))
    user.session_version = User.session_version + 1
    user.deleted_at = utcnow()
    avatar, user.avatar_version = user.avatar_version, None
    log_security("account_deleted", user=user, actor=user)
    commit()
    remove_avatar_files(user.id, avatar)  # the person's picture goes with the person
