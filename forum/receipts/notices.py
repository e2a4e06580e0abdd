"""Notifications to target units' accounts: a notice asks for their receipt, and a
reminder while they have not signed. They carry the notice's public title only; the
daily digest (forum/notifications/digest.py) mails them with the other unread ones."""
from flask_babel import gettext as _

from forum.extensions import db
from forum.models import User
from forum.notifications.kinds import kind
from forum.notifications.service import notify


def unit_account_ids(unit_ids):
    """The active unit accounts of these units."""
    return set(db.session.execute(db.select(User.id).where(
        User.unit_id.in_(unit_ids), User.is_unit_account.is_(True),
        User.deleted_at.is_(None))).scalars())


def notify_units(issue, unit_ids, what, actor):
    """Tell the accounts of these units about the notice (what: "receipt_request" or
    "receipt_reminder")."""
    notify(unit_account_ids(unit_ids), what, actor=actor, thread=issue.thread,
           data={"title": issue.thread.title})


@kind("receipt_request")
def _request(n):
    return _("A notice asks your unit to sign: “%(title)s”.", title=n.data.get("title", ""))


@kind("receipt_reminder")
def _reminder(n):
    return _("Reminder: your unit has not yet signed “%(title)s”.",
             title=n.data.get("title", ""))
