"""党务公开: disclosure notices with a public-notice period (公示期) and private feedback."""
from flask import Blueprint

bp = Blueprint("disclosure", __name__)


def init_app(app):
    """Register the disclosure pages, its tables, its log labels and the board type."""
    from forum import labels
    from forum.disclosure import boardtype, feedback_views, views  # noqa: F401
    from forum.disclosure.logged import ACTIONS, TARGETS
    from forum.disclosure.models import DisclosureKind, DisclosureOutcome

    app.register_blueprint(bp)
    app.jinja_env.globals.update(DisclosureKind=DisclosureKind, DisclosureOutcome=DisclosureOutcome)
    labels.add_labels(actions=ACTIONS, targets=TARGETS)
