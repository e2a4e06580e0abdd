"""我的: a member's own lists — the threads they started, their replies, what they follow."""
from flask import Blueprint

bp = Blueprint("mine", __name__)


def init_app(app):
    from forum.mine import views  # noqa: F401

    app.register_blueprint(bp)
