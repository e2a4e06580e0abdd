"""Column helpers shared by the models."""
from datetime import datetime, timezone

from sqlalchemy.dialects import postgresql, sqlite


def utcnow():
    """Naive UTC now; every datetime column stores UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def insert_for(dialect_name):
    """The INSERT that takes ON CONFLICT (upserts) on this database: PostgreSQL or SQLite."""
    return postgresql.insert if dialect_name == "postgresql" else sqlite.insert
