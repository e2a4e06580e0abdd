"""A few seconds of cache for the parts of a page every reader sees alike.

The board index below the header is the same for a guest and for every member, yet
rendering it costs tens of milliseconds; members used to pay that on every view, as the
guests' whole-page cache (forum/pagecache.py) does not serve anyone with a session.
A fragment lives as long as a guest's cached page (the page_cache_seconds setting; 0, as
in the tests, turns it off), one per language, and each worker keeps its own. What differs per
reader (a member's new-post marks) is left as a slot in it and filled per request.
"""
import re
import threading
import time

from flask_babel import get_locale
from markupsafe import Markup

from forum.settings import page_cache_seconds

_lock = threading.Lock()
_fragments = {}  # (name, locale) -> (expires, html)


def cached(name, render):
    """The fragment `name` in the reader's language: kept if still fresh, else render()."""
    seconds = page_cache_seconds()
    if not seconds:
        return Markup(render())
    key = (name, str(get_locale()))
    hit = _fragments.get(key)
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    html = Markup(render())
    with _lock:
        _fragments[key] = (time.monotonic() + seconds, html)
    return html


def slot(name, key):
    """A place in a shared fragment for one reader's own mark (see fill)."""
    return Markup(f"<!--{name}:{int(key)}-->")


def fill(html, name, keys, mark):
    """The fragment with `mark` in the `name` slots of these keys, and the others empty."""
    keys = {int(key) for key in keys}
    pattern = re.compile(rf"<!--{re.escape(name)}:(\d+)-->")
    return Markup(pattern.sub(lambda slot: mark if int(slot[1]) in keys else "", html))


def clear():
    """Forget every fragment (tests)."""
    with _lock:
        _fragments.clear()
