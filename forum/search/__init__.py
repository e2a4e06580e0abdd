"""Chinese full-text search: the adapter, its backends and the /search page."""
from flask import Blueprint, current_app

bp = Blueprint("search", __name__)


def init_app(app):
    """Register /search; the index follows each commit (forum/search/changes.py) through
    the process's outbox thread, which also drains what a failure left every few seconds."""
    from forum.search import changes, views  # noqa: F401
    from forum.search.adapter import drain_stale
    from forum.search.indexer import drain_gathered_here
    from forum.stats.view_counts import Flusher

    app.register_blueprint(bp)
    # Woken after each commit that wrote outbox rows: it applies them, and what other
    # requests committed meanwhile, in one index write (forum/search/changes.py), unless
    # the server's indexer process does (forum/search/indexer.py).
    app.extensions["search_outbox"] = Flusher(app, drain_stale, "search-outbox",
                                              woken=drain_gathered_here)
    app.before_request(_start_draining)


def _start_draining():
    current_app.extensions["search_outbox"].ensure_running()
