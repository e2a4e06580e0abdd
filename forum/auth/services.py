"""Account writes: registering, logging in with growing delays, passwords, ending sessions."""
import hashlib
import hmac
from functools import lru_cache
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from config import read_or_create_secret
from forum.admin.separation import check_account_act
from forum.auth.invitations import unusable, usable_invitation, use_invitation
from forum.auth.names import check_username, refuse_reserved, skeleton
from forum.auth.passwords import check_password
from forum.extensions import db
from forum.models import Registration, User
from forum.models.base import utcnow
from forum import site_counters
from forum.audit import log_security
from forum.ratelimit import DatabaseStorage
from forum.service import Refused, commit
from forum.settings import get_setting
from forum.stats import daily

CAPTCHA_AFTER = 3  # wrong passwords from one address before its logins need a CAPTCHA
DELAY_AFTER = 3  # wrong passwords for one name before each next try waits
FIRST_DELAY = 2  # seconds, doubled with each further wrong password
MAX_DELAY = 300
WINDOW = 3600  # seconds a wrong password counts
# A real hash to compare against when the user does not exist, so timing says nothing.
_DUMMY_HASH = generate_password_hash("not a password")


def find_user(username):
    """The account with this username, whatever its case, or None."""
    key = User.key_for(username)
    return db.session.execute(db.select(User).where(User.username_key == key)).scalar_one_or_none()


def register_member(username, password, invitation_code=None):
    """Self-registration on the web, while the site setting allows it (by invitation: with
    a usable invitation's code, used in the same commit): as register_user, and official
    words are refused."""
    refusal = registration_refusal(invitation_code)
    if refusal:
        raise Refused(refusal)
    refuse_reserved(username.strip(), "username")
    if get_setting("registration") != Registration.INVITATION:
        return register_user(username, password)
    invitation = usable_invitation(invitation_code)
    user = add_user(username, password)
    try:
        db.session.flush()  # the account's id for the invitation
    except IntegrityError:
        db.session.rollback()
        raise _taken() from None
    use_invitation(invitation, user)
    commit(on_conflict=_taken())
    return user


def registration_refusal(invitation_code=None):
    """Why /register makes no account now, or None: closed, or by invitation without a
    usable invitation's code."""
    mode = get_setting("registration")
    if mode == Registration.CLOSED:
        return _("Registration is closed: ask the security administrator for an account.")
    if mode == Registration.INVITATION and usable_invitation(invitation_code) is None:
        return unusable() if invitation_code else _(
            "Registration is by invitation: open the link of your invitation from the "
            "security administrator.")
    return None


def register_user(username, password, **fields):
    """Create an account; refuse a weak password, look-alike characters, or a username
    taken in any case or looking like one that is."""
    user = add_user(username, password, **fields)
    commit(on_conflict=_taken())
    return user


def add_user(username, password, **fields):
    """As register_user, but the account is only added to the unit of work (a caller
    making many commits once)."""
    username = username.strip()
    check_new_username(username)
    check_password(password, username)
    user = User(username=username, username_key=User.key_for(username),
                username_skeleton=skeleton(username), password_hash=hash_password(password),
                **fields)
    db.session.add(user)
    with db.session.no_autoflush:  # the user's INSERT stays for commit(), which handles a race
        site_counters.add(site_counters.MEMBERS)
        daily.count_member()
    return user


def check_new_username(username):
    """Refuse a username with look-alike characters, taken in any case, or looking like
    one that is."""
    check_username(username)
    if find_user(username) is not None:
        raise _taken()
    if db.session.execute(db.select(User.id).where(
            User.username_skeleton == skeleton(username))).first() is not None:
        raise Refused(_("This username looks too much like an existing one; choose another."),
                      field="username")


def _taken():
    return Refused(_("This username is already taken."), field="username")


