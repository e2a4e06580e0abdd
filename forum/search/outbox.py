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


def _statements():
    """record's, waiting's and forget's statements, built once: every post writes a row,
    and building a statement took more CPU than running it."""
    table = SearchChange.__table__
    oldest = select(table.c.id, table.c.changes).order_by(table.c.id).limit(BATCH)
    return {"record": insert(table).values(created_at=bindparam("at"), changes=bindparam("changes"))
            .returning(table.c.id),
            "waiting": oldest, "waiting_since": oldest.where(table.c.created_at <= bindparam("since")),
            "forget": delete(table).where(table.c.id.in_(bindparam("ids", expanding=True)))}


_STATEMENTS = _statements()


def record(connection, changes):
    """Write `changes` as a row in the transaction of `connection`; its id."""
    return connection.execute(_STATEMENTS["record"],
                              {"at": utcnow(), "changes": changes.dump()}).scalar_one()


def waiting(connection, min_age=0):
    """(id, changes as JSON) of the oldest BATCH rows at least `min_age` seconds old."""
    if not min_age:
        return connection.execute(_STATEMENTS["waiting"]).all()
    since = utcnow() - timedelta(seconds=min_age)
    return connection.execute(_STATEMENTS["waiting_since"], {"since": since}).all()


def forget(connection, ids):
    """Delete applied rows."""
    connection.execute(_STATEMENTS["forget"], {"ids": list(ids)})
