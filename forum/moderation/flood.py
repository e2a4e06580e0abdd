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


def claim_posting_slot(author):
    """Take the author's posting slot, or refuse if the last post was too recent."""
    now = utcnow()
    claim, values = _CLAIM, {"author": author.id, "now": now}
    if current_app.config["RATELIMIT_ENABLED"]:
        claim = _CLAIM_AFTER
        values["since"] = now - timedelta(seconds=get_setting("post_interval_seconds"))
    if db.session.execute(claim, values).rowcount != 1:
        db.session.rollback()
        raise Refused(_("You are posting too fast. Please wait a few seconds and try again."),
                      field="body")
