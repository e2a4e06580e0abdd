"""Fetch a disclosure for its issuer's tools, or abort: 404 for a disclosure the user may
not see (as for none), 403 for anyone but the issuing unit's account."""
from flask import abort
from flask_login import current_user

from forum.access import Access, require
from forum.disclosure.access import manages_disclosure
from forum.disclosure.queries import get_disclosure
from forum.permissions import access_for


def load_disclosure(disclosure_id):
    """The disclosure, if the current user is its issuing unit's account."""
    disclosure = get_disclosure(disclosure_id)
    if disclosure is None:
        abort(404)
    require(Access.VIEW, access_for(current_user, disclosure.thread.board, disclosure.thread),
            private=True)
    if not manages_disclosure(current_user, disclosure):
        abort(403)
    return disclosure
