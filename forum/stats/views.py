"""The public figures page: every feature adds its own section."""
from flask import Blueprint, render_template

from forum import hooks

bp = Blueprint("stats", __name__)


@bp.get("/stats")
def index():
    return render_template("stats/index.html", sections=hooks.sections("stats"))
