"""The search index's own process beside an app server's workers (issue 22).

Writing the Whoosh index is Python from end to end. In a worker's outbox thread, under
steady posting, it held that worker's interpreter lock a good part of each second, and
the worker's replies waited for the lock again after every statement, some of them while
they held SQLite's one writer queue (bench/RESULTS.md, "Posting, session 17"). So
gunicorn's master forks this process once the app is loaded, before it forks the workers
(deploy/gunicorn.conf.py). It applies the outbox's rows as they come, a moment's worth
at a time (adapter.drain_gathered), and the workers leave their commits' rows to it. It
runs at a lower priority than the workers (NICE): under load a post reaches search a
little later instead of slowing the replies.

Nothing waits on it alone: the workers' periodic drain still applies rows that are
outbox.STALE_SECONDS old, and a worker that finds it gone gathers and applies its own
commits' rows again, as it did without it. It ends when told (SIGTERM, SIGINT, SIGQUIT)
or when the master that forked it is gone.
"""
import logging
import os
import signal
import time

from flask import current_app
from setproctitle import setproctitle
from sqlalchemy.exc import OperationalError

from forum.extensions import db
from forum.search import adapter, outbox

TITLE = "forum: search indexer"  # what ps and /proc/<pid>/cmdline show
POLL_SECONDS = 0.25  # how soon it looks again when no row waits
PAUSE_SECONDS = 5  # after a failed pass (the database away), before the next
NICE = 10
_PID = "SEARCH_INDEXER_PID"  # in the app's config: workers forked after the indexer inherit it
_STOPS = (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT)
# The master's other handlers, which must not run in this process.
_DEFAULTS = (signal.SIGHUP, signal.SIGCHLD, signal.SIGUSR1, signal.SIGUSR2, signal.SIGWINCH,
             signal.SIGTTIN, signal.SIGTTOU)
log = logging.getLogger(__name__)
_gone_noted = set()  # indexer pids this process has said are gone


def start(app, inherited=()):
    """Fork the indexer from this process, whose app is loaded; in this process, note its
    pid in the app's config and return it. `inherited`: this process's sockets that the
    indexer must not keep open (the server's listeners)."""
    pid = os.fork()
    if pid == 0:
        _serve(app, os.getppid(), inherited)  # never returns
    app.config[_PID] = pid
    return pid


def stop(pid, seconds):
    """Ask the indexer to end and wait up to `seconds` for it, then kill it: a write cut
    short loses nothing, as its rows stay in the outbox."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if os.waitpid(pid, os.WNOHANG)[0]:
                return
        except ChildProcessError:  # reaped by the master already
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def running():
    """Is the indexer this app's server forked alive? (False where there is none: tests,
    commands, `flask run`.)"""
    pid = current_app.config.get(_PID)
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        if pid not in _gone_noted:
            _gone_noted.add(pid)
            log.error("the search indexer (pid %s) is gone: this worker indexes its own posts "
                      "until the server is restarted", pid)
        return False
    return True


def drain_gathered_here():
    """A worker's outbox thread after a commit: nothing if the indexer runs (it applies
    the rows); else gather and apply them in this process."""
    if not running():
        adapter.drain_gathered()


def _serve(app, master, inherited):
    status = 1
    try:
        stopping = []
        for signum in _STOPS:
            signal.signal(signum, lambda *_: stopping.append(True))
        for signum in _DEFAULTS:
            signal.signal(signum, signal.SIG_DFL)
        for sock in inherited:
            sock.close()
        setproctitle(TITLE)
        os.nice(NICE)
        with app.app_context():
            db.engine.dispose(close=False)  # the master's connections stay the master's
            while not stopping and os.getppid() == master:
                time.sleep(_pass())
        status = 0
    except BaseException:
        log.exception("the search indexer failed")
    finally:
        os._exit(status)


def _pass():
    """Apply what waits; how long to sleep before the next pass."""
    try:
        with db.engine.connect() as connection:
            if outbox.oldest_at(connection) is None:
                return POLL_SECONDS
        adapter.drain_gathered(block=True)  # a worker's periodic drain may hold the lock
        return 0
    except OperationalError as error:  # the database is away (restarting): no traceback
        log.warning("search indexing failed; the outbox keeps it: %s", error.orig)
    except Exception:
        log.exception("search indexing failed; the outbox keeps it")
    return PAUSE_SECONDS
