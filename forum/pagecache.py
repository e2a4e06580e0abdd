"""A few seconds of whole-page cache for guests' reads of the index, boards, threads and
/stats.

Guests are most of a public forum's readers, and rendering a page in Python costs
10-40 ms where serving stored bytes costs well under one. Anyone with a session or
remember cookie (members, moderators, admins) always gets a fresh page; only pages
that set no cookie are stored, so nothing per-visitor is ever shared. The cost is that
a guest may see a page up to the site setting page_cache_seconds old (the environment's
FORUM_PAGE_CACHE_SECONDS until set on the web; 0 turns the cache off). Each worker keeps
its own cache.
"""
import threading
import time
from collections import OrderedDict

from flask import current_app, request

from forum.settings import page_cache_seconds
from forum.stats import view_counts

CACHED_ENDPOINTS = frozenset({"boards.index", "boards.board", "boards.thread", "stats.index"})
MAX_BYTES = 64 * 1024 * 1024  # per worker

_lock = threading.Lock()
_pages = OrderedDict()  # key -> (expires, body, headers)
_size = 0


def register(app):
    app.before_request(serve_cached)
    app.after_request(store)


def _key():
    if (request.method != "GET" or request.endpoint not in CACHED_ENDPOINTS
            or not page_cache_seconds()):
        return None
    cookies = request.cookies
    if cookies.get(current_app.config["SESSION_COOKIE_NAME"]) or cookies.get(
            current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")):
        return None
    return request.full_path, cookies.get("lang")


def serve_cached():
    """Answer a guest's read from the cache while the stored page is fresh."""
    key = _key()
    if key is None:
        return None
    with _lock:
        hit = _pages.get(key)
    if hit is None or hit[0] < time.monotonic():
        return None
    if request.endpoint == "boards.thread":  # a cached view is still a view
        view_counts.record_view(request.view_args["thread_id"])
    return current_app.response_class(hit[1], status=200, headers=hit[2])


def store(response):
    """Keep a guest's page that set no cookie, evicting the oldest beyond MAX_BYTES."""
    global _size
    key = _key()
    if (key is None or response.status_code != 200 or response.direct_passthrough
            or "Set-Cookie" in response.headers):
        return response
    now = time.monotonic()
    with _lock:
        hit = _pages.get(key)
        if hit is not None and hit[0] >= now:
            return response  # this response came from the cache
        body = response.get_data()
        if hit is not None:
            _size -= len(hit[1])
        _pages[key] = (now + page_cache_seconds(), body, list(response.headers))
        _pages.move_to_end(key)
        _size += len(body)
        while _size > MAX_BYTES and _pages:
            _, (_, old, _) = _pages.popitem(last=False)
            _size -= len(old)
    return response


def clear():
    """Forget every stored page (tests)."""
    global _size
    with _lock:
        _pages.clear()
        _size = 0
