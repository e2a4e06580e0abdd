"""Account writes: registering, logging in with lockout, passwords, ending sessions."""
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import update
from werkzeug.security import check_password_hash, generate_password_hash

from forum.auth.names import check_username, refuse_reserved, skeleton
from forum.auth.passwords import check_password
from forum.extensions import db
from forum.models import User
from forum.models.base import utcnow
from forum.moderation.audit import log_security
from forum.ratelimit import DatabaseStorage
from forum.service import Refused, commit

LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)
# A real hash to compare against when the user does not exist, so timing says nothing.
_DUMMY_HASH = generate_password_hash("not a password")


def find_user(username):
    """The account with this username, whatever its case, or None."""
    key = User.key_for(username)
    return db.session.execute(db.select(User).where(User.username_key == key)).scalar_one_or_none()


def register_member(username, password):
    """Self-registration on the web: as register_user, and official words are refused."""
    refuse_reserved(username.strip(), "username")
    return register_user(username, password)


def register_user(username, password, **fields):
    """Create an account; refuse a weak password, look-alike characters, or a username
    taken in any case or looking like one that is."""
    username = username.strip()
    check_username(username)
    check_password(password, username)
    taken = Refused(_("This username is already taken."), field="username")
    if find_user(username) is not None:
        raise taken
    if db.session.execute(db.select(User.id).where(
            User.username_skeleton == skeleton(username))).first() is not None:
        raise Refused(_("This username looks too much like an existing one; choose another."),
                      field="username")
    user = User(username=username, username_key=User.key_for(username),
                username_skeleton=skeleton(username), password_hash=hash_password(password),
                **fields)
    db.session.add(user)
    commit(on_conflict=taken)
    return user


def hash_password(password):
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def log_in(username, password, ip, device=""):
    """The account if the password is right; one message for every failure, and a
    15-minute lock after five wrong passwords (unknown names lock the same way)."""
    user = find_user(username or "")
    wrong = Refused(_("Wrong username or password."), field="password")
    if user is None or not user.is_active:
        check_password_hash(_DUMMY_HASH, password)
        _count_unknown_failure(username)
        log_security("login_failed", ip=ip, detail=(username or "")[:40])
        commit()
        raise _locked() if _unknown_is_locked(username) else wrong
    now = utcnow()
    if user.locked_until is not None and user.locked_until > now:
        check_password_hash(_DUMMY_HASH, password)
        log_security("login_locked", user=user, ip=ip, detail=device)
        commit()
        raise _locked()
    if not check_password_hash(user.password_hash, password):
        _count_failure(user, ip, device)
        raise _locked() if user.locked_until else wrong
    user.failed_logins, user.locked_until, user.last_seen_at = 0, None, now
    log_security("login", user=user, ip=ip, detail=device)
    commit()
    return user


def _count_failure(user, ip, device):
    failures = db.session.execute(
        update(User).where(User.id == user.id).values(failed_logins=User.failed_logins + 1)
        .returning(User.failed_logins)).scalar_one()
    log_security("login_failed", user=user, ip=ip, detail=device)
    if failures >= LOCK_AFTER:
        db.session.execute(update(User).where(User.id == user.id)
                           .values(failed_logins=0, locked_until=utcnow() + LOCK_FOR))
        log_security("lockout", user=user, ip=ip, detail=device)
    commit()
    db.session.refresh(user)


def _unknown_key(username):
    return f"login-unknown:{User.key_for(username or '')[:40]}"


def _count_unknown_failure(username):
    DatabaseStorage().incr(_unknown_key(username), int(LOCK_FOR.total_seconds()))


def _unknown_is_locked(username):
    return DatabaseStorage().get(_unknown_key(username)) >= LOCK_AFTER


def _locked():
    return Refused(_("Too many wrong passwords: this account is locked for 15 minutes."),
                   field="password")


def change_password(user, current, new):
    """Change the password after checking the current one; other sessions end."""
    if not check_password_hash(user.password_hash, current or ""):
        raise Refused(_("The current password is wrong."), field="current")
    check_password(new, user.username)
    user.password_hash = hash_password(new)
    user.session_version = User.session_version + 1
    log_security("password_change", user=user, actor=user)
    commit()
    db.session.refresh(user)


def end_sessions(user, actor=None):
    """End every session of the user: cookies issued before now stop working."""
    user.session_version = User.session_version + 1
    if actor is not None:
        log_security("sign_out_everywhere", user=user, actor=actor)
    commit()
    db.session.refresh(user)
