"""Notifications: the bell in the header and the page that lists them."""
from flask import Blueprint

bp = Blueprint("notifications", __name__)


def init_app(app):
    """Register the notification pages, following, and the bell's count."""
    from flask_login import current_user

    from forum.notifications import follow_views, listeners, views  # noqa: F401
    from forum.notifications.service import unread_count

    app.register_blueprint(bp)
    app.context_processor(lambda: {"unread_notifications": unread_count(current_user)
                                   if current_user and current_user.is_authenticated else 0})
