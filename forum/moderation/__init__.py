"""Moderation: the queue, reports, actions on threads and posts, bans, the word filter, the logs."""
from flask import Blueprint

bp = Blueprint("mod", __name__)


def init_app(app):
    """Register the moderators' pages, the ban guard and moderation's validators and
    receivers (forum/moderation/listeners.py)."""
    from forum.moderation import guard, listeners, views  # noqa: F401

    app.register_blueprint(bp)
    guard.register(app)
    app.jinja_env.globals["ban_message"] = guard.ban_message
