"""Flood control, shared by every worker: one post per interval per account."""
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import or_, update

from forum.extensions import db
from forum.models import User
from forum.models.base import utcnow
from forum.service import Refused
from forum.settings import get_setting


def claim_posting_slot(author):
    """Take the author's posting slot, or refuse if the last post was too recent."""
    now = utcnow()
    claim = update(User).where(User.id == author.id).values(last_posted_at=now)
    if current_app.config["RATELIMIT_ENABLED"]:
        interval = timedelta(seconds=get_setting("post_interval_seconds"))
        claim = claim.where(or_(User.last_posted_at.is_(None), User.last_posted_at <= now - interval))
    if db.session.execute(claim.execution_options(synchronize_session=False)).rowcount != 1:
        db.session.rollback()
        raise Refused(_("You are posting too fast. Please wait a few seconds and try again."),
                      field="body")
