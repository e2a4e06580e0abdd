"""The core forum: index, boards, threads and posts."""
from flask import Blueprint

bp = Blueprint("boards", __name__)
