"""The navigation bar under the header (issue 23): the forum's main places, each linked
only where its seeded board exists (forum/data/zhijin.yaml's slugs).

Every page shows the bar, so it must cost no page a query: each worker keeps the slugs
it found for at most PAGE_CACHE_SECONDS (the age a guest's cached page may have anyway)
and forgets them as soon as a board is added, removed or given a new slug in this worker. With
PAGE_CACHE_SECONDS 0 (the tests) only such a write renews them.
"""
import threading
import time

from flask_babel import lazy_gettext as _l, lazy_pgettext
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from forum.extensions import db
from forum.models import Board
from forum.settings import page_cache_seconds

# (label, board slug, icon): the places the bar links to, in its order.
PLACES = (
    (lazy_pgettext("nav", "Work notices"), "notices", "notice"),
    (lazy_pgettext("nav", "Leaders' mailboxes"), "secretary", "mail"),
    (lazy_pgettext("nav", "Party affairs"), "disclosure", "doc"),
    (lazy_pgettext("nav", "Training centre"), "training", "study"),
    (_l("Heart-to-heart room"), "counsel", "talk"),
)

_lock = threading.Lock()
_cached = []  # [(expires on time.monotonic(), frozenset of slugs)]; empty: not read yet


def nav_places():
    """[(label, slug, icon)] of the bar's places whose board exists."""
    present = _present_slugs()
    return [place for place in PLACES if place[1] in present]


def forget():
    """Look the boards up again on the next page (after a board changed; tests)."""
    with _lock:
        _cached.clear()


def _present_slugs():
    hit = _cached[0] if _cached else None
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    slugs = frozenset(db.session.execute(
        db.select(Board.slug).where(Board.slug.in_([place[1] for place in PLACES]))).scalars())
    seconds = page_cache_seconds() or float("inf")
    with _lock:
        _cached[:] = [(time.monotonic() + seconds, slugs)]
    return slugs


@event.listens_for(Session, "after_flush")
def _forget_on_board_change(session, _context):
    # A post changes its board's counters: only a board added, removed or given a new
    # slug changes the bar.
    added_or_removed = (*session.new, *session.deleted)
    if any(isinstance(row, Board) for row in added_or_removed) or any(
            isinstance(row, Board) and inspect(row).attrs.slug.history.has_changes()
            for row in session.dirty):
        forget()
