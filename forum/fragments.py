"""Rendered parts of pages kept in each worker's memory: for a few seconds (`kept`), or
for as long as they are among the most recently used (`lasting`).

The board index below the header is the same for a guest and for every member, yet
rendering it costs tens of milliseconds; members used to pay that on every view, as the
guests' whole-page cache (forum/pagecache.py) does not serve anyone with a session.
A fragment lives as long as a guest's cached page (the page_cache_seconds setting; 0, as
in the tests, turns it off), one per language, and each worker keeps its own. What differs
per reader (a member's new-post marks) is left as a slot in it and filled per request
(forum/holes.py).
A board page's rows are kept the same way (forum/boards/thread_list.py), keyed by the
board's counters so that a new post is listed at once.

`lasting` keeps values whose key names every input they are built from (a member's header
by their name and counts, a follow button by its state: forum/holes.py), so that nothing
can make them stale and they need no expiry; each worker holds the 5,000 it used last.
"""
import threading
import time
from collections import OrderedDict

from flask_babel import get_locale
from markupsafe import Markup

from forum.settings import page_cache_seconds

_lock = threading.Lock()
_fragments = {}  # key -> (expires, value)
# Entries: keys that name a board's counters go out of use as it changes, and members'
# pages are kept per address (forum/shared_pages.py), so a worker holds at most this many.
_PURGE_AT = 2000
# Values that are functions of their keys alone (a member's header, a follow button), the
# worker's most recently used; about a kilobyte each.
_lasting = OrderedDict()
_LASTING = 5000


def cached(name, render):
    """The fragment `name` in the reader's language: kept if still fresh, else render()."""
    return kept((name, str(get_locale())), lambda: Markup(render()))


def kept(key, build):
    """The value kept under `key` while fresh (page_cache_seconds), else build()'s."""
    seconds = page_cache_seconds()
    if not seconds:
        return build()
    hit = _fragments.get(key)
    now = time.monotonic()
    if hit is not None and hit[0] > now:
        return hit[1]
    value = build()
    with _lock:
        if len(_fragments) >= _PURGE_AT:
            for stale in [k for k, (expires, _) in _fragments.items() if expires <= now]:
                del _fragments[stale]
        if len(_fragments) < _PURGE_AT:  # else a flood of fresh keys (addresses): keep none
            _fragments[key] = (now + seconds, value)
    return value


def lasting(key, build):
    """build()'s value, kept while among the worker's most recently used: for values that
    every input is named in `key` of, so that nothing can make them stale. Built each time
    where caching is off (page_cache_seconds 0, as in most tests)."""
    if not page_cache_seconds():
        return build()
    with _lock:
        value = _lasting.get(key)
        if value is not None:
            _lasting.move_to_end(key)
            return value
    value = build()
    with _lock:
        _lasting[key] = value
        if len(_lasting) > _LASTING:
            _lasting.popitem(last=False)
    return value


def clear():
    """Forget every fragment (tests)."""
    with _lock:
        _fragments.clear()
        _lasting.clear()
