"""The search adapter (DESIGN §8): `index_post`, `remove_post` and `search`; views and
services never touch a backend. Whoosh in the instance folder by default, PostgreSQL
full-text search when the database is PostgreSQL.

Only public content is indexed: published posts of published threads in boards whose
type may be indexed (BoardType.indexed). The index is reconciled with the rows after each commit
through the search outbox (forum.search.changes, forum.search.outbox), and results are checked against the rows and the reader's
access again before anyone sees them.
"""
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forum.boards.registry import types_where
from forum.extensions import db
from forum.models import Board, ContentStatus, Post, Thread
from forum.models.base import utcnow
from forum.progress import progress
from forum.search import outbox, text
from forum.search.changes import Changes
from forum.search.results import visible_hits

PER_PAGE = 20
MAX_PAGES = 50  # deep pages of a common word help no one and cost the most
_CHUNK = 500


@dataclass
class Results:
    """One page of results; `hits` are (post, thread, board) rows the reader may see."""

    query: str
    words: list = field(default_factory=list)
    hits: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 1
    substring: bool = False  # found by the substring fallback
    more: bool = False  # more matches than anyone can page to; `total` is that many


def backend():
    """The app's backend, made once: PostgreSQL's when the database is PostgreSQL."""
    app = current_app._get_current_object()
    chosen = app.extensions.get("forum_search")
    if chosen is None:
        if db.engine.dialect.name == "postgresql":
            from forum.search.postgres import PostgresBackend

            chosen = PostgresBackend()
        else:
            from forum.search.whoosh import WhooshBackend

            chosen = WhooshBackend(Path(app.instance_path) / "search")
        app.extensions["forum_search"] = chosen
    return chosen


def load_jieba():
    """Load jieba's dictionary now (before gunicorn forks), cached in the instance folder."""
    text.load_jieba(current_app.instance_path)


def index_post(post_id):
    """Bring one post's entry in line with its row: indexed if public, else removed."""
    apply_changes(Changes(posts=[post_id]))


def remove_post(post_id):
    """Take a post out of the index once its row is gone or no longer public."""
    apply_changes(Changes(posts=[post_id]))


def apply_changes(changes):
    """Reconcile the index with the rows behind `changes`, through the outbox (for rows
    changed outside the ORM's sessions)."""
    with db.engine.begin() as connection:
        outbox.record(connection, changes)
    drain()


def drain(min_age=0, block=False, gather=0.0, keep_going=None):
    """Apply the outbox rows at least `min_age` seconds old and delete them.

    One process applies at a time on Whoosh (its writer lock; `block` waits for it): one
    that finds the lock taken leaves its rows to the holder, who looks again after
    letting go (the periodic drain, looking for old rows only, leaves a young one to the
    next pass). With `gather`, the holder first waits until the oldest row is that many
    seconds old, so that the rows committed meanwhile, by any process, go into the same
    index write. It stops between writes once `keep_going()` is false. A failure raises
    and leaves the rows for the next drain."""
    load_jieba()
    chosen = backend()
    while True:
        with chosen.locked(block) as held:
            if not held:
                return
            if gather:
                _let_rows_gather(gather)
            rows = _waiting(min_age)
            if rows:
                chosen.apply(Changes.merge(row.changes for row in rows), load_documents)
                with db.engine.begin() as connection:
                    outbox.forget(connection, [row.id for row in rows])
        if not _waiting(min_age) or (keep_going is not None and not keep_going()):
            return


def drain_stale():
    """The periodic drain: rows that their own process did not apply (it failed or died);
    and the backend's upkeep."""
    drain(min_age=outbox.STALE_SECONDS)
    backend().tend()


def drain_gathered(block=False, keep_going=None):
    """The drain after a commit (the indexer process's, or else the worker's outbox
    thread's): the rows committed within SEARCH_GATHER_SECONDS go into one index write.
    On Whoosh a write costs about as much for one post as for fifty (each term it writes,
    and the newest segments it merges, cost the same), and one per reply took a third of
    the CPU under steady posting."""
    drain(block=block, gather=current_app.config["SEARCH_GATHER_SECONDS"], keep_going=keep_going)


