"""Profile extras: signatures and the 人才风采 talent flag with its talent list (人才库)."""
from flask import Blueprint

bp = Blueprint("profiles", __name__)


def init_app(app):
    from forum.profiles import views  # noqa: F401

    app.register_blueprint(bp)
