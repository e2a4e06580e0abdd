"""三会一课: the secretary schedules a meeting and records its minutes; members sign in
themselves during its window; a member asks leave (or the secretary marks it) with a
reason. Attendance is one row per member and meeting: signed in, or on leave."""
from flask_babel import gettext as _

from forum.boards.services import check_not_archived
from forum.branch.access import is_member, is_secretary
from forum.branch.models import Attendance, MeetingKind, Meeting, Presence
from forum.branch.rules import check_text, check_window
from forum.extensions import db
from forum.models.base import utcnow
from forum.service import Refused, commit



def schedule_meeting(branch, secretary, *, kind, title, starts_at, ends_at, agenda):
    """The secretary schedules a meeting (times in UTC) with its agenda and materials."""
    check_not_archived(branch.board)
    _check_secretary(secretary, branch)
    if kind not in tuple(MeetingKind):
        raise Refused(_("Choose the kind of meeting."), field="kind")
    title = check_text(title, "title", 100)
    check_window(starts_at, ends_at)
    meeting = Meeting(branch_id=branch.id, kind=MeetingKind(kind), title=title,
                      starts_at=starts_at, ends_at=ends_at, created_by_id=secretary.id,
                      agenda=check_text(agenda, "agenda", 5000, required=False))
    db.session.add(meeting)
    commit()
    return meeting


def sign_in(meeting, member):
    """A member signs themself in, only while the meeting runs."""
    check_not_archived(meeting.branch.board)
    if not is_member(member, meeting.branch):
        raise Refused(_("Only the branch's members sign in."))
    now = utcnow()
    if not meeting.starts_at <= now < meeting.ends_at:
        raise Refused(_("Signing in is open only while the meeting runs."))
    return _record(meeting, member.id, Presence.SIGNED, "")


def record_leave(meeting, actor, member, reason):
    """A member asks leave before the meeting ends; the secretary may mark it for them."""
    check_not_archived(meeting.branch.board)
    if not is_member(member, meeting.branch):
        raise Refused(_("Only the branch's members take leave."), field="member")
    if actor.id != member.id:
        _check_secretary(actor, meeting.branch)
    elif utcnow() >= meeting.ends_at:
        raise Refused(_("This meeting is over: ask the secretary to record your leave."))
    return _record(meeting, member.id, Presence.LEAVE, check_text(reason, "reason", 200))


def record_minutes(meeting, secretary, minutes):
    """The secretary records (or corrects) the minutes once the meeting has begun."""
    check_not_archived(meeting.branch.board)
    _check_secretary(secretary, meeting.branch)
    if utcnow() < meeting.starts_at:
        raise Refused(_("Minutes are recorded once the meeting has begun."), field="minutes")
    meeting.minutes = check_text(minutes, "minutes", 20000)
    commit()
    return meeting


def _record(meeting, user_id, presence, reason):
    taken = db.session.execute(db.select(Attendance).where(
        Attendance.meeting_id == meeting.id, Attendance.user_id == user_id)).scalar_one_or_none()
    if taken is not None:
        raise Refused(_("Attendance is already recorded: %(presence)s.",
                        presence=Presence(taken.presence).label))
    row = Attendance(meeting_id=meeting.id, user_id=user_id, presence=presence, reason=reason)
    db.session.add(row)
    commit(on_conflict=Refused(_("Attendance is already recorded.")))
    return row


def _check_secretary(user, branch):
    if not is_secretary(user, branch):
        raise Refused(_("Only this branch's secretary may do that."))
