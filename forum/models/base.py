"""Column helpers shared by the models."""
from datetime import datetime, timezone


def utcnow():
    """Naive UTC now; every datetime column stores UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None)
