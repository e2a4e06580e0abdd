"""Account writes; each commits once."""
from flask import current_app
from flask_babel import gettext as _
from werkzeug.security import check_password_hash, generate_password_hash

from forum.extensions import db
from forum.models import User
from forum.models.base import utcnow
from forum.moderation.audit import log_security
from forum.service import Refused, commit

# A real hash to compare against when the user does not exist, so timing says nothing.
_DUMMY_HASH = generate_password_hash("not a password")


def find_user(username):
    """The account with this username, whatever its case, or None."""
    key = User.key_for(username)
    return db.session.execute(db.select(User).where(User.username_key == key)).scalar_one_or_none()


def register_user(username, password, **fields):
    """Create an account; refuse a username taken in any case."""
    username = username.strip()
    taken = Refused(_("This username is already taken."), field="username")
    if find_user(username) is not None:
        raise taken
    user = User(username=username, username_key=User.key_for(username),
                password_hash=hash_password(password), **fields)
    db.session.add(user)
    commit(on_conflict=taken)
    return user


def hash_password(password):
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def authenticate(username, password):
    """The user if the password is right, else None (same work either way)."""
    user = find_user(username or "")
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    return user if check_password_hash(user.password_hash, password) else None


def record_login(user, ip):
    user.last_seen_at = utcnow()
    log_security("login", user=user, ip=ip)
    commit()


def record_failed_login(username, ip):
    """Log a failed login, naming the account only where it exists."""
    user = find_user(username or "")
    log_security("login_failed", user=user, ip=ip, detail="" if user else (username or "")[:40])
    commit()


def end_sessions(user):
    """End every session of the user: cookies issued before now stop working."""
    user.session_version = User.session_version + 1
    commit()
    db.session.refresh(user)
