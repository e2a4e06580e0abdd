"""党务公开: disclosure notices with a public-notice period (公示期) and private feedback."""
from flask import Blueprint

bp = Blueprint("disclosure", __name__)


def init_app(app):
    """Register the disclosure pages, its tables and the disclosure board type."""
    from forum.disclosure import boardtype, views  # noqa: F401
    from forum.disclosure.models import DisclosureKind, DisclosureOutcome

    app.register_blueprint(bp)
    app.jinja_env.globals.update(DisclosureKind=DisclosureKind, DisclosureOutcome=DisclosureOutcome)
