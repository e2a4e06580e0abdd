"""Sessions: a stale session version ends a session; admins time out when idle and are
never remembered (a remember-me cookie would bring an idle admin session back)."""
import time

from flask import current_app, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from flask_wtf.csrf import generate_csrf
from sqlalchemy import bindparam, select
from sqlalchemy.orm import lazyload

from forum.extensions import db, login_manager
from forum.inbound import is_probe
from forum.models import User

SEEN_KEY = "seen"
# Built once: every request of a member runs it (building a statement costs more than
# SQLite running it). Without the unit and the ban joined: most pages read neither, and
# an account with no ban (ban_id empty) is known unbanned without loading one.
_USER = select(User).options(lazyload(User.unit), lazyload(User.ban)).where(User.id == bindparam("id"))


@login_manager.user_loader
def load_user(session_id):
    user_id, _, version = session_id.partition(".")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.execute(_USER, {"id": int(user_id)}).scalar_one_or_none()
    if user is None or user.session_version != int(version) or not user.is_active:
        return None
    if user.admin_role and not session.get("_fresh"):
        # Flask-Login restores a session from the remember-me cookie as not fresh; every
        # admin session comes from a login with the password.
        return None
    return user


def start_session(user, remember=False):
    """Log the user in on a fresh session: nothing from before login (the CSRF token
    included, which a page seen by someone else may have shown) carries over."""
    session.clear()
    g.pop("csrf_token", None)
    generate_csrf()  # now, so the login's own answer carries the new token
    login_user(user, remember=remember)


# What an account whose initial password is still unchanged may reach meanwhile.
BEFORE_NEW_PASSWORD = frozenset({"auth.password", "auth.logout", "static", "i18n.switch_language"})


def register(app):
    app.before_request(end_idle_admin_session)
    app.before_request(require_new_password)


def require_new_password():
    """An account made with an initial password (seen by whoever made it) changes it
    before it does anything else."""
    user = current_user._get_current_object()  # every request: resolved once, not at each use
    if user.is_authenticated and user.must_change_password and request.endpoint not in BEFORE_NEW_PASSWORD:
        flash(_("Choose your own password: the initial one was seen by whoever made the account."),
              "info")
        return redirect(url_for("auth.password"))
    return None


def end_idle_admin_session():
    """An admin session that has been idle too long ends (等保: 30 minutes)."""
    user = current_user._get_current_object()  # every request: resolved once, not at each use
    if is_probe() or not user.is_authenticated or not user.admin_role:
        return
    now = time.time()
    seen = session.get(SEEN_KEY)
    if seen is not None and now - seen > current_app.config["ADMIN_IDLE_MINUTES"] * 60:
        logout_user()
        session.pop(SEEN_KEY, None)
        flash(_("You were logged out after %(n)d minutes without activity.",
                n=current_app.config["ADMIN_IDLE_MINUTES"]), "info")
        return
    session[SEEN_KEY] = now
