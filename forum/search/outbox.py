"""The search outbox (issue 24): the index changes of a transaction, as a row written in
that same transaction, so a committed post can never be forgotten by the index.

A row is applied after its commit and deleted once applied (forum.search.adapter.drain);
a row left behind by a failure (a full disk, a killed worker, a database restart) is
applied by any process's periodic drain, at startup, or by `forum reindex`. Applying
reconciles the index with the rows, so applying a row twice is harmless.
"""
from datetime import timedelta

from sqlalchemy import bindparam, delete, insert, select

from forum.extensions import db
from forum.models.base import utcnow

STALE_SECONDS = 5  # the periodic drain leaves younger rows to the process that wrote them
BATCH = 1000  # rows applied at once; a drain goes on until none are left


class SearchChange(db.Model):
    """One transaction's changed ids (forum.search.changes.Changes, as JSON)."""

    __tablename__ = "search_outbox"
    id = db.Column(db.Integer, primary_key=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    changes = db.Column(db.Text, nullable=False)


# Built once, as the other hot statements are: every post writes a row, and building a
# statement took more CPU than running it.
_TABLE = SearchChange.__table__
_RECORD = (insert(_TABLE).values(created_at=bindparam("at"), changes=bindparam("changes"))
           .returning(_TABLE.c.id))
_OLDEST = select(_TABLE.c.id, _TABLE.c.changes).order_by(_TABLE.c.id).limit(BATCH)
_OLDEST_BEFORE = _OLDEST.where(_TABLE.c.created_at <= bindparam("since"))
_OLDEST_AT = select(_TABLE.c.created_at).order_by(_TABLE.c.id).limit(1)
_FORGET = delete(_TABLE).where(_TABLE.c.id.in_(bindparam("ids", expanding=True)))


def record(connection, changes):
    """Write `changes` as a row in the transaction of `connection`; its id."""
    return connection.execute(_RECORD, {"at": utcnow(), "changes": changes.dump()}).scalar_one()


def waiting(connection, min_age=0):
    """(id, changes as JSON) of the oldest BATCH rows at least `min_age` seconds old."""
    if not min_age:
        return connection.execute(_OLDEST).all()
    return connection.execute(_OLDEST_BEFORE, {"since": utcnow() - timedelta(seconds=min_age)}).all()


def oldest_at(connection):
    """When the oldest waiting row was written, or None."""
    return connection.execute(_OLDEST_AT).scalar()


def forget(connection, ids):
    """Delete applied rows."""
    connection.execute(_FORGET, {"ids": list(ids)})
