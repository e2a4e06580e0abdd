"""The online training centre: studying, identity checks, records."""
from flask import Blueprint

bp = Blueprint("training", __name__)
