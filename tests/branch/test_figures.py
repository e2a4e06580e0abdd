"""The organisation department's figures (per unit, counts only) and the /stats section."""
from datetime import timedelta

from forum.branch.models import Attendance, Presence
from forum.extensions import db
from tests.conftest import post_form
from tests.factories import make_user


def test_figures_count_branches_members_mobile_meetings_and_attendance(client, as_user, branch,
                                                                      secretary,
                                                                      member, second_member,
                                                                      make_meeting):
    held = make_meeting(starts_in=timedelta(hours=-3), lasts=timedelta(hours=1))
    post_form(as_user(secretary), f"/branch/meetings/{held.id}/leave",
              {"member": str(second_member.id), "reason": "病假"})
    db.session.add(Attendance(meeting_id=held.id, user_id=member.id, presence=Presence.SIGNED))
    db.session.commit()
    admin = as_user(make_user(admin_role="system"))
    page = admin.get("/branch/in/branch/figures").get_data(as_text=True)
    assert "城关镇党委" in page and "50%" in page
    stats = client.get("/stats").get_data(as_text=True)
    assert "50%" in stats and "病假" not in stats and "李党员" not in stats


def test_figures_are_for_the_board_managers_only(as_user, branch, member, unit_account):
    assert as_user(member).get("/branch/in/branch/figures").status_code == 403
    assert as_user(unit_account).get("/branch/in/branch/figures").status_code == 403
