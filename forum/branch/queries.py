"""Reads of the branches: the public list (names, units, member counts), a branch's
threads, members, meetings, attendance, enquiries, and the figures (aggregates only)."""
from sqlalchemy.orm import joinedload

from forum.branch.models import (Attendance, BranchThread, EnquiryState, Meeting,
                                 MemberState, Membership, PartyBranch, Presence,
                                 TransferEnquiry)
from forum.extensions import db
from forum.models import ContentStatus, Thread, Unit
from forum.models.base import utcnow


def branch_of_thread(thread_id):
    """The branch a thread belongs to, or None."""
    return db.session.execute(
        db.select(PartyBranch).join(BranchThread, BranchThread.branch_id == PartyBranch.id)
        .where(BranchThread.thread_id == thread_id)).scalar_one_or_none()


def branch_list(board):
    """[(branch, member count)] of the board, by unit and name: what anyone may know."""
    members = (db.select(db.func.count(Membership.id)).where(
        Membership.branch_id == PartyBranch.id, Membership.state == MemberState.MEMBER)
        .scalar_subquery())
    return db.session.execute(
        db.select(PartyBranch, members).options(joinedload(PartyBranch.unit))
        .join(Unit, Unit.id == PartyBranch.unit_id).where(PartyBranch.board_id == board.id)
        .order_by(Unit.position, Unit.name, PartyBranch.name)).all()


def units():
    """The units a branch may belong to, in the index's order."""
    return db.session.execute(db.select(Unit).order_by(Unit.position, Unit.name)).scalars().all()


def memberships_of(user):
    """The user's memberships, with their branches, newest first."""
    if not user.is_authenticated:
        return []
    return db.session.execute(
        db.select(Membership).options(joinedload(Membership.branch).joinedload(PartyBranch.unit))
        .where(Membership.user_id == user.id).order_by(Membership.id.desc())).scalars().all()


def member_count(branch):
    return db.session.execute(db.select(db.func.count(Membership.id)).where(
        Membership.branch_id == branch.id, Membership.state == MemberState.MEMBER)).scalar_one()


def members(branch):
    """Every membership row of the branch (applications first), with its account."""
    order = db.case((Membership.state == MemberState.APPLIED, 0), else_=1)
    return db.session.execute(
        db.select(Membership).options(joinedload(Membership.user))
        .where(Membership.branch_id == branch.id)
        .order_by(order, Membership.state, Membership.id)).scalars().all()


def branch_threads(branch, limit=50):
    """The branch's published threads, latest activity first."""
    return db.session.execute(
        db.select(Thread).join(BranchThread, BranchThread.thread_id == Thread.id)
        .where(BranchThread.branch_id == branch.id, Thread.status == ContentStatus.PUBLISHED)
        .order_by(Thread.last_post_at.desc()).limit(limit)).scalars().all()


def meetings(branch_ids, start=None, end=None):
    """Meetings of these branches (starting within [start, end) if given), latest first."""
    query = db.select(Meeting).options(joinedload(Meeting.branch)).where(
        Meeting.branch_id.in_(branch_ids))
    if start is not None:
        query = query.where(Meeting.starts_at >= start, Meeting.starts_at < end)
    return db.session.execute(query.order_by(Meeting.starts_at.desc())).scalars().all()


def attendance(meeting_ids):
    """{(meeting id, user id): Attendance} for these meetings."""
    if not meeting_ids:
        return {}
    rows = db.session.execute(db.select(Attendance).options(joinedload(Attendance.user)).where(
        Attendance.meeting_id.in_(meeting_ids))).scalars()
    return {(row.meeting_id, row.user_id): row for row in rows}


def current_members(branch):
    """The branch's members in good standing, with their accounts, by name."""
    return [m for m in members(branch) if m.state == MemberState.MEMBER]


def enquiries_queue(branch):
    """The branch's open enquiries first (oldest first), then the closed ones."""
    done = db.case((TransferEnquiry.state == EnquiryState.DONE, 1), else_=0)
    return db.session.execute(
        db.select(TransferEnquiry).options(joinedload(TransferEnquiry.member))
        .where(TransferEnquiry.branch_id == branch.id)
        .order_by(done, TransferEnquiry.id)).scalars().all()


def enquiries_of(user):
    return db.session.execute(
        db.select(TransferEnquiry).options(joinedload(TransferEnquiry.branch))
        .where(TransferEnquiry.member_id == user.id)
        .order_by(TransferEnquiry.id.desc())).scalars().all()


def figures_by_branch(board_ids=None):
    """{branch id: (unit name, members, mobile, meetings held, signed in)}: counts only."""
    member = Membership.state == MemberState.MEMBER
    members_q = (db.select(Membership.branch_id, db.func.count(Membership.id),
                           db.func.count(Membership.id).filter(Membership.mobile.is_(True)))
                 .where(member).group_by(Membership.branch_id))
    held = Meeting.ends_at <= utcnow()
    meetings_q = db.select(Meeting.branch_id, db.func.count(Meeting.id)).where(held).group_by(
        Meeting.branch_id)
    signed_q = (db.select(Meeting.branch_id, db.func.count(Attendance.id))
                .join(Attendance, Attendance.meeting_id == Meeting.id)
                .where(held, Attendance.presence == Presence.SIGNED).group_by(Meeting.branch_id))
    branches = db.select(PartyBranch.id, Unit.name).join(Unit, Unit.id == PartyBranch.unit_id)
    if board_ids is not None:
        branches = branches.where(PartyBranch.board_id.in_(board_ids))
    counts = {bid: (n, mobile) for bid, n, mobile in db.session.execute(members_q)}
    held_n = dict(db.session.execute(meetings_q).all())
    signed = dict(db.session.execute(signed_q).all())
    return {bid: (unit, *counts.get(bid, (0, 0)), held_n.get(bid, 0), signed.get(bid, 0))
            for bid, unit in db.session.execute(branches)}
