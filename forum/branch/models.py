"""网上支部's tables: branches inside the one branch board, their members, the threads
that belong to each, 三会一课 meetings with attendance, and transfer enquiries.

A branch thread is a forum Thread (so replies, edits and files are the core's), tied to
its branch by `BranchThread`; the board type reads that row to decide who sees it."""
from flask_babel import lazy_gettext as _l

from forum.extensions import db
from forum.models.base import LabelledEnum, utcnow


class MemberState(LabelledEnum):
    """Where a membership of a branch stands."""

    APPLIED = "applied", _l("Applied")
    MEMBER = "member", _l("Member")
    REFUSED = "refused", _l("Refused")
    SUSPENDED = "suspended", _l("Suspended")
    REMOVED = "removed", _l("Removed")


class MeetingKind(LabelledEnum):
    """三会一课 and 主题党日."""

    GENERAL = "general", _l("Branch general meeting (支部党员大会)")
    COMMITTEE = "committee", _l("Branch committee meeting (支委会)")
    GROUP = "group", _l("Party group meeting (党小组会)")
    LECTURE = "lecture", _l("Party lecture (党课)")
    THEME_DAY = "theme_day", _l("Theme Party day (主题党日)")


class Presence(LabelledEnum):
    """A member's attendance of one meeting (no row: absent)."""

    SIGNED = "signed", _l("Signed in")
    LEAVE = "leave", _l("On leave")


class EnquiryState(LabelledEnum):
    """Where a transfer enquiry (组织关系转接) stands."""

    PENDING = "pending", _l("Pending (待处理)")
    PROCESSING = "processing", _l("Processing (处理中)")
    DONE = "done", _l("Done (已办结)")


class PartyBranch(db.Model):
    """A branch (支部), owned by a unit, run by its secretary and the unit's account."""

    id = db.Column(db.Integer, primary_key=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False, index=True)
    unit_id = db.Column(db.ForeignKey("unit.id"), nullable=False, index=True)
    name = db.Column(db.String(60), nullable=False)
    secretary_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    unit = db.relationship("Unit")
    board = db.relationship("Board")
    secretary = db.relationship("User")


class Membership(db.Model):
    """One account's membership of one branch, from its application on."""

    __table_args__ = (db.UniqueConstraint("branch_id", "user_id"),)

    id = db.Column(db.Integer, primary_key=True)
    branch_id = db.Column(db.ForeignKey("party_branch.id"), nullable=False, index=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    state = db.Column(db.String(10), nullable=False, default=MemberState.APPLIED)
    home = db.Column(db.String(100), nullable=False, default="")  # home branch or workplace
    refusal = db.Column(db.String(200), nullable=False, default="")
    mobile = db.Column(db.Boolean, nullable=False, default=False)  # 流动党员
    mobile_where = db.Column(db.String(100), nullable=False, default="")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    decided_at = db.Column(db.DateTime, nullable=True)

    user = db.relationship("User")
    branch = db.relationship("PartyBranch")


class BranchThread(db.Model):
    """The branch a thread of the branch board belongs to."""

    thread_id = db.Column(db.ForeignKey("thread.id"), primary_key=True)
    branch_id = db.Column(db.ForeignKey("party_branch.id"), nullable=False, index=True)

    thread = db.relationship("Thread")


class Meeting(db.Model):
    """An organisational-life meeting: its window is when members sign in."""

    id = db.Column(db.Integer, primary_key=True)
    branch_id = db.Column(db.ForeignKey("party_branch.id"), nullable=False, index=True)
    kind = db.Column(db.String(10), nullable=False)
    title = db.Column(db.String(100), nullable=False)
    starts_at = db.Column(db.DateTime, nullable=False)
    ends_at = db.Column(db.DateTime, nullable=False)
    agenda = db.Column(db.Text, nullable=False, default="")
    minutes = db.Column(db.Text, nullable=True)
    created_by_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    branch = db.relationship("PartyBranch")


class Attendance(db.Model):
    """A member signed in to a meeting, or is on leave from it with a reason."""

    __table_args__ = (db.UniqueConstraint("meeting_id", "user_id"),)

    id = db.Column(db.Integer, primary_key=True)
    meeting_id = db.Column(db.ForeignKey("meeting.id"), nullable=False, index=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    presence = db.Column(db.String(10), nullable=False)
    reason = db.Column(db.String(200), nullable=False, default="")
    at = db.Column(db.DateTime, nullable=False, default=utcnow)

    user = db.relationship("User")


class TransferEnquiry(db.Model):
    """A member's question about transferring their membership; the secretary's queue."""

    __table_args__ = (db.Index("ix_transfer_enquiry_queue", "branch_id", "state"),)

    id = db.Column(db.Integer, primary_key=True)
    branch_id = db.Column(db.ForeignKey("party_branch.id"), nullable=False)
    member_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    subject = db.Column(db.String(100), nullable=False)
    body = db.Column(db.Text, nullable=False)
    answer = db.Column(db.Text, nullable=True)
    state = db.Column(db.String(10), nullable=False, default=EnquiryState.PENDING)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    member = db.relationship("User")
    branch = db.relationship("PartyBranch")
