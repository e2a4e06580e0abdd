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
commits' rows again, as it did without it. It ends once its server's master and workers
have all ended (a pipe they hold closes), however they end.
"""
import logging
import os
import select
import signal
from collections import namedtuple

from flask import current_app
from setproctitle import setproctitle
from sqlalchemy.exc import OperationalError

from forum.extensions import db
from forum.search import adapter, outbox

TITLE = "forum: search indexer"  # what ps and /proc/<pid>/cmdline show
POLL_SECONDS = 0.25  # how soon it looks again when no row waits
PAUSE_SECONDS = 5  # after a failed pass (the database away), before the next
STOP_SECONDS = 5  # how long the master waits for it to end (a write cut short loses nothing)
NICE = 10
_PIDFD = "SEARCH_INDEXER_PIDFD"  # in the app's config: the workers inherit the descriptor
# It ends when its pipe closes, once the master and every worker are gone: a signal to the
# whole process group (Ctrl-C, a stop of the systemd unit) must not end it while workers
# still commit, and none of the master's handlers may run here.
_IGNORED = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT, signal.SIGHUP, signal.SIGUSR1,
            signal.SIGUSR2, signal.SIGWINCH, signal.SIGTTIN, signal.SIGTTOU)
log = logging.getLogger(__name__)
_gone_noted = set()  # descriptors of indexers this process has said are gone

Started = namedtuple("Started", "pidfd pipe")  # pipe: the master's end of it


def start(app, inherited=()):
    """Fork the indexer from this process (the master, whose app is loaded, before it forks
    the workers); what `stop` needs. The app's config keeps a pidfd of it, which the
    workers inherit with the pipe's open end. `inherited`: this process's sockets that the
    indexer must not keep open (the server's listeners)."""
    ends, writing = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(writing)
        _serve(app, ends, inherited)  # never returns
    os.close(ends)
    pidfd = os.pidfd_open(pid)  # names this process, never one that reuses its pid
    app.config[_PIDFD] = pidfd
    return Started(pidfd, writing)


def stop(started, seconds=STOP_SECONDS):
    """Close the master's end of the pipe (the workers' ends closed as they ended) and wait
    up to `seconds` for the indexer to finish its pass, then kill it."""
    os.close(started.pipe)
    if not _ended(started.pidfd, seconds):
        signal.pidfd_send_signal(started.pidfd, signal.SIGKILL)
        _ended(started.pidfd, seconds)
    os.close(started.pidfd)


def running():
    """Is the indexer this app's server forked alive? (False where there is none: tests,
    commands, `flask run`.)"""
    pidfd = current_app.config.get(_PIDFD)
    if pidfd is None:
        return False
    if _ended(pidfd):
        if pidfd not in _gone_noted:
            _gone_noted.add(pidfd)
            log.error("the search indexer is gone: this worker indexes its own posts until "
                      "the server is restarted")
        return False
    return True


def drain_gathered_here():
    """A worker's outbox thread after a commit: nothing if the indexer runs (it applies
    the rows); else gather and apply them in this process."""
    if not running():
        adapter.drain_gathered()


def _ended(fd, seconds=0):
    """A pidfd is readable once its process has ended; the pipe's end once every writer
    has closed it (nobody writes to it)."""
    return bool(select.select([fd], [], [], seconds)[0])


def _serve(app, pipe, inherited):
    status = 1
    try:
        for signum in _IGNORED:
            signal.signal(signum, signal.SIG_IGN)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for sock in inherited:
            sock.close()
        setproctitle(TITLE)
        os.nice(NICE)
        with app.app_context():
            db.engine.dispose(close=False)  # the master's connections stay the master's
            while not _ended(pipe, _pass(lambda: not _ended(pipe))):
                pass
        status = 0
    except BaseException:
        log.exception("the search indexer failed")
    finally:
        os._exit(status)


def _pass(keep_going):
    """Apply what waits (stopping between batches once `keep_going` says so); how long to
    wait before the next pass."""
    try:
        with db.engine.connect() as connection:
            if outbox.oldest_at(connection) is None:
                return POLL_SECONDS
        # block: a worker's periodic drain may hold the index's lock for a moment
        adapter.drain_gathered(block=True, keep_going=keep_going)
        return 0
    except OperationalError as error:  # the database is away (restarting): no traceback
        log.warning("search indexing failed; the outbox keeps it: %s", error.orig)
    except Exception:
        log.exception("search indexing failed; the outbox keeps it")
    return PAUSE_SECONDS
