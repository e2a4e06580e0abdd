"""Notifications about petitions: to the unit it was transferred to, to the petitioner
and, when one is overdue, to the board's moderators. They lead to the public thread."""
from flask_babel import gettext as _

from forum.extensions import db
from forum.models import BoardRole, LetterState, User
from forum.notifications.kinds import kind
from forum.notifications.service import notify
from forum.permissions import MODERATING_ROLES


def unit_account_ids(unit_id):
    """The live accounts of a unit."""
    return set(db.session.execute(db.select(User.id).where(
        User.unit_id == unit_id, User.is_unit_account.is_(True), User.deleted_at.is_(None))).scalars())


def moderator_ids(board):
    """The board's moderators and managers, and its unit's accounts."""
    by_role = set(db.session.execute(db.select(BoardRole.user_id).where(
        BoardRole.board_id == board.id, BoardRole.role.in_(MODERATING_ROLES))).scalars())
    return by_role | (unit_account_ids(board.unit_id) if board.unit_id else set())


def notify_unit(petition, what, actor=None):
    """Tell the accounts of the unit the petition was transferred to."""
    notify(unit_account_ids(petition.unit_id), what, actor=actor, thread=petition.thread,
           data={"petition": petition.id})


def notify_petitioner(petition, actor):
    """Tell the petitioner the petition moved on."""
    notify([petition.petitioner_id], "petition_state", actor=actor, thread=petition.thread,
           data={"petition": petition.id, "state": petition.state})


def notify_overdue(petition):
    """Tell the unit (once transferred) and the board's moderators it is late."""
    recipients = moderator_ids(petition.board)
    if petition.unit_id is not None:
        recipients |= unit_account_ids(petition.unit_id)
    notify(recipients, "petition_overdue", thread=petition.thread, data={"petition": petition.id})


@kind("petition_transferred")
def _transferred(n):
    return _("A petition was transferred to your unit: please answer it in public.")


@kind("petition_reopened")
def _reopened(n):
    return _("The petitioner reopened a petition your unit closed.")


@kind("petition_overdue")
def _overdue(n):
    return _("A petition is past its due date.")


@kind("petition_state")
def _state(n):
    return _("Your petition is now: %(state)s.", state=LetterState(n.data["state"]).label)
