"""The online training centre: studying, identity checks, records."""
from flask import Blueprint

bp = Blueprint("training", __name__)


def init_app(app):
    """Register the training pages and the training board type."""
    from forum.training import boardtype, campaign_views, views  # noqa: F401

    app.register_blueprint(bp)
