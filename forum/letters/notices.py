"""Notifications about letters: to the writer (state changes, the answer) and to the
box's handlers (a new letter, an overdue one). They lead to the letter page and carry
no letter text, so a notification list shows nothing its owner may not read.

The writer of a sealed (whistleblower) letter is never notified: a notification row,
its mail in a digest, even one without a letter number, is created at the moment of a
step that the audit log also records, so a copy of the database would join the two and
name the writer. Their news is worked out when they look: see `my_letters`."""
from flask_babel import gettext as _

from forum.extensions import db
from forum.models import AdminRole, BoardRole, LetterState, Role, User
from forum.notifications.kinds import kind
from forum.notifications.service import notify


def handler_ids(board_id):
    """The accounts holding the handler role on a box."""
    return set(db.session.execute(db.select(BoardRole.user_id).where(
        BoardRole.board_id == board_id, BoardRole.role == Role.HANDLER)).scalars())


def notify_handlers(letter, what, actor=None):
    """Tell the box's handlers about a new or overdue letter."""
    notify(handler_ids(letter.board_id), what, actor=actor, url=_url(letter),
           data={"letter": letter.id})


def notify_unit(letter, actor):
    """Tell the accounts of the unit a letter was transferred to that it waits for them."""
    accounts = db.select(User.id).where(User.unit_id == letter.unit_id,
                                        User.is_unit_account.is_(True), User.deleted_at.is_(None))
    notify(db.session.execute(accounts).scalars(), "letter_transferred", actor=actor,
           url=_url(letter), data={"letter": letter.id})


def notify_box_admins(letter):
    """Tell the box's admins (its unit's accounts, or the system admins of a box no unit
    owns) that a letter is overdue: its number and box only, since they may not read it."""
    board = letter.board
    if board.unit_id is not None:
        admins = db.select(User.id).where(User.unit_id == board.unit_id,
                                          User.is_unit_account.is_(True))
    else:
        admins = db.select(User.id).where(User.admin_role == AdminRole.SYSTEM)
    recipients = set(db.session.execute(admins).scalars()) - handler_ids(letter.board_id)
    notify(recipients, "letter_overdue_box", url=f"/b/{board.slug}",
           data={"letter": letter.id, "box": board.name})


def notify_writer(letter, actor):
    """Tell the writer of an ordinary box's letter, if they have an account, that the
    letter moved on; a sealed letter's writer is told nothing (see above)."""
    if letter.writer_id is not None:
        notify([letter.writer_id], "letter_state", actor=actor, url=_url(letter),
               data={"letter": letter.id, "state": letter.state})


def _url(letter):
    # A path, not url_for: letters are also written outside requests (CLI, imports).
    return f"/letters/{letter.id}"


@kind("letter_new")
def _new(n):
    return _("A new letter (No. %(id)s) is waiting in your mailbox.", id=n.data.get("letter"))


@kind("letter_transferred")
def _transferred(n):
    return _("Letter No. %(id)s was transferred to your unit: please draft an answer.",
             id=n.data.get("letter"))


@kind("letter_drafted")
def _drafted(n):
    return _("%(actor)s drafted an answer to letter No. %(id)s: please review and send it.",
             actor=n.actor.name if n.actor else _("Someone"), id=n.data.get("letter"))


@kind("letter_overdue")
def _overdue(n):
    return _("Letter No. %(id)s is past its due date.", id=n.data.get("letter"))


@kind("letter_overdue_box")
def _overdue_in_box(n):
    return _("Letter No. %(id)s in %(box)s is past its due date; its handlers have been told.",
             id=n.data.get("letter"), box=n.data.get("box", ""))


@kind("letter_state")
def _state(n):
    state = LetterState(n.data["state"]).label
    return _("Your letter No. %(id)s is now: %(state)s.", id=n.data.get("letter"), state=state)
