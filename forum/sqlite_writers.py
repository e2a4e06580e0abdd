"""SQLite's one writer at a time, in a queue instead of a retry loop (issue 22).

SQLite lets one transaction write at a time. The others retry under busy_timeout, which
sleeps between tries (up to 100 ms a try), so under load a waiting write keeps losing to
newer ones that happen to try at the right moment: replies and heartbeats waited seconds
at the tail. Here a transaction queues just before its first write and leaves the queue
as it commits or rolls back: the threads of a process wait on a lock of the process, and
one thread per process waits on an flock of a file beside the database, which the kernel
hands to the next process when it is let go. SQLite's own lock still decides what is
written; the queue only spares the retries.

A writer that finds its process's queue held for QUEUE_SECONDS (a transaction writing
through a second connection while its first holds the queue) goes on without it and
meets SQLite's busy_timeout, as it would without the queue. PostgreSQL has row locks
and needs none of this.
"""
import fcntl
import os
import threading

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool

QUEUE_SECONDS = 10  # as the busy_timeout (forum/extensions.py)
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
_KEY = "sqlite_writer"  # in the pooled connection's info: (process lock, lock file) held
_locks = {}  # (pid, database file): the process's lock; a forked child makes its own
_guard = threading.Lock()


@event.listens_for(Engine, "before_cursor_execute")
def _queue_before_writing(conn, _cursor, statement, _parameters, _context, _executemany):
    if conn.dialect.name != "sqlite" or _KEY in conn.info:
        return
    if statement.lstrip()[:7].upper().startswith(WRITES) and conn.engine.url.database:
        conn.info[_KEY] = _enter(conn.engine.url.database)


@event.listens_for(Engine, "commit")
@event.listens_for(Engine, "rollback")
def _leave(conn):
    # Just before the commit itself, as no later event comes before the session's
    # after_commit listeners, which may write (the search outbox): the next writer may
    # meet SQLite's lock for the few milliseconds the commit still takes.
    if conn.dialect.name == "sqlite" and (held := conn.info.pop(_KEY, None)):
        _exit(*held)


@event.listens_for(Pool, "checkin")
@event.listens_for(Pool, "close")
def _leave_unfinished(_dbapi_connection, record):
    """A connection that goes back unfinished (its transaction never ended) lets go too."""
    if record is not None and (held := record.info.pop(_KEY, None)):
        _exit(*held)


def _enter(database):
    """Wait for this process's turn, then for the database's; what is held."""
    key = (os.getpid(), os.path.abspath(database))
    with _guard:
        lock = _locks.setdefault(key, threading.Lock())
    if not lock.acquire(timeout=QUEUE_SECONDS):
        return None, None
    try:
        handle = open(f"{key[1]}-writer", "a")
        fcntl.flock(handle, fcntl.LOCK_EX)
    except BaseException:
        lock.release()
        raise
    return lock, handle


def _exit(lock, handle):
    if handle is None:
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
    finally:
        lock.release()
