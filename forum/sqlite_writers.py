"""SQLite's one writer at a time, in a queue instead of a retry loop (issue 22).

SQLite lets one transaction write at a time. The others retry under busy_timeout, which
sleeps between tries (up to 100 ms a try), so under load a waiting write keeps losing to
newer ones that happen to try at the right moment: replies and heartbeats waited seconds
at the tail. Here a transaction queues just before its first write and leaves the queue
as it commits or rolls back: the threads of a process wait on a lock of the process, and
one thread per process waits on an flock of a file beside the database, which the kernel
hands to the next process when it is let go, right after the commit. SQLite's own lock still decides what is
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
        _leave_after_commits(conn.dialect)
        conn.info[_KEY] = _enter(conn.engine.url.database)


def _leave_after_commits(dialect):
    """Let go right after the commit itself, which no event follows before the session's
    after_commit listeners (they may write, as the search outbox does, and would wait for
    their own queue). Let go before it, as the commit event would, and the next writer
    met SQLite's lock for the commit's fsync, where SQLite's busy handler sleeps 1, 2,
    5, 10 ms between tries (bench/posting.py, four pairs alternated: 125-130 -> 128-131
    replies a second, p99 138-148 -> 135-144 ms)."""
    if getattr(dialect, "_commit_leaves", False):
        return
    commit = dialect.do_commit

    def do_commit(dbapi_connection):
        try:
            commit(dbapi_connection)
        finally:  # a failed commit too: the rollback that follows needs no turn
            if held := dbapi_connection.info.pop(_KEY, None):
                _exit(*held)

    dialect.do_commit, dialect._commit_leaves = do_commit, True


@event.listens_for(Engine, "rollback")
def _leave(conn):
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
