"""What every write service shares: one commit, and refusals people can read."""
from sqlalchemy.exc import IntegrityError

from forum.extensions import db


class Refused(Exception):
    """A write that was refused; the message is translated and shown to the user."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


def commit(on_conflict=None):
    """Commit the unit of work once; roll back everything if it fails."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        if on_conflict is None:
            raise
        raise on_conflict from None
    except Exception:
        db.session.rollback()
        raise
