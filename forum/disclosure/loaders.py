"""Fetch a disclosure or its feedback for a view, or abort with 404: the feedback of a
disclosure exists, for anyone but its readers, exactly as much as no feedback does."""
from flask import abort
from flask_login import current_user
from sqlalchemy.orm import joinedload

from forum.access import Access, require
from forum.disclosure.feedback_access import feedback_access
from forum.disclosure.models import Disclosure, DisclosureFeedback
from forum.extensions import db
from forum.models import ContentStatus, Thread


def load_disclosure_for_feedback(disclosure_id):
    """A disclosure whose notice is published (a hidden one answers 404), to write to."""
    disclosure = db.session.execute(
        db.select(Disclosure).join(Thread, Thread.id == Disclosure.thread_id)
        .options(joinedload(Disclosure.thread))
        .where(Disclosure.id == disclosure_id, Thread.status == ContentStatus.PUBLISHED)
    ).scalar_one_or_none()
    if disclosure is None:
        abort(404)
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
