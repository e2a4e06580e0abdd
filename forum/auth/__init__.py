"""Accounts: register, log in, log out."""
from flask import Blueprint

bp = Blueprint("auth", __name__)


def init_app(app):
    """Register the account pages and end idle admin sessions."""
    from forum.auth import account_views, profile, reset_views, sessions, views  # noqa: F401

    app.register_blueprint(bp)
    sessions.register(app)
