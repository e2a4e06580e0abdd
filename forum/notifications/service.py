"""Writing and reading notifications.

`notify` only adds rows to the transaction: the service that caused the event commits them
together with the event, so a notification exists exactly when its event does.
"""
from flask import g
from sqlalchemy import bindparam, func, insert, update

from forum.extensions import db
from forum.reads import read
from forum.models import Notification, User
from forum.models.base import utcnow
from forum.service import commit

PAGE_SIZE = 30
# Built once: the bell of every member's page asks it.
_UNREAD = db.select(func.count(Notification.id)).where(
    Notification.user_id == bindparam("user_id"), Notification.read_at.is_(None))
# Every post's notifications: built once too, on the table (the ORM's bulk INSERT of the
# same rows cost 150 µs more).
_INSERT = insert(Notification.__table__)


def notify(recipients, kind, *, actor=None, thread=None, post=None, url=None, data=None):
    """Add one notification of kind per recipient (users or ids), never to the actor."""
    actor_id = _id_of(actor)
    ids = {_id_of(recipient) for recipient in recipients} - {actor_id, None}
    thread_id = thread.id if thread is not None else (post.thread_id if post else None)
    rows = [{"user_id": user_id, "kind": kind, "actor_id": actor_id, "thread_id": thread_id,
             "post_id": post.id if post is not None else None, "url": url, "data": data or {}}
            for user_id in sorted(ids)]
    if rows:  # one INSERT for every recipient, however many follow a thread
        db.session.execute(_INSERT, rows)


def unread_count(user):
    """How many of the user's notifications are unread; asked once per request."""
    if "unread_notifications" not in g:
        g.unread_notifications = read(_UNREAD, {"user_id": user.id}).scalar_one()
    return g.unread_notifications


def inbox(user, page):
    """A page of the user's notifications, newest first."""
    return db.paginate(
        db.select(Notification).where(Notification.user_id == user.id)
        .options(db.joinedload(Notification.actor), db.joinedload(Notification.thread))
        .order_by(Notification.id.desc()), page=page, per_page=PAGE_SIZE, error_out=False)


def open_notification(user, notification_id):
    """Mark one of the user's notifications read and return it; None if not theirs."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        return None
    if notification.read_at is None:
        notification.read_at = utcnow()
        commit()
    return notification


def mark_all_read(user):
    """Mark every notification of the user read."""
    db.session.execute(update(Notification)
                       .where(Notification.user_id == user.id, Notification.read_at.is_(None))
                       .values(read_at=utcnow()))
    commit()


def _id_of(user):
    if user is None or isinstance(user, int):
        return user
    return user.id if isinstance(user, User) else getattr(user, "id", None)
