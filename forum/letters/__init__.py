"""Letters to the leaders' mailboxes: writing, tracking and triage (DESIGN §4)."""
from flask import Blueprint

bp = Blueprint("letters", __name__)
