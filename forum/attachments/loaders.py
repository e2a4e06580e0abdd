"""Fetch an attachment for a view, or 404: alike for a missing file and a forbidden one."""
from flask import abort
from flask_login import current_user

from forum.extensions import db
from forum.models import Attachment
from forum.permissions import can_read_attachment


def load_attachment(token):
    """The attachment, if the current user may read it (exactly those who read its post)."""
    attachment = db.session.execute(
        db.select(Attachment).where(Attachment.token == token)).scalar_one_or_none()
    if attachment is None or not can_read_attachment(current_user, attachment):
        abort(404)
    return attachment
