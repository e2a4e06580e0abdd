"""Small questions tests ask of pages and of the audit log."""
from flask_babel import gettext, ngettext
from markupsafe import escape

from forum.extensions import db
from forum.models import ModAction


def says(page, message, **params):
    """Does the page show this message, in the language it was rendered in?"""
    return str(escape(gettext(message, **params))) in page


def says_the_wait(page):
    """Does a 429 page say how many minutes (1 to 15) to wait?"""
    return any(str(escape(ngettext("You are doing that too often. Please try again in %(num)d minute.",
                                   "You are doing that too often. Please try again in %(num)d minutes.",
                                   n))) in page for n in range(1, 16))


def log(action=None):
    """The ModAction rows, oldest first, of one action or of all."""
    db.session.expire_all()
    query = db.select(ModAction).order_by(ModAction.id)
    if action:
        query = query.where(ModAction.action == action)
    return db.session.execute(query).scalars().all()