def hash_password(password):
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def log_in(username, password, ip, device="", known=()):
    """The account if the password is right; one message for every failure.

    Wrong passwords for a name make its next try wait longer and longer (unknown names
    too, so the form tells nobody which accounts exist); the accounts in `known` (this
    device logged in to them before) never wait, so nobody can shut their owner out.
    """
    user = find_user(username or "")
    user = user if user is not None and user.is_active else None
    name = name_digest(username)
    # A name that is no account may be a password typed in the wrong field: only its
    # keyed hash is kept, enough to see one name tried again and again.
    detail = device if user else f"unknown name {name[:16]}"
    if (user is None or user.id not in known) and _waiting(name):
        log_security("login_delayed", user=user, ip=ip, detail=detail)
        commit()
        raise _wait()
    if user is not None and check_password_hash(user.password_hash, password):
        DatabaseStorage().clear(_name_key(name))
        user.last_seen_at = utcnow()
        log_security("login", user=user, ip=ip, detail=device)
        commit()
        return user
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
    log_security("login_failed", user=user, ip=ip, detail=detail)
    commit()
    raise _wait() if _count_failure(name, ip) else _wrong()


def captcha_required(ip):
    """Whether logins from this address must solve a CAPTCHA (after wrong passwords)."""
    return DatabaseStorage().get(_address_key(ip)) >= CAPTCHA_AFTER


def forget_failures(username):
    """A new password starts the name's count of wrong passwords afresh."""
    DatabaseStorage().clear(_name_key(name_digest(username)))


def name_digest(username):
    """The keyed hash of a login name: the logs and counters keep this, never what was
    typed."""
    return _digest(User.key_for(username or "")[:40])


def _digest(text):
    key = _login_hash_key(current_app.config["INSTANCE_PATH"])
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


@lru_cache(maxsize=None)
def _login_hash_key(instance_path):
    """The instance's key for login names and addresses, read once per process."""
    return read_or_create_secret(Path(instance_path), "login_hash_key").encode()


def _count_failure(name, ip):
    """Count a wrong password for the name and the address; True if the name now waits."""
    storage = DatabaseStorage()
    storage.incr(_address_key(ip), WINDOW)
    failures = storage.incr(_name_key(name), WINDOW)
    if failures < DELAY_AFTER:
        return False
    storage.incr(_wait_key(name), min(FIRST_DELAY * 2 ** (failures - DELAY_AFTER), MAX_DELAY),
                 aligned=False)
    return True


def _waiting(name):
    return DatabaseStorage().get(_wait_key(name)) > 0


def _name_key(name):
    return f"login-name:{name}"


def _wait_key(name):
    return f"login-wait:{name}"


def _address_key(ip):
    return f"login-address:{_digest(ip or '')}"


def _wrong():
    return Refused(_("Wrong username or password."), field="password")


def _wait():
    return Refused(_("Too many wrong passwords for this name: wait a little and try again. "
                     "From a device where you logged in before, the right password always works."),
                   field="password")


def change_password(user, current, new):
    """Change the password after checking the current one; other sessions end."""
    if not check_password_hash(user.password_hash, current or ""):
        raise Refused(_("The current password is wrong."), field="current")
    check_password(new, user.username)
    if new == current:
        raise Refused(_("Choose a password other than the current one."), field="password")
    user.password_hash = hash_password(new)
    user.must_change_password = False
    user.session_version = User.session_version + 1
    log_security("password_change", user=user, actor=user)
    commit()
    db.session.refresh(user)


def end_sessions(user):
    """End every session of the user: cookies issued before now stop working."""
    user.session_version = User.session_version + 1
    commit()
    db.session.refresh(user)


def sign_out_everywhere(user, actor=None):
    """End the user's sessions at another's request: the security admin's, or the server's
    command line (actor None), which alone does it to an admin account; logged."""
    check_account_act(actor, user)
    log_security("sign_out_everywhere", user=user, actor=actor)
    end_sessions(user)
