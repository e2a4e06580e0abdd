"""What every write service shares: one commit, and refusals people can read."""
import errno

from sqlalchemy import inspect, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.attributes import set_committed_value

from forum.extensions import db


class Refused(Exception):
    """A write that was refused; the message is translated and shown to the user."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


def commit(on_conflict=None, keep=()):
    """Commit the unit of work once; roll back everything if it fails.

    The column values of the objects in `keep` stay known after the commit, so the view
    answers from them without a query: once the post is saved, a database blip must not
    turn the answer into an error, which its writer would take for a lost post."""
    try:
        db.session.flush()
        known = [(obj, _columns(obj)) for obj in keep]
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        if on_conflict is None:
            raise
        raise on_conflict from None
    except Exception:
        db.session.rollback()
        raise
    for obj, values in known:
        for key, value in values.items():
            set_committed_value(obj, key, value)


def _columns(obj):
    state = inspect(obj)
    return {prop.key: state.dict[prop.key] for prop in state.mapper.column_attrs
            if prop.key in state.dict}


def disk_full(error):
    """Did this write fail because the server's disk is full (the database's or a file's)?"""
    if isinstance(error, OperationalError):
        # SQLite's words; PostgreSQL's SQLSTATE 53100 (disk_full) or the system's words
        return (getattr(error.orig, "sqlstate", None) == "53100"
                or any(words in str(error.orig) for words in DISK_FULL_WORDS))
    return isinstance(error, OSError) and error.errno == errno.ENOSPC


DISK_FULL_WORDS = ("database or disk is full", "No space left on device")


def claim(model, row_id, from_status, **values):
    """Move a row out of `from_status` with one conditional UPDATE; True if this call won.

    Of two people deciding the same item at once, the database lets exactly one win
    (the other's UPDATE matches no row once the first commits).
    """
    won = db.session.execute(
        update(model).where(model.id == row_id, model.status == from_status).values(**values)
        .execution_options(synchronize_session=False)).rowcount == 1
    if not won:
        db.session.rollback()
    return won
