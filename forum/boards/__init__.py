"""The core forum: index, boards, threads and posts."""
from flask import Blueprint

bp = Blueprint("boards", __name__)


def init_app(app):
    """Register the forum's pages and its own board type (discussion; notices are forum.receipts')."""
    from forum.boards import holes, manage, reading_views, views  # noqa: F401
    from forum.boards.registry import get_type
    from forum.boards.types import discussion  # noqa: F401
    from forum.icons import icon
    from forum.navigation import nav_places

    app.register_blueprint(bp)
    app.jinja_env.globals.update(get_type=get_type, nav_places=nav_places, icon=icon)
