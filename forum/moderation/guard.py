"""Refuse every write from a banned account or address before any view runs: one guard
for all POST routes rather than a check in each (a ban stops every write)."""
from flask import render_template, request
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user

from forum.moderation.bans import ip_ban_for

READING_METHODS = {"GET", "HEAD", "OPTIONS"}
# Writes a banned person still makes: logging in and out (to read), and following a
# letter with its query code (a read that posts the code so it stays out of URLs).
OPEN_ENDPOINTS = {"auth.login", "auth.logout", "letters.track"}


def register(app):
    app.before_request(refuse_banned_writer)


def refuse_banned_writer():
    """403 with the ban's reason and end for a write from a banned account or address."""
    if (request.method in READING_METHODS or request.endpoint is None
            or request.endpoint in OPEN_ENDPOINTS):
        return None
    ban = _ban_on_request()
    if ban is None:
        return None
    return render_template("errors/error.html", code=403, title=_("Not allowed"),
                           message=ban_message(ban)), 403


def _ban_on_request():
    """The account's ban, else the address's; admin accounts (never banned themselves) may
    write from a banned address, so a range banned by mistake can still be lifted."""
    if current_user.is_authenticated and current_user.is_banned:
        return current_user.ban
    if current_user.is_authenticated and current_user.admin_role:
        return None
    return ip_ban_for(request.remote_addr)


def ban_message(ban):
    """Why and until when, as the banned person reads it."""
    if ban.expires_at is None:
        return _("You are banned from writing: %(reason)s. You can still read the forum.",
                 reason=ban.reason)
    return _("You are banned from writing until %(until)s: %(reason)s. You can still read the forum.",
             until=format_datetime(ban.expires_at, "yyyy-MM-dd HH:mm"), reason=ban.reason)
