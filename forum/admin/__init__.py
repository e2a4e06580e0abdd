"""The control panel: three separate admin roles (三员分立)."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")


def init_app(app):
    from forum.admin import (accounts, catalogue_views, invitation_views,  # noqa: F401
                             last_backup, message_reports, uploads, views)

    app.register_blueprint(bp)
