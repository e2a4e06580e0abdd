"""The core forum: index, boards, threads and posts."""
from flask import Blueprint

bp = Blueprint("boards", __name__)

from forum.boards import views  # noqa: E402,F401