def _let_rows_gather(seconds):
    with db.engine.connect() as connection:
        oldest = outbox.oldest_at(connection)
    if oldest is not None:
        time.sleep(max(0.0, (oldest + timedelta(seconds=seconds) - utcnow()).total_seconds()))


def _waiting(min_age):
    with db.engine.connect() as connection:
        return outbox.waiting(connection, min_age)


def load_documents(changes):
    """(post ids and thread ids to drop from the index, documents to add) for the
    changed rows, read afresh; a deleted thread's posts go with its thread id."""
    with Session(db.engine) as session:
        ids = set(changes.posts)
        if changes.threads:
            ids |= _post_ids(session, Post.thread_id.in_(changes.threads))
        if changes.titles:
            ids |= _post_ids(session, Post.thread_id.in_(changes.titles), Post.number == 1)
        documents = []
        ordered = sorted(ids)
        for start in range(0, len(ordered), _CHUNK):
            documents += documents_where(session, Post.id.in_(ordered[start:start + _CHUNK]))
    return ids, changes.threads, documents


def _post_ids(session, *conditions):
    return set(session.execute(select(Post.id).where(*conditions)).scalars())


def documents_where(session, *conditions):
    """Index documents of the public, published posts matching conditions."""
    rows = session.execute(
        select(Post.id, Post.thread_id, Post.author_id, Post.number, Post.body, Post.created_at,
               Thread.title, Thread.board_id)
        .join(Thread, Post.thread_id == Thread.id).join(Board, Thread.board_id == Board.id)
        .where(Post.status == ContentStatus.PUBLISHED, Thread.status == ContentStatus.PUBLISHED,
               Board.type.in_(types_where("indexed")), *conditions))
    return [{"post_id": r.id, "thread_id": r.thread_id, "board_id": r.board_id,
             "author_id": r.author_id, "created_at": r.created_at, "body": r.body,
             "title": r.title if r.number == 1 else None} for r in rows]


def reindex_all(limit=None):
    """`reindex` showing its progress (forum reindex, forum restore); posts indexed."""
    top = limit or db.session.execute(select(func.max(Post.id))).scalar() or 0
    with progress("search index", top, "post ids") as advance:
        return reindex(advance=advance, limit=limit)


def reindex(batch=2000, advance=None, limit=None):
    """Rebuild the whole index from the database; returns the number of posts indexed.

    `advance` is told how many post ids each batch covered; `limit` indexes only the
    posts with ids up to it (benchmarks at a smaller scale)."""
    load_jieba()

    def batches():
        last = 0
        with Session(db.engine) as session:
            while limit is None or last < limit:
                top = last + batch if limit is None else min(last + batch, limit)
                page = documents_where(session, Post.id > last, Post.id <= top)
                more = session.execute(select(Post.id).where(Post.id > top).limit(1)).first()
                if advance:
                    advance(top - last)
                last = top
                if page:
                    yield page
                if more is None:
                    return

    count = backend().rebuild(batches())
    drain(block=True)  # what changed while it ran, and anything left by a failure
    return count


def search(query, user, filters=None, page=1, newest=False):
    """The page of results for `query` that `user` may read; filters: board, thread,
    author (ids), since, until (naive UTC datetimes)."""
    filters = filters or {}
    load_jieba()
    parsed = text.query_words(query or "")
    results = Results(query=query or "", words=parsed, page=page)
    if not parsed:
        return results
    asked = min(page, MAX_PAGES)  # a page past the last answers nothing below
    cap = MAX_PAGES * PER_PAGE + 1  # counting further would change nothing shown
    ids, total = backend().search(parsed, filters, newest, asked, PER_PAGE, cap=cap)
    if total == 0:
        results.substring = True
        ids, total = backend().search(parsed, filters, newest, asked, PER_PAGE, fallback=True,
                                      cap=cap)
    results.more = total >= cap
    results.total = min(total, cap - 1)
    results.pages = max(1, min(MAX_PAGES, -(-total // PER_PAGE)))
    if page <= results.pages:  # Whoosh answers a page too far with the last one
        results.hits = visible_hits(ids, user, parsed)
    return results
