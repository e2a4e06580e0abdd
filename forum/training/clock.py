"""The server's clock, the only one studying trusts; tests replace `now`."""
from forum.models.base import utcnow


def now():
    """Naive UTC now."""
    return utcnow()
