"""Letters to the leaders' mailboxes: writing, tracking and triage (DESIGN §4)."""
from flask import Blueprint

bp = Blueprint("letters", __name__)


def init_app(app):
    """Register the letter pages and the mailbox board type."""
    from forum.letters import boardtype, views  # noqa: F401

    app.register_blueprint(bp)
