"""PROPOSED forum/pagecache.py (measured in bench/RESULTS.md, not wired into the forum).

A few seconds of whole-page cache for guests' GETs of the index, board and thread pages,
per worker process. Guests are most of a public forum's readers; members, moderators
and admins (anyone with a session or remember cookie) always get a fresh page.

Needs the guest pages to carry no per-visitor state: base.html's language switch must
not embed a CSRF token (see RESULTS.md), or every guest would share one token.
"""
import threading
import time
from collections import OrderedDict

from flask import request

from forum.stats import view_counts

CACHED_ENDPOINTS = frozenset({"boards.index", "boards.board", "boards.thread"})
TTL_SECONDS = 5.0
MAX_BYTES = 64 * 1024 * 1024  # per worker

_lock = threading.Lock()
_pages = OrderedDict()  # key -> (expires, body, headers)
_size = 0


def register(app):
    app.before_request(_serve_cached)
    app.after_request(_store)


def _key():
    if request.method != "GET" or request.endpoint not in CACHED_ENDPOINTS:
        return None
    cookies = request.cookies
    if cookies.get("session") or cookies.get("remember_token"):
        return None
    return request.full_path, cookies.get("lang")


def _serve_cached():
    key = _key()
    if key is None:
        return None
    with _lock:
        hit = _pages.get(key)
    if hit is None or hit[0] < time.monotonic():
        return None
    if request.endpoint == "boards.thread":  # a cached view is still a view
        view_counts.record_view(request.view_args["thread_id"])
    from flask import current_app
    return current_app.response_class(hit[1], status=200, headers=hit[2])


def _store(response):
    global _size
    key = _key()
    if key is None or response.status_code != 200 or response.direct_passthrough:
        return response
    if "Set-Cookie" in response.headers:  # per-visitor: never shared
        return response
    with _lock:
        hit = _pages.get(key)
        if hit is not None and hit[0] >= time.monotonic():
            return response  # this response came from the cache
        body = response.get_data()
        if hit is not None:
            _size -= len(hit[1])
        _pages[key] = (time.monotonic() + TTL_SECONDS, body, list(response.headers))
        _pages.move_to_end(key)
        _size += len(body)
        while _size > MAX_BYTES and _pages:
            _, (_, old, _) = _pages.popitem(last=False)
            _size -= len(old)
    return response
