"""Attachments on posts, and avatars: upload, check, keep, serve to those who may read."""
from flask import Blueprint

bp = Blueprint("attachments", __name__)


def init_app(app):
    """Register the file routes and what attachments plug into the post forms."""
    from forum.attachments import listeners, views  # noqa: F401
    from forum.attachments.editor import file_size

    app.register_blueprint(bp)
    app.jinja_env.globals["file_size"] = file_size
