"""Column helpers and the vocabulary base shared by the models."""
from datetime import datetime, timezone
from enum import StrEnum

from sqlalchemy.dialects import postgresql, sqlite


def utcnow():
    """Naive UTC now; every datetime column stores UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def insert_for(dialect_name):
    """The INSERT that takes ON CONFLICT (upserts) on this database: PostgreSQL or SQLite."""
    return postgresql.insert if dialect_name == "postgresql" else sqlite.insert


LIKE_ESCAPE = "\\"


def like_literal(text):
    """`text` as a LIKE pattern that matches it exactly (`%` and `_` as themselves), for a
    comparison with `escape=LIKE_ESCAPE`; add the wildcards around it."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class LabelledEnum(StrEnum):
    """A vocabulary stored as its strings; each member carries the label people read.

    Members are written `NAME = "stored value", _l("Label")`; being str, they compare
    equal to the strings in the database and bind to queries as they are.
    """

    def __new__(cls, value, label):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member
