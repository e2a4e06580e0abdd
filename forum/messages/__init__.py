"""Private messages (站内信): conversations between members, blocks and reports."""
from flask import Blueprint

bp = Blueprint("messages", __name__)


def init_app(app):
    from forum.messages import views  # noqa: F401

    app.register_blueprint(bp)
