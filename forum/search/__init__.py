"""Chinese full-text search: the adapter, its backends and the /search page."""
from flask import Blueprint

bp = Blueprint("search", __name__)


def init_app(app):
    """Register /search; the index follows each commit (forum/search/changes.py)."""
    from forum.search import changes, views  # noqa: F401

    app.register_blueprint(bp)
