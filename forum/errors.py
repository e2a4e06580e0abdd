"""Error pages: translated, and never a stack trace."""
import math
import time

from flask import render_template
from flask_login import current_user
from flask_babel import gettext as _, ngettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, SecurityError

from forum.extensions import limiter
from forum.moderation.guard import ban_message


def register(app):
    app.register_error_handler(CSRFError, csrf_failed)
    app.register_error_handler(SecurityError, untrusted_host)
    app.register_error_handler(HTTPException, http_error)


def csrf_failed(error):
    message = _("The form has expired or was not sent from this site. Please go back, reload the page and try again.")
    return render_template("errors/error.html", code=400, title=_("Form expired"),
                           message=message), 400


def untrusted_host(error):
    """A Host header we do not serve: no page can be built for it, so plain text."""
    return "Bad request: unknown host", 400, {"Content-Type": "text/plain; charset=utf-8"}


def http_error(error):
    titles = {
        400: _("Bad request"),
        403: _("Not allowed"),
        404: _("Page not found"),
        405: _("Method not allowed"),
        413: _("Too large"),
        429: _("Too many requests"),
    }
    messages = {
        403: _("You do not have permission to do this."),
        404: _("The page you asked for does not exist or has been removed."),
        413: _("What you sent is too large. Send smaller files, or fewer at a time."),
        429: _("You are doing that too often. Please wait a moment and try again."),
    }
    code = error.code or 500
    title = titles.get(code, _("Something went wrong"))
    message = messages.get(code, _("The request could not be completed."))
    if code == 403 and error.description is not type(error).description:
        message = error.description  # the view's own translated reason: abort(403, description=_(…))
    if code == 403 and current_user.is_authenticated and current_user.is_banned:
        message = ban_message(current_user.ban)
    if code == 429:
        message = _wait_message() or message
    return render_template("errors/error.html", code=code, title=title, message=message), code


def _wait_message():
    """How long the rate limit this request broke asks to wait, in whole minutes."""
    limit = limiter.current_limit
    if limit is None or not limit.breached:
        return None
    minutes = max(1, math.ceil((limit.reset_at - time.time()) / 60))
    return ngettext("You are doing that too often. Please try again in %(num)d minute.",
                    "You are doing that too often. Please try again in %(num)d minutes.", minutes)
