"""Writes to branches and memberships: create a branch, appoint its secretary, apply,
approve or refuse, add, suspend, restore, remove, mark 流动党员. Each checks who acts,
commits once and logs the change (forum.audit) with no words of the member's."""
from flask_babel import gettext as _

from forum.audit import log_action
from forum.boards.services import check_not_archived
from forum.branch.access import is_secretary, may_appoint, membership
from forum.branch.models import MemberState, Membership, PartyBranch
from forum.branch.rules import check_text
from forum.extensions import db
from forum.models import Unit, User
from forum.models.base import utcnow
from forum.service import Refused, commit

# Which states each secretary's action moves a membership out of, and into.
MOVES = {
    "approve": ({MemberState.APPLIED}, MemberState.MEMBER),
    "refuse": ({MemberState.APPLIED}, MemberState.REFUSED),
    "suspend": ({MemberState.MEMBER}, MemberState.SUSPENDED),
    "restore": ({MemberState.SUSPENDED}, MemberState.MEMBER),
    "remove": ({MemberState.MEMBER, MemberState.SUSPENDED}, MemberState.REMOVED),
}


def create_branch(board, actor, *, name, unit_id, secretary=""):
    """A new branch of the board, owned by a unit, with its secretary if named."""
    check_not_archived(board)
    name = check_text(name, "name", 60)
    unit = db.session.get(Unit, unit_id) if unit_id else None
    if unit is None:
        raise Refused(_("Choose the unit that owns the branch."), field="unit")
    branch = PartyBranch(board_id=board.id, unit_id=unit.id, name=name,
                         secretary_id=_account(secretary, "secretary").id if secretary else None)
    db.session.add(branch)
    db.session.flush()
    log_action(actor, "branch_create", "branch", branch.id, board.id)
    commit()
    return branch


def appoint_secretary(branch, actor, username):
    """The owning unit's account or the system admin names the branch's secretary."""
    check_not_archived(branch.board)
    if not may_appoint(actor, branch):
        raise Refused(_("Only the owning unit's account appoints the secretary."))
    branch.secretary_id = _account(username).id
    log_action(actor, "branch_secretary", "branch", branch.id, branch.board_id)
    commit()
    return branch


def apply_to_branch(branch, user, home):
    """Ask to join; once is enough (a refused applicant may ask again)."""
    check_not_archived(branch.board)
    home = check_text(home, "home", 100)
    row = membership(user, branch.id)
    if row is not None and row.state != MemberState.REFUSED:
        raise Refused(_("You have already applied to this branch or belong to it."), field="home")
    row = row or Membership(branch_id=branch.id, user_id=user.id)
    row.state, row.home, row.refusal, row.decided_at = MemberState.APPLIED, home, "", None
    db.session.add(row)
    db.session.flush()
    log_action(user, "branch_apply", "branch_membr", row.id, branch.board_id)
    commit(on_conflict=Refused(_("You have already applied to this branch or belong to it."),
                               field="home"))
    return row


def add_member(branch, secretary, username, home=""):
    """The secretary adds an account as a member at once."""
    check_not_archived(branch.board)
    _check_secretary(secretary, branch)
    user = _account(username)
    if membership(user, branch.id) is not None:
        raise Refused(_("This account has already applied to this branch or belongs to it."),
                      field="username")
    row = Membership(branch_id=branch.id, user_id=user.id, state=MemberState.MEMBER,
                     home=check_text(home, "home", 100, required=False), decided_at=utcnow())
    db.session.add(row)
    db.session.flush()
    log_action(secretary, "branch_add", "branch_membr", row.id, branch.board_id)
    commit()
    return row


def decide_membership(row, secretary, action, reason=""):
    """Approve, refuse (with a reason), suspend, restore or remove a membership."""
    check_not_archived(row.branch.board)
    _check_secretary(secretary, row.branch)
    if action not in MOVES:
        raise Refused(_("Choose what to do with this membership."))
    sources, target = MOVES[action]
    if row.state not in sources:
        raise Refused(_("This membership is %(state)s: that cannot be done now.",
                        state=MemberState(row.state).label))
    if action == "refuse":
        row.refusal = check_text(reason, "reason", 200)
    row.state, row.decided_at = target, utcnow()
    log_action(secretary, f"branch_{action}", "branch_membr", row.id, row.branch.board_id)
    commit()
    return row


def mark_mobile(row, secretary, mobile, where=""):
    """Mark a member 流动党员 and where they are, or no longer."""
    check_not_archived(row.branch.board)
    _check_secretary(secretary, row.branch)
    if row.state not in (MemberState.MEMBER, MemberState.SUSPENDED):
        raise Refused(_("Only a member may be marked a mobile Party member."))
    row.mobile = bool(mobile)
    row.mobile_where = check_text(where, "where", 100) if row.mobile else ""
    log_action(secretary, "branch_mobile", "branch_membr", row.id, row.branch.board_id)
    commit()
    return row


def _check_secretary(user, branch):
    if not is_secretary(user, branch):
        raise Refused(_("Only this branch's secretary may do that."))


def _account(username, field="username"):
    user = db.session.execute(db.select(User).where(
        User.username_key == (username or "").strip().casefold())).scalar_one_or_none()
    if user is None:
        raise Refused(_("No account has this username."), field=field)
    return user
