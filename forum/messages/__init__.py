"""Private messages (站内信): conversations between members, blocks and reports."""
from flask import Blueprint

bp = Blueprint("messages", __name__)
