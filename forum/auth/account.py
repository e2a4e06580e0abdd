"""What members change about their own account, and deleting it (PIPL: the right to erase)."""
import secrets

from flask_babel import gettext as _
from sqlalchemy import delete
from werkzeug.security import check_password_hash

from forum.attachments.avatars import remove_avatar_files
from forum.auth.services import hash_password
from forum.extensions import db
from forum.models import (BoardRead, BoardRole, Notification, PasswordReset, Subscription, Talent,
                          ThreadRead, User, UserBlock, Verification)
from forum.models.base import utcnow
from forum.moderation.audit import log_security
from forum.service import Refused, commit


def update_account(user, display_name, email):
    """Change the display name and the address for password resets."""
    user.display_name = display_name or None
    user.email = email or None
    commit()


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
    user.display_name = approved
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
    gone = f"deleted-{user.id}"
    user.username, user.username_key = gone, gone
    user.display_name = user.email = user.title = user.unit_id = user.admin_role = None
    user.is_verified = user.is_unit_account = user.wants_digest = False
    user.password_hash = hash_password(secrets.token_urlsafe(32))
    user.session_version = User.session_version + 1
    user.deleted_at = utcnow()
    avatar, user.avatar_version = user.avatar_version, None
    log_security("account_deleted", user=user, actor=user)
    commit()
    remove_avatar_files(user.id, avatar)  # the person's picture goes with the person
