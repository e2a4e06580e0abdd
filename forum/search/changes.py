"""What a transaction changed, for the search index: recorded on flush as a row of the
search outbox in the same transaction, applied after commit (by the process's outbox
thread where one runs), so every service is covered without calling search itself
(DESIGN §8), and a committed change is never lost: a row whose applying fails stays for
the next drain (forum.search.outbox)."""
import json
import logging

from flask import current_app
from sqlalchemy import event, inspect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from forum.models import Post, Thread
from forum.search import outbox

log = logging.getLogger(__name__)
_FLUSH = "search_changes"  # this flush's changes, recorded before it
_KEY = "search_outbox"  # the transaction wrote outbox rows
# Post attributes that change its document; thread attributes that change all its posts'.
_POST_FIELDS = ("body", "status", "thread_id", "author_id")
_THREAD_FIELDS = ("status", "board_id")


class Changes:
    """Ids to refresh: posts, every post of some threads, the first post of others."""

    def __init__(self, posts=(), threads=(), titles=()):
        self.posts, self.threads, self.titles = set(posts), set(threads), set(titles)

    def __bool__(self):
        return bool(self.posts or self.threads or self.titles)

    def dump(self):
        return json.dumps({"posts": sorted(self.posts), "threads": sorted(self.threads),
                           "titles": sorted(self.titles)})

    @classmethod
    def merge(cls, dumps):
        merged = cls()
        for dump in dumps:
            data = json.loads(dump)
            merged.posts.update(data["posts"])
            merged.threads.update(data["threads"])
            merged.titles.update(data["titles"])
        return merged


def _changed(obj, fields):
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in fields)


@event.listens_for(Session, "before_flush")
def _record(session, _context, _instances):
    # Before the flush, attribute history still says what changed; new rows get their
    # ids during the flush, so they are picked up after it.
    changes = session.info.setdefault(_FLUSH, Changes())
    for obj in session.dirty:
        if isinstance(obj, Post) and _changed(obj, _POST_FIELDS):
            changes.posts.add(obj.id)
        elif isinstance(obj, Thread):
            if _changed(obj, _THREAD_FIELDS):
                changes.threads.add(obj.id)
            elif _changed(obj, ("title",)):
                changes.titles.add(obj.id)
    for obj in session.deleted:
        if isinstance(obj, Post):
            changes.posts.add(obj.id)
        elif isinstance(obj, Thread):
            changes.threads.add(obj.id)


@event.listens_for(Session, "after_flush")
def _write_row(session, _context):
    changes = session.info.pop(_FLUSH, None) or Changes()
    changes.posts.update(obj.id for obj in session.new if isinstance(obj, Post))
    if changes:
        outbox.record(session.connection(), changes)
        session.info[_KEY] = True


@event.listens_for(Session, "after_commit")
def _apply(session):
    # The process's outbox thread applies the rows, batched with those other requests
    # commit meanwhile, so no request waits on the index; without one (tests, commands)
    # they are applied here.
    if session.info.pop(_KEY, None) and not current_app.extensions["search_outbox"].wake():
        from forum.search.adapter import drain

        try:
            drain()
        except OperationalError as error:  # the database is away (restarting): no traceback
            log.warning("search indexing failed after commit; the outbox keeps it: %s", error.orig)
        except Exception:  # the rows stay: the periodic drain applies them later
            log.exception("search indexing failed after commit; the outbox keeps it")


@event.listens_for(Session, "after_soft_rollback")
def _forget(session, previous_transaction):
    if previous_transaction.parent is None:  # the whole transaction, not a savepoint
        session.info.pop(_KEY, None)
        session.info.pop(_FLUSH, None)
