"""Thread view counts, buffered in memory and flushed in batches.

A page view only bumps a counter in this process; a background thread writes the
sums every VIEW_FLUSH_SECONDS in one statement, so no page view waits on a write.
"""
import atexit
import os
import threading
from collections import Counter

from flask import current_app
from sqlalchemy import bindparam, update
from sqlalchemy.exc import OperationalError

from forum.extensions import db
from forum.models import Thread

_lock = threading.Lock()
_pending = Counter()


def register(app):
    app.extensions["view_counts"] = Flusher(app, flush, "view-counts")


def record_view(thread_id):
    """Count one view of a thread (in memory)."""
    with _lock:
        _pending[thread_id] += 1
    current_app.extensions["view_counts"].ensure_running()


def pending(thread_id):
    """Views of a thread counted here but not yet written."""
    with _lock:
        return _pending.get(thread_id, 0)


def flush():
    """Write the buffered counts in one batch; needs an app context."""
    with _lock:
        batch = dict(_pending)
        _pending.clear()
    if not batch:
        return 0
    rows = [{"tid": tid, "n": n} for tid, n in batch.items()]
    statement = (update(Thread.__table__).where(Thread.__table__.c.id == bindparam("tid"))
                 .values(view_count=Thread.__table__.c.view_count + bindparam("n")))
    try:
        with db.engine.begin() as connection:
            connection.execute(statement, rows)
    except Exception:
        with _lock:  # keep the counts for the next flush
            _pending.update(batch)
        raise
    return len(rows)


class Flusher:
    """Calls `flush` at start and every VIEW_FLUSH_SECONDS from one daemon thread per
    process (started after a fork), and once at exit; `woken` (default `flush`) when
    someone wakes it."""

    def __init__(self, app, flush, name, woken=None):
        self.app = app
        self.flush = flush
        self.woken = woken or flush
        self.name = name
        self.interval = app.config["VIEW_FLUSH_SECONDS"]
        self.pid = None
        self._wake = threading.Event()

    def ensure_running(self):
        if not self.interval or self.pid == os.getpid():
            return
        self.pid = os.getpid()
        threading.Thread(target=self._loop, daemon=True, name=self.name).start()
        atexit.register(self._flush)

    def wake(self):
        """Have this process's thread call `woken` now; False if no thread runs here (in
        tests, or before this process's first request), when the caller does the work."""
        if not self.interval or self.pid != os.getpid():
            return False
        self._wake.set()
        return True

    def _loop(self):
        self._flush()  # at start too: what a dead process left (the search outbox)
        while True:
            woken = self._wake.wait(self.interval)
            self._wake.clear()  # before the work: a wake during it calls again
            self._flush(self.woken if woken else self.flush)

    def _flush(self, flush=None):
        with self.app.app_context():
            try:
                (flush or self.flush)()
            except OperationalError as error:  # the database is away (restarting): no traceback
                self.app.logger.warning("flushing %s failed: %s", self.name, error.orig)
            except Exception:  # a failed flush must never kill the worker; counts stay
                self.app.logger.exception("flushing %s failed", self.name)
