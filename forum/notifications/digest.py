"""Email digests: unread notifications, mailed to members who asked for them."""
from flask import current_app
from flask_babel import gettext as _

from forum.extensions import db
from forum.mail import send_mail
from forum.models import Notification, User
from forum.models.base import utcnow
from forum.notifications.kinds import describe
from forum.service import Refused, commit

MOST = 50  # a digest is a reminder, not an archive


def set_digest(user, wanted):
    """Turn the daily digest on or off; it needs an email address."""
    if wanted and not user.email:
        raise Refused(_("Add an email address on your account page first."))
    user.wants_digest = bool(wanted)
    commit()


def send_digests():
    """Mail each member who wants it the unread notifications since their last digest;
    one commit per member, so a failure stops no one else's. Returns how many were sent."""
    sent = 0
    for user in db.session.execute(db.select(User).where(
            User.wants_digest.is_(True), User.email.is_not(None),
            User.deleted_at.is_(None))).scalars().all():
        notes = _news_for(user)
        if notes:
            send_mail(user.email, _("Your notifications"), _body(notes))
            sent += 1
        user.digest_sent_at = utcnow()
        commit()
    return sent


def _news_for(user):
    query = db.select(Notification).where(Notification.user_id == user.id,
                                          Notification.read_at.is_(None))
    if user.digest_sent_at is not None:
        query = query.where(Notification.created_at > user.digest_sent_at)
    return db.session.execute(query.order_by(Notification.id).limit(MOST)).scalars().all()


def _body(notes):
    base = current_app.config["FORUM_BASE_URL"].rstrip("/")
    lines = [f"- {describe(note)}\n  {base}/notifications/{note.id}" for note in notes]
    return "\n".join([_("Unread notifications:"), "", *lines, "",
                      _("To stop these mails, untick the digest on your notifications page.")])
