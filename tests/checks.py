"""Small questions tests ask of pages and of the audit log."""
from flask_babel import gettext
from markupsafe import escape

from forum.extensions import db
from forum.models import ModAction


def says(page, message, **params):
    """Does the page show this message, in the language it was rendered in?"""
    return str(escape(gettext(message, **params))) in page


def log(action=None):
    """The ModAction rows, oldest first, of one action or of all."""
    db.session.expire_all()
    query = db.select(ModAction).order_by(ModAction.id)
    if action:
        query = query.where(ModAction.action == action)
    return db.session.execute(query).scalars().all()
