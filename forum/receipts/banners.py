"""The urgent banner: one notice at a time, shown atop every page until its end.

Every page shows it, so reading it must cost no page a query: each worker keeps the
current banner (or its absence) for at most PAGE_CACHE_SECONDS, the age a guest's cached
page may have anyway, and never past the banner's end. Marking or ending one here
forgets it at once in this worker. With PAGE_CACHE_SECONDS 0 (the tests, one process)
only those writes and the banner's end renew it.
"""
import threading
import time
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _

from forum.audit import log_action
from forum.extensions import db
from forum.models import ContentStatus, Thread
from forum.receipts import clock
from forum.receipts.access import marks_urgent
from forum.receipts.models import UrgentBanner
from forum.service import Refused, commit
from forum.settings import page_cache_seconds


@dataclass(frozen=True)
class Banner:
    """What a page shows: the notice's id and title, and the banner's end (naive UTC)."""

    id: int
    thread_id: int
    title: str
    ends_at: datetime


_lock = threading.Lock()
_cached = []  # [(expires on time.monotonic(), Banner or None)]; empty: not read yet


def current_banner():
    """The banner live now, or None; read from the database at most once a window."""
    hit = _cached[0] if _cached else None
    if hit is not None and hit[0] > time.monotonic() and (
            hit[1] is None or hit[1].ends_at > clock.now()):
        return hit[1]
    banner = _live_banner()
    seconds = page_cache_seconds() or float("inf")
    if banner is not None:
        seconds = min(seconds, (banner.ends_at - clock.now()).total_seconds())
    with _lock:
        _cached[:] = [(time.monotonic() + seconds, banner)]
    return banner


def forget():
    """Read the banner again on the next page (after a write; tests)."""
    with _lock:
        _cached.clear()


def mark_urgent(thread, user, ends_at):
    """Show the notice as the banner until `ends_at`; one banner at a time."""
    _check_marks(user, thread)
    if ends_at is None:
        raise Refused(_("Give the time the banner ends."), field="ends_at")
    if ends_at <= clock.now():
        raise Refused(_("The banner's end has already passed: choose a later time."),
                      field="ends_at")
    if thread.status != ContentStatus.PUBLISHED:
        raise Refused(_("Only a published notice can be shown as a banner."))
    live = _live_banner()
    if live is not None:
        raise Refused(_("“%(title)s” is the banner until it ends; end it first.",
                        title=live.title), field="ends_at")
    banner = UrgentBanner(thread_id=thread.id, ends_at=ends_at, marked_by_id=user.id,
                          marked_at=clock.now())
    db.session.add(banner)
    db.session.flush()
    log_action(user, "urgent_mark", "notice", thread.id, thread.board_id)
    commit()
    forget()
    return banner


def end_urgent(thread, user):
    """End the notice's live banner now."""
    _check_marks(user, thread)
    live = _live_banner()
    if live is None or live.thread_id != thread.id:
        raise Refused(_("This notice is not the banner now."))
    db.session.get(UrgentBanner, live.id).ended_at = clock.now()
    log_action(user, "urgent_end", "notice", thread.id, thread.board_id)
    commit()
    forget()


def _check_marks(user, thread):
    if not marks_urgent(user, thread.board):
        raise Refused(_("Only the system admin and the 党政信息发布 unit mark notices urgent."))


def _live_banner():
    now = clock.now()
    row = db.session.execute(
        db.select(UrgentBanner.id, UrgentBanner.thread_id, Thread.title, UrgentBanner.ends_at)
        .join(Thread, Thread.id == UrgentBanner.thread_id)
        .where(UrgentBanner.ended_at.is_(None), UrgentBanner.ends_at > now,
               Thread.status == ContentStatus.PUBLISHED)
        .order_by(UrgentBanner.ends_at).limit(1)).first()
    return Banner(*row) if row else None
