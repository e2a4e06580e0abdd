"""党务公开: disclosure notices with a public-notice period (公示期) and private feedback."""
from flask import Blueprint

bp = Blueprint("disclosure", __name__)


def init_app(app):
    """Register the disclosure pages, its tables and the disclosure board type."""
    from forum.disclosure import feedback_views, models  # noqa: F401

    app.register_blueprint(bp)
