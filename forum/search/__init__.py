"""Chinese full-text search: the adapter, its backends and the /search page."""
from flask import Blueprint, current_app

bp = Blueprint("search", __name__)


def init_app(app):
    """Register /search; the index follows each commit (forum/search/changes.py), and
    every process drains what a failure left in the outbox every few seconds."""
    from forum.search import changes, views  # noqa: F401
    from forum.search.adapter import drain_stale
    from forum.stats.view_counts import Flusher

    app.register_blueprint(bp)
    app.extensions["search_outbox"] = Flusher(app, drain_stale, "search-outbox")
    app.before_request(_start_draining)


def _start_draining():
    current_app.extensions["search_outbox"].ensure_running()
