"""Flood control, shared by every worker: one post per interval per account."""
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import bindparam, or_, update

from forum.extensions import db
from forum.models import User
from forum.models.base import utcnow
from forum.service import Refused
from forum.settings import get_setting


# Built once: building the statement took more CPU than running it, on every post. On the
# table, not the class: the session's account is left as it is (forum/boards/services.py).
_USERS = User.__table__.c
_CLAIM = update(User.__table__).where(_USERS.id == bindparam("author")).values(last_posted_at=bindparam("now"))
_CLAIM_AFTER = _CLAIM.where(or_(_USERS.last_posted_at.is_(None), _USERS.last_posted_at <= bindparam("since")))


def refuse_if_too_soon(author):
    """Refuse at once if the account as loaded says its last post was too recent: a read,
    before the other checks' work (the claim, last, decides)."""
    since = _since(utcnow())
    if since is not None and author.last_posted_at is not None and author.last_posted_at > since:
        raise _too_fast()


def claim_posting_slot(author):
    """Take the author's posting slot, or refuse if the last post was too recent."""
    now = utcnow()
    claim, values = _CLAIM, {"author": author.id, "now": now}
    if (since := _since(now)) is not None:
        claim, values["since"] = _CLAIM_AFTER, since
    if db.session.execute(claim, values).rowcount != 1:
        db.session.rollback()
        raise _too_fast()


def _since(now):
    """When the last post must be from at the latest (None: flood control is off)."""
    if not current_app.config["RATELIMIT_ENABLED"]:
        return None
    return now - timedelta(seconds=get_setting("post_interval_seconds"))


def _too_fast():
    return Refused(_("You are posting too fast. Please wait a few seconds and try again."),
                   field="body")
