"""Notifications: the bell in the header and the page that lists them."""
from flask import Blueprint

bp = Blueprint("notifications", __name__)


def init_app(app):
    """Register the notification pages, following, and the bell (a header section)."""
    from forum.notifications import follow_views, listeners, views  # noqa: F401

    app.register_blueprint(bp)
