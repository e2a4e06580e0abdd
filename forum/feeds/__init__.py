"""Atom feeds of the public boards (the site's notices included)."""
from flask import Blueprint

bp = Blueprint("feeds", __name__)


def init_app(app):
    from forum.feeds import views  # noqa: F401

    app.register_blueprint(bp)
