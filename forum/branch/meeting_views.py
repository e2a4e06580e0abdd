"""三会一课 pages: schedule a meeting, its page (sign in, ask leave, minutes), and the
secretary's attendance per member and per meeting for a period, also as CSV."""
from datetime import timedelta

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from forum.access import Access
from forum.branch import bp, queries
from forum.branch.access import is_member, is_secretary
from forum.branch.forms import LeaveForm, MeetingForm, MinutesForm, PeriodForm
from forum.branch.loaders import load_branch_for, load_meeting
from forum.branch.meetings import record_leave, record_minutes, schedule_meeting, sign_in
from forum.branch.models import MeetingKind, Presence
from forum.dates import local_to_utc
from forum.csvfile import csv_download
from forum.dates import day_end_utc, day_start_utc, local_today
from forum.extensions import db
from forum.feedback import attempt, flash_outcome
from forum.models import User


@bp.route("/branch/<int:branch_id>/meetings/new", methods=["GET", "POST"])
@login_required
def schedule(branch_id):
    branch = load_branch_for(branch_id, need=Access.HANDLE)
    form = MeetingForm()
    if form.validate_on_submit() and (made := attempt(form, lambda: schedule_meeting(
            branch, current_user, kind=form.kind.data, title=form.title.data,
            starts_at=local_to_utc(form.starts_at.data), ends_at=local_to_utc(form.ends_at.data),
            agenda=form.agenda.data), default="title")):
        return redirect(url_for("branch.meeting", meeting_id=made.value.id))
    return render_template("branch/schedule.html", branch=branch, form=form)


@bp.get("/branch/meetings/<int:meeting_id>")
@login_required
def meeting(meeting_id):
    meeting = load_meeting(meeting_id)
    handles = is_secretary(current_user, meeting.branch)
    leave = LeaveForm()
    members = queries.current_members(meeting.branch) if handles else []
    leave.member.choices = [SelectChoice(m.user_id, m.user.name) for m in members]
    return render_template("branch/meeting.html", meeting=meeting, branch=meeting.branch,
                           handles=handles, signs=is_member(current_user, meeting.branch),
                           members=members, leave_form=leave,
                           minutes_form=MinutesForm(minutes=meeting.minutes or ""),
                           attendance=queries.attendance([meeting.id]))


@bp.post("/branch/meetings/<int:meeting_id>/sign-in")
@login_required
def sign(meeting_id):
    meeting = load_meeting(meeting_id)
    attempt(None, lambda: sign_in(meeting, current_user), done=_("You are signed in."))
    return redirect(url_for("branch.meeting", meeting_id=meeting.id))


@bp.post("/branch/meetings/<int:meeting_id>/leave")
@login_required
def leave(meeting_id):
    meeting = load_meeting(meeting_id)
    form = LeaveForm()
    member = db.session.get(User, form.member.data) if form.member.data else current_user
    if member is None:
        abort(404)
    flash_outcome(form, lambda: record_leave(meeting, current_user, member, form.reason.data),
                  _("Leave is recorded."))
    return redirect(url_for("branch.meeting", meeting_id=meeting.id))


@bp.post("/branch/meetings/<int:meeting_id>/minutes")
@login_required
def minutes(meeting_id):
    meeting = load_meeting(meeting_id, need=Access.HANDLE)
    form = MinutesForm()
    flash_outcome(form, lambda: record_minutes(meeting, current_user, form.minutes.data),
                  _("The minutes are saved."))
    return redirect(url_for("branch.meeting", meeting_id=meeting.id))


@bp.get("/branch/<int:branch_id>/attendance")
@login_required
def attendance(branch_id):
    branch = load_branch_for(branch_id, need=Access.HANDLE)
    form, report = _report(branch)
    return render_template("branch/attendance.html", branch=branch, form=form, **report)


@bp.get("/branch/<int:branch_id>/attendance.csv")
@login_required
def attendance_csv(branch_id):
    branch = load_branch_for(branch_id, need=Access.HANDLE)
    _form, report = _report(branch)
    return csv_download(f"branch-{branch.id}-attendance.csv", lambda w: _fill(w, report))


def _report(branch):
    """The period asked for (the last 90 days by default), its meetings, the members and
    who attended what."""
    form = PeriodForm(formdata=request.args)
    form.validate()
    end = form.end.data or local_today()
    start = form.start.data or end - timedelta(days=90)
    form.start.data, form.end.data = start, end
    meetings = queries.meetings([branch.id], day_start_utc(start), day_end_utc(end))
    rows = queries.attendance([m.id for m in meetings])
    members = queries.current_members(branch)
    return form, {"meetings": meetings, "members": members, "rows": rows,
                  "start": start, "end": end}


def _fill(writer, report):
    """One line per member and meeting of the period: signed in, on leave or absent."""
    writer.writerow([_("Meeting"), _("Kind"), _("Starts at (UTC)"), _("Member"),
                     _("Attendance"), _("Reason")])
    for meeting in report["meetings"]:
        for member in report["members"]:
            row = report["rows"].get((meeting.id, member.user_id))
            writer.writerow([meeting.title, MeetingKind(meeting.kind).label,
                             meeting.starts_at.strftime("%Y-%m-%d %H:%M"), member.user.name,
                             Presence(row.presence).label if row else _("Absent"),
                             row.reason if row else ""])
