"""The receipts' clock: deadlines and banner ends are compared with `now()`, which tests
move with monkeypatch (as forum/disclosure/period.py's `today`)."""
from datetime import timezone
from zoneinfo import ZoneInfo

from flask import current_app

from forum.models.base import utcnow


def now():
    """Naive UTC now."""
    return utcnow()


def from_local(moment):
    """A naive local (Asia/Shanghai) datetime from a form, as the naive UTC columns hold."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return moment.replace(tzinfo=zone).astimezone(timezone.utc).replace(tzinfo=None)
