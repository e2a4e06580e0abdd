"""The control panel: three separate admin roles (三员分立)."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")
