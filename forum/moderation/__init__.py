"""Moderation: the queue, reports, actions on threads and posts, bans, the word filter, the logs."""
from flask import Blueprint

bp = Blueprint("mod", __name__)


def init_app(app):
    """Register the moderators' pages, the ban guard and moderation's validators and
    receivers (forum/moderation/listeners.py)."""
    from flask_login import current_user

    from forum.moderation import guard, listeners, views  # noqa: F401
    from forum.permissions import is_moderator

    app.register_blueprint(bp)
    guard.register(app)
    app.jinja_env.globals["ban_message"] = guard.ban_message
    app.context_processor(lambda: {"moderates": bool(current_user) and is_moderator(current_user)})
