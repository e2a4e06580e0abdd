"""Error pages: translated, and never a stack trace."""
import math
import time
from contextlib import suppress

from flask import current_app, render_template, request
from flask_login import current_user
from flask_babel import gettext as _, ngettext
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DisconnectionError, OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException, SecurityError

from forum.extensions import db, limiter
from forum.feedback import disk_full_message
from forum.moderation.guard import ban_message
from forum.service import disk_full

RETRY_SECONDS = 30  # told to clients of a 503: the database is usually back by then


def register(app):
    app.register_error_handler(CSRFError, csrf_failed)
    app.register_error_handler(SecurityError, untrusted_host)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(OperationalError, database_unavailable)
    app.register_error_handler(DisconnectionError, database_unavailable)


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


def database_unavailable(error):
    """The database is not answering (restarting, unreachable) or cannot write (disk full):
    503, on a page that needs no database; the pool's pre-ping reconnects once it is back."""
    with suppress(SQLAlchemyError):
        db.session.rollback()
    current_app.logger.warning("database unavailable: %s", getattr(error, "orig", error))
    if disk_full(error):
        title, message = _("The disk is full"), disk_full_message(kept=False)
    else:
        title = _("The forum is briefly unavailable")
        message = _("The forum's database is not answering just now; please try again in a "
                    "minute. If you were sending something, go back and check whether it was "
                    "saved before you send it again.")
    # Rendered without the context processors: they ask the database about the reader.
    page = current_app.jinja_env.get_template("errors/unavailable.html")
    return (page.render(title=title, message=message, path=request.path), 503,
            {"Retry-After": str(RETRY_SECONDS)})
