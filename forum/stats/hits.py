"""The hit counter: page views per day and board, and the day's unique visitors.

A page view only adds to counters in this process; the flusher of the view counts'
kind (view_counts.Flusher) writes them in one transaction every VIEW_FLUSH_SECONDS, so
no page view waits on a write. A page view is a GET answered 200 with HTML, cached pages
included; not static files, health checks or feeds (not HTML), known bots (the
crawler-user-agents list) nor the page benchmark (BENCH_HEADER). A visitor is a keyed
hash of address, browser and day, which changes every day and names no one; today's and
yesterday's hashes are kept only to count each visitor once per day, then deleted.
"""
import hashlib
import hmac
import threading
from collections import Counter
from datetime import timedelta
from functools import lru_cache

import crawleruseragents
from flask import current_app, request
from sqlalchemy import delete, select

from forum.dates import local_today
from forum.extensions import db
from forum.inbound import is_probe
from forum.keyed import id_hash_key
from forum.models import ActiveMember, Board, BoardDay, SiteDay, Thread, VisitorDay
from forum.models.base import insert_for
from forum.stats.daily import bump
from forum.stats.view_counts import Flusher

BENCH_HEADER = "X-Forum-Bench"  # sent by bench/pages.py: its traffic is no visit
_BOARD_PAGES = {"boards.board": "slug", "boards.thread": "thread_id"}

_lock = threading.Lock()
_hits = Counter()   # (day, endpoint, board slug or thread id) -> page views
_visitors = set()   # (day, digest)


def register(app):
    app.extensions["hits"] = Flusher(app, flush, "hits")
    app.after_request(count_hit)


def count_hit(response):
    """Count the response if it is a page view a person asked for (in memory)."""
    if not _is_page_view(response):
        return response
    day = local_today()
    page = _BOARD_PAGES.get(request.endpoint)
    key = (day, request.endpoint, request.view_args[page]) if page else (day, None, None)
    with _lock:
        _hits[key] += 1
        _visitors.add((day, _digest(day)))
    current_app.extensions["hits"].ensure_running()
    return response


def _is_page_view(response):
    return (request.method == "GET" and response.status_code == 200
            and response.mimetype == "text/html" and request.endpoint != "static" and not is_probe()
            and BENCH_HEADER not in request.headers and not is_bot(request.user_agent.string))


@lru_cache(maxsize=4096)
def is_bot(user_agent):
    """Is this a known crawler's user agent (or none at all)?"""
    return not user_agent.strip() or crawleruseragents.is_crawler(user_agent)


def _digest(day):
    raw = f"{day.isoformat()}\0{request.remote_addr}\0{request.user_agent.string}".encode()
    return hmac.new(_visitor_key(), raw, hashlib.sha256).hexdigest()[:32]


def _visitor_key():
    """A key of its own for visitors, derived from the instance's id_hash_key."""
    return hmac.new(id_hash_key(), b"daily visitors", hashlib.sha256).digest()


def flush():
    """Write the counted page views and visitors in one transaction; needs an app context."""
    with _lock:
        hits, visitors = dict(_hits), set(_visitors)
        _hits.clear()
        _visitors.clear()
    if not hits and not visitors:
        return 0
    try:
        with db.engine.begin() as connection:
            _write(connection, hits, visitors)
    except Exception:
        with _lock:  # keep them for the next flush
            _hits.update(hits)
            _visitors.update(visitors)
        raise
    return len(hits) + len(visitors)


def _write(connection, hits, visitors):
    site, boards = Counter(), Counter()
    board_of = _boards_of(connection, hits)
    for (day, endpoint, target), n in hits.items():
        site[day] += n
        if (endpoint, target) in board_of:
            boards[day, board_of[endpoint, target]] += n
    for day, n in site.items():
        connection.execute(*bump(SiteDay, {"day": day}, {"hits": n}))
    for (day, board_id), n in boards.items():
        connection.execute(*bump(BoardDay, {"day": day, "board_id": board_id}, {"hits": n}))
    for day, n in _new_visitors(connection, visitors).items():
        connection.execute(*bump(SiteDay, {"day": day}, {"uniques": n}))
    _forget_old(connection)


def _boards_of(connection, hits):
    """{(endpoint, slug or thread id): board id} for the board pages among the hits."""
    slugs = {t for (_d, e, t) in hits if e == "boards.board"}
    threads = {t for (_d, e, t) in hits if e == "boards.thread"}
    found = {}
    if slugs:
        found.update((("boards.board", slug), bid) for slug, bid in connection.execute(
            select(Board.slug, Board.id).where(Board.slug.in_(slugs))))
    if threads:
        found.update((("boards.thread", tid), bid) for tid, bid in connection.execute(
            select(Thread.id, Thread.board_id).where(Thread.id.in_(threads))))
    return found


def _new_visitors(connection, visitors):
    """Store the digests; {day: how many were new} (other workers may have sent some)."""
    new = Counter()
    rows = [{"day": day, "digest": digest} for day, digest in visitors]
    for start in range(0, len(rows), 500):
        insert = insert_for(connection.dialect.name)(VisitorDay.__table__).values(rows[start:start + 500])
        returned = connection.execute(insert.on_conflict_do_nothing().returning(VisitorDay.day))
        new.update(day for (day,) in returned)
    return new


def _forget_old(connection):
    """Visitors of days before yesterday (a worker may still flush yesterday's) and the
    active members of past months are no longer needed."""
    today = local_today()
    connection.execute(delete(VisitorDay).where(VisitorDay.day < today - timedelta(days=1)))
    connection.execute(delete(ActiveMember).where(ActiveMember.month < today.replace(day=1)))


def clear():
    """Forget every unwritten hit and visitor (tests)."""
    with _lock:
        _hits.clear()
        _visitors.clear()
