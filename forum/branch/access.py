"""Who reads a branch and who runs it (DESIGN §4, §5). A branch's threads, meetings and
enquiries are read by its members and its secretary (the appointed one, or the owning
unit's account) alone: not the system admin, not the board's managers, not other units.
Only the owning unit's account or the system admin appoints a secretary."""
from forum.access import Access, is_admin
from forum.branch.models import MemberState, Membership
from forum.extensions import db
from forum.models import AdminRole


def _active(user):
    return user.is_authenticated and not user.is_banned


def is_secretary(user, branch):
    """The branch's secretary, or an account of the unit that owns it."""
    if not _active(user):
        return False
    return user.id == branch.secretary_id or owns(user, branch)


def owns(user, branch):
    """The owning unit's account."""
    return user.is_unit_account and user.unit_id is not None and user.unit_id == branch.unit_id


def may_appoint(user, branch):
    """The owning unit's account or the system admin appoints the secretary."""
    return _active(user) and (owns(user, branch) or is_admin(user, AdminRole.SYSTEM))


def membership(user, branch_id):
    """The user's membership row of the branch, in whatever state, or None."""
    if not user.is_authenticated:
        return None
    return db.session.execute(db.select(Membership).where(
        Membership.branch_id == branch_id, Membership.user_id == user.id)).scalar_one_or_none()


def is_member(user, branch):
    """A member in good standing (approved, neither suspended nor removed)."""
    if not _active(user):
        return False
    row = membership(user, branch.id)
    return row is not None and row.state == MemberState.MEMBER


def reads(user, branch):
    """Members and the secretary read and write the branch's content."""
    return is_secretary(user, branch) or is_member(user, branch)


def branch_access(user, branch):
    """VIEW|REPLY for members; the secretary also HANDLE; anyone else nothing."""
    if is_secretary(user, branch):
        return Access.VIEW | Access.REPLY | Access.HANDLE
    if is_member(user, branch):
        return Access.VIEW | Access.REPLY
    return Access.NONE
