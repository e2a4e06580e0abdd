"""Who is online: members and guests seen in the last ONLINE_MINUTES.

A visit only touches memory: each visitor is recorded at most once per WRITE_EVERY
seconds per process, and the background flusher of the view counts writes the batch
in one statement, so no page view waits on a write. Guests are told apart by a keyed
hash of their IP address and user agent; the address itself is never stored.
"""
import hashlib
import hmac
import threading
import time
from datetime import timedelta

from flask import current_app, request
from flask_login import current_user
from sqlalchemy import bindparam, delete, func

from forum.extensions import db
from forum.reads import read
from forum.inbound import is_probe
from forum.models import Presence
from forum.models.base import insert_for, utcnow
from forum.stats.view_counts import Flusher

ONLINE_MINUTES = 15
WRITE_EVERY = 60  # seconds between two records of the same visitor

_lock = threading.Lock()
_pending = {}   # key -> (user_id, seen_at), not yet written
_recorded = {}  # key -> monotonic time it was last recorded


def register(app):
    app.extensions["online"] = Flusher(app, flush, "online")
    app.before_request(record_visit)


def record_visit():
    """Note the visitor as seen now (in memory, throttled)."""
    if request.endpoint in (None, "static") or is_probe():
        return
    key, user_id = _visitor()
    now = time.monotonic()
    with _lock:
        last = _recorded.get(key)
        if last is not None and now - last < WRITE_EVERY:
            return
        _recorded[key] = now
        _pending[key] = (user_id, utcnow())
    current_app.extensions["online"].ensure_running()


def _visitor():
    user = current_user._get_current_object()  # every request: resolved once, not at each use
    if user.is_authenticated:
        return f"u{user.id}", user.id
    raw = f"{request.remote_addr}\0{request.user_agent.string}".encode()
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(), raw, hashlib.sha256)
    return "g" + digest.hexdigest()[:32], None


def flush():
    """Write the recorded visits in one batch and forget the stale ones; needs an app context."""
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        stale = time.monotonic() - WRITE_EVERY
        for key in [k for k, at in _recorded.items() if at < stale]:
            del _recorded[key]
    if not batch:
        return 0
    rows = [{"key": k, "user_id": uid, "seen_at": at} for k, (uid, at) in batch.items()]
    table = Presence.__table__
    try:
        with db.engine.begin() as connection:
            upsert = insert_for(connection.dialect.name)(table)
            upsert = upsert.on_conflict_do_update(index_elements=[table.c.key],
                                                  set_={"seen_at": upsert.excluded.seen_at})
            connection.execute(upsert, rows)
            connection.execute(delete(table).where(table.c.seen_at < _cutoff()))
    except Exception:
        with _lock:  # keep the visits for the next flush, unless newer ones came
            for key, value in batch.items():
                _pending.setdefault(key, value)
        raise
    return len(rows)


def _cutoff():
    return utcnow() - timedelta(minutes=ONLINE_MINUTES)


# Built once and run through Core (forum/reads.py): the board index asks on every build.
_SEEN = (db.select(func.count(Presence.user_id), func.count())
         .where(Presence.seen_at >= bindparam("cutoff")))
_SEEN_BUT = _SEEN.where(Presence.key.not_in(bindparam("keys", expanding=True)))


def online_counts():
    """{"members": n, "guests": n} seen in the last ONLINE_MINUTES (one statement)."""
    cutoff = _cutoff()
    with _lock:
        pending = {k: uid for k, (uid, at) in _pending.items() if at >= cutoff}
    # Those pending are counted from memory below, newer than their rows.
    members, everyone = (read(_SEEN_BUT, {"cutoff": cutoff, "keys": list(pending)})
                         if pending else read(_SEEN, {"cutoff": cutoff})).one()
    pending_members = sum(1 for uid in pending.values() if uid is not None)
    return {"members": members + pending_members,
            "guests": everyone - members + len(pending) - pending_members}


def clear():
    """Forget every unwritten visit and throttle (tests)."""
    with _lock:
        _pending.clear()
        _recorded.clear()
