"""Rate-limit counters in the forum's own database, shared by every worker.

Flask-Limiter keeps its counters in a `limits` storage; its in-memory one is per
process, so two gunicorn workers would each allow the full limit. This storage keeps
fixed-window counters in the `rate_counter` table (one atomic upsert a hit), so the
limits hold across workers and hosts without Redis; with REDIS_URL set, Redis is used.

A row must not tell whom or when it counted: keys (addresses, names, endpoints) are
stored as a keyed hash under the secret key, and a window starts and ends on a multiple
of its length since the epoch, not at the first hit. A counter of an anonymous letter
therefore cannot be joined by address or by time to the letter or to a login.
"""
import math
import random
import time

from flask import current_app
from limits.storage import Storage
from sqlalchemy import case, delete, select
from sqlalchemy.exc import SQLAlchemyError

from forum.keyed import hashed
from forum.models import RateCounter
from forum.models.base import insert_for

STORAGE_URI = "forumdb://"


class DatabaseStorage(Storage):
    """A `limits` storage over the rate_counter table (fixed windows only)."""

    STORAGE_SCHEME = ["forumdb"]

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    def _engine(self):
        return current_app.extensions["sqlalchemy"].engine

    def incr(self, key, expiry, amount=1, aligned=True):
        """Count a hit in the key's window. Windows are aligned to their length, so a
        row's time does not point back at the request; a wait that must last its whole
        length (a login's delay, whose time the security log holds anyway) is not."""
        now = time.time()
        ends = _window_end(now, expiry) if aligned else now + expiry
        table = RateCounter.__table__
        engine = self._engine()
        insert = insert_for(engine.dialect.name)
        live = table.c.expires_at > now
        statement = insert(table).values(key=hashed(key), count=amount, expires_at=ends)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={"count": _case(live, table.c.count + amount, amount),
                  "expires_at": _case(live, table.c.expires_at, ends)},
        ).returning(table.c.count)
        with engine.begin() as connection:
            count = connection.execute(statement).scalar_one()
            if random.random() < 0.01:  # sweep expired windows now and then
                connection.execute(delete(table).where(table.c.expires_at < now))
        return count

    def get(self, key):
        row = self._row(key)
        return row.count if row is not None and row.expires_at > time.time() else 0

    def get_expiry(self, key):
        """When the key's window ends; now for a key without a live window (as Redis does)."""
        row = self._row(key)
        now = time.time()
        return max(row.expires_at, now) if row is not None else now

    def check(self):
        return True

    def reset(self):
        with self._engine().begin() as connection:
            return connection.execute(delete(RateCounter.__table__)).rowcount

    def clear(self, key):
        with self._engine().begin() as connection:
            connection.execute(delete(RateCounter.__table__)
                               .where(RateCounter.__table__.c.key == hashed(key)))

    def _row(self, key):
        table = RateCounter.__table__
        with self._engine().connect() as connection:
            return connection.execute(select(table).where(table.c.key == hashed(key))).first()


def _window_end(now, expiry):
    """The end of the fixed window holding `now`: windows are aligned to the epoch."""
    return (math.floor(now / expiry) + 1) * expiry


def _case(condition, then, otherwise):
    return case((condition, then), else_=otherwise)
