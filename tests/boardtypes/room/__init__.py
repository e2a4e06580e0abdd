"""密室, a throw-away board type: a sealed room where only a thread's author and the
room's counsellors read it. It is built from the seam alone (forum/boards/registry.py and
forum/hooks.py) and lives wholly in this folder, as a feature package under forum/ does:
nothing in forum/ names it."""
from flask import Blueprint

bp = Blueprint("test_room", __name__, template_folder="templates")


def init_app(app):
    from tests.boardtypes.room import boardtype, listeners  # noqa: F401

    app.register_blueprint(bp)
