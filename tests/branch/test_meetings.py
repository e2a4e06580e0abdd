"""三会一课 through HTTP: scheduling, signing in within the window only and only for
oneself, leave with a reason, minutes, 我的支部, attendance per member and per meeting,
and its CSV."""
from datetime import timedelta

from forum.branch.models import Meeting, Presence
from tests.branch.helpers import attendances, rows
from tests.checks import says
from tests.conftest import post_form
from tests.factories import make_user


def test_the_secretary_schedules_a_meeting(as_user, branch, secretary):
    response = post_form(as_user(secretary), f"/branch/{branch.id}/meetings/new", {
        "kind": "lecture", "title": "书记讲党课", "starts_at": "2030-07-01T19:00",
        "ends_at": "2030-07-01T21:00", "agenda": "学习材料：党章"})
    assert response.status_code == 302
    [meeting] = rows(Meeting)
    assert (meeting.kind, meeting.title, meeting.agenda) == ("lecture", "书记讲党课", "学习材料：党章")
    assert meeting.starts_at.hour == 11  # 19:00 in Zhijin is 11:00 UTC


def test_a_meeting_that_ends_before_it_starts_is_refused(as_user, branch, secretary):
    response = post_form(as_user(secretary), f"/branch/{branch.id}/meetings/new", {
        "kind": "general", "title": "大会", "starts_at": "2030-07-01T19:00",
        "ends_at": "2030-07-01T18:00"})
    assert says(response.get_data(as_text=True), "The meeting must end after it starts.")
    assert rows(Meeting) == []


def test_a_member_cannot_schedule_a_meeting(as_user, branch, member):
    assert as_user(member).get(f"/branch/{branch.id}/meetings/new").status_code == 404


def test_members_sign_in_during_the_window_once(as_user, make_meeting, member):
    meeting = make_meeting()
    client = as_user(member)
    post_form(client, f"/branch/meetings/{meeting.id}/sign-in", {})
    response = post_form(client, f"/branch/meetings/{meeting.id}/sign-in", {}, follow_redirects=True)
    assert says(response.get_data(as_text=True), "Attendance is already recorded: %(presence)s.",
                presence=Presence.SIGNED.label)
    assert [(a.user_id, a.presence) for a in attendances()] == [(member.id, Presence.SIGNED)]


def test_signing_in_outside_the_window_is_refused(as_user, make_meeting, member):
    early = make_meeting(starts_in=timedelta(hours=1))
    over = make_meeting(starts_in=timedelta(hours=-3), lasts=timedelta(hours=1))
    client = as_user(member)
    for meeting in (early, over):
        response = post_form(client, f"/branch/meetings/{meeting.id}/sign-in", {},
                             follow_redirects=True)
        assert says(response.get_data(as_text=True), "Signing in is open only while the meeting runs.")
    assert attendances() == []


def test_nobody_signs_in_for_someone_else(as_user, make_meeting, member, second_member):
    meeting = make_meeting()
    post_form(as_user(member), f"/branch/meetings/{meeting.id}/sign-in",
              {"user": str(second_member.id), "member": str(second_member.id)})
    assert [a.user_id for a in attendances()] == [member.id]


def test_an_outsider_cannot_sign_in_or_see_the_meeting(as_user, make_meeting, member):
    meeting = make_meeting()
    outsider = as_user(make_user(username="outsider"))
    assert outsider.get(f"/branch/meetings/{meeting.id}").status_code == 404
    assert post_form(outsider, f"/branch/meetings/{meeting.id}/sign-in", {}).status_code == 404
    assert attendances() == []


def test_a_member_asks_leave_with_a_reason(as_user, make_meeting, member):
    meeting = make_meeting(starts_in=timedelta(days=1))
    client = as_user(member)
    response = post_form(client, f"/branch/meetings/{meeting.id}/leave", {"reason": ""},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), "Write at most %(max)d characters here; it may not be empty.", max=200)
    post_form(client, f"/branch/meetings/{meeting.id}/leave", {"reason": "在外地务工加班"})
    assert [(a.presence, a.reason) for a in attendances()] == [(Presence.LEAVE, "在外地务工加班")]


def test_a_member_cannot_mark_leave_for_another(as_user, make_meeting, member, second_member):
    meeting = make_meeting()
    response = post_form(as_user(member), f"/branch/meetings/{meeting.id}/leave",
                         {"member": str(second_member.id), "reason": "代请假"}, follow_redirects=True)
    assert says(response.get_data(as_text=True), "Only this branch's secretary may do that.")
    assert attendances() == []


def test_the_secretary_marks_leave_and_records_minutes(as_user, make_meeting, secretary, member):
    meeting = make_meeting()
    staff = as_user(secretary)
    post_form(staff, f"/branch/meetings/{meeting.id}/leave", {"member": str(member.id),
                                                              "reason": "生病"})
    post_form(staff, f"/branch/meetings/{meeting.id}/minutes", {"minutes": "会议学习了党章。"})
    assert [(a.user_id, a.presence) for a in attendances()] == [(member.id, Presence.LEAVE)]
    assert rows(Meeting)[0].minutes == "会议学习了党章。"


def test_minutes_before_the_meeting_begins_are_refused(as_user, make_meeting, secretary):
    meeting = make_meeting(starts_in=timedelta(days=1))
    post_form(as_user(secretary), f"/branch/meetings/{meeting.id}/minutes", {"minutes": "提前写"})
    assert rows(Meeting)[0].minutes is None


def test_my_branch_shows_my_meetings_and_attendance(as_user, make_meeting, member):
    meeting = make_meeting()
    client = as_user(member)
    post_form(client, f"/branch/meetings/{meeting.id}/sign-in", {})
    page = client.get("/branch/mine").get_data(as_text=True)
    assert "城关镇流动党员支部" in page and "七月支部党员大会" in page
    assert str(Presence.SIGNED.label) in page


def test_attendance_per_member_and_meeting_and_as_csv(as_user, branch, make_meeting, secretary,
                                                     member, second_member):
    meeting = make_meeting()
    post_form(as_user(member), f"/branch/meetings/{meeting.id}/sign-in", {})
    post_form(as_user(second_member), f"/branch/meetings/{meeting.id}/leave", {"reason": "出差"})
    staff = as_user(secretary)
    page = staff.get(f"/branch/{branch.id}/attendance").get_data(as_text=True)
    assert "李党员" in page and "张党员" in page and "七月支部党员大会" in page
    response = staff.get(f"/branch/{branch.id}/attendance.csv")
    assert response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert "李党员" in text and "出差" in text and str(Presence.LEAVE.label) in text


def test_a_period_without_the_meeting_leaves_it_out(as_user, branch, make_meeting, secretary):
    make_meeting()
    page = as_user(secretary).get(f"/branch/{branch.id}/attendance?start=2001-01-01&end=2001-02-01")
    assert "七月支部党员大会" not in page.get_data(as_text=True)


def test_members_cannot_read_the_attendance_report(as_user, branch, member):
    assert as_user(member).get(f"/branch/{branch.id}/attendance.csv").status_code == 404
