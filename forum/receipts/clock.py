"""The receipts' clock: deadlines and banner ends are compared with `now()`, which tests
move with monkeypatch (as forum/disclosure/period.py's `today`)."""
from forum.models.base import utcnow


def now():
    """Naive UTC now."""
    return utcnow()
