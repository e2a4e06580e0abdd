"""Site settings kept in the database, with defaults.

Every page reads some of them (the site's name and footer), so reading them must cost
no page a query: each worker keeps all the settings for at most SETTINGS_CACHE_SECONDS
(config.py). A commit that wrote a setting forgets them at once in this worker; other
workers see the change within those seconds. The tests forget them per test, as the tables are emptied below
the ORM. While the database is away the last settings read (or the defaults) stand in:
the error pages and the page cache read them too, and must not fail for it.
"""
import copy
import threading
import time
from contextlib import suppress

from flask import current_app
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from forum.extensions import db
from forum.models import SiteSetting
from forum.models.site import CONFIG_DEFAULTS, SITE_DEFAULTS

_WRITTEN = "site_settings_written"  # a session's info key: a setting was put in it

_lock = threading.Lock()
_cached = []  # [(expires on time.monotonic(), {key: stored value})]; empty: not read yet


def get_setting(key):
    """The value of a site setting, or its default (read through the worker's cache)."""
    stored = _stored()
    if key in stored:  # a copy: callers may change a dict or list without changing the cache's
        return copy.deepcopy(stored[key])
    if key in CONFIG_DEFAULTS:
        return current_app.config.get(CONFIG_DEFAULTS[key])
    return SITE_DEFAULTS[key]


def page_cache_seconds():
    """How old a guest's cached page (and the caches that follow it) may be; 0: no cache."""
    return get_setting("page_cache_seconds") or 0


def site_name():
    """The forum's name: as the system admin set it, else the translated default."""
    return get_setting("site_name") or _("Zhijin Party-building Forum")


def site_footer():
    """The footer under every page as HTML, or None for the default line."""
    html = get_setting("site_footer_html")
    return Markup(html) if html else None


def stored_settings():
    """{key: value} of the settings in the database now, past the cache."""
    return dict(db.session.execute(db.select(SiteSetting.key, SiteSetting.value)).all())


def put_setting(key, value):
    """Set a site setting in the current unit of work (the caller commits)."""
    row = db.session.get(SiteSetting, key)
    if row is None:
        db.session.add(SiteSetting(key=key, value=value))
    else:
        row.value = value
    db.session.info[_WRITTEN] = True


def forget():
    """Read the settings again on the next use (after a write; tests)."""
    with _lock:
        _cached.clear()


def _stored():
    hit = _cached[0] if _cached else None
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    try:
        stored = stored_settings()
    except (OperationalError, DisconnectionError):
        with suppress(SQLAlchemyError):
            db.session.rollback()
        return hit[1] if hit is not None else {}
    with _lock:
        _cached[:] = [(time.monotonic() + current_app.config["SETTINGS_CACHE_SECONDS"], stored)]
    return stored


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_after_write(session):
    # After the commit, not the flush: a page of this worker reading the settings between
    # the two would keep the old values for SETTINGS_CACHE_SECONDS.
    if session.info.pop(_WRITTEN, False):
        forget()
