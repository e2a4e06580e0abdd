"""`GET /healthz` for load balancers (issue 24, DESIGN §9)."""
from flask import Blueprint

bp = Blueprint("health", __name__)


def init_app(app):
    from forum.health import views  # noqa: F401

    app.register_blueprint(bp)
