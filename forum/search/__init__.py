"""Chinese full-text search: the adapter, its backends and the /search page."""
from flask import Blueprint

bp = Blueprint("search", __name__)
