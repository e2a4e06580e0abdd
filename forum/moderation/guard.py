"""Refuse writes from banned accounts and addresses before any view runs."""
from flask import render_template, request
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user

from forum.moderation.bans import ip_ban_for

# Endpoints that write content or make accounts; reading and logging in stay open.
WRITING_ENDPOINTS = {"auth.register", "boards.new_thread", "boards.reply_to", "boards.edit",
                     "mod.post_report"}


def register(app):
    app.before_request(refuse_banned_address)


def refuse_banned_address():
    """403 with the ban's reason and end for a write from a banned address or account.

    Views refuse banned accounts through their access flags too; this also covers the
    writes that only need VIEW (reporting a post).
    """
    if request.method != "POST" or request.endpoint not in WRITING_ENDPOINTS:
        return None
    ban = ip_ban_for(request.remote_addr)
    if ban is None and current_user.is_authenticated and current_user.is_banned:
        ban = current_user.ban
    if ban is None:
        return None
    return render_template("errors/error.html", code=403, title=_("Not allowed"),
                           message=ban_message(ban)), 403


def ban_message(ban):
    """Why and until when, as the banned person reads it."""
    if ban.expires_at is None:
        return _("You are banned from writing: %(reason)s. You can still read the forum.",
                 reason=ban.reason)
    return _("You are banned from writing until %(until)s: %(reason)s. You can still read the forum.",
             until=format_datetime(ban.expires_at, "yyyy-MM-dd HH:mm"), reason=ban.reason)
