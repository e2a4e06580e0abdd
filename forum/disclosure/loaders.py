"""Fetch a disclosure or its feedback for a view, or abort: 404 for a disclosure the user
may not see (as for none) and for feedback they may not read (it exists, for anyone but
its readers, exactly as much as no feedback does); 403 for an issuer's tool in anyone
else's hands."""
from flask import abort
from flask_login import current_user

from forum.access import Access, require
from forum.disclosure.access import manages_disclosure
from forum.disclosure.feedback_access import feedback_access
from forum.disclosure.models import Disclosure, DisclosureFeedback
from forum.disclosure.queries import get_disclosure
from forum.extensions import db
from forum.permissions import access_for


def load_disclosure_for_feedback(disclosure_id):
    """A disclosure the current user may read, to write to."""
    disclosure = get_disclosure(disclosure_id)
    if disclosure is None:
        abort(404)
    require(Access.VIEW, access_for(current_user, disclosure.thread.board, disclosure.thread),
            private=True)
    return disclosure


def load_disclosure(disclosure_id):
    """The disclosure, if the current user is its issuing unit's account."""
    disclosure = load_disclosure_for_feedback(disclosure_id)
    if not manages_disclosure(current_user, disclosure):
        abort(403)
    return disclosure


def load_feedback_of(disclosure_id, need=Access.HANDLE):
    """The disclosure, if the current user reads its feedback (else 404)."""
    disclosure = db.session.get(Disclosure, disclosure_id)
    if disclosure is None:
        abort(404)
    require(need, feedback_access(current_user, disclosure), private=True)
    return disclosure


def load_feedback(feedback_id, need=Access.HANDLE):
    """One piece of feedback, if the current user reads its disclosure's feedback (else 404)."""
    feedback = db.session.get(DisclosureFeedback, feedback_id)
    if feedback is None:
        abort(404)
    require(need, feedback_access(current_user, feedback.disclosure), private=True)
    return feedback
