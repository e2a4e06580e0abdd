"""Branches and memberships through HTTP: the public list, apply, approve, refuse with a
reason, suspend, remove, 流动党员; joining twice and a secretary of another branch are
refused with nothing stored; every change is logged without the member's words."""
from forum.branch.branches import create_branch
from forum.branch.models import MemberState, PartyBranch
from forum.models import ModAction
from tests.branch.helpers import logged_actions, memberships, rows
from tests.checks import says
from tests.conftest import post_form
from tests.factories import make_unit, make_user


def test_the_board_lists_each_branch_with_its_unit_and_member_count(client, branch, member,
                                                                    second_member):
    page = client.get("/b/branch").get_data(as_text=True)
    assert "城关镇流动党员支部" in page and "城关镇党委" in page
    assert "<td>2</td>" in page


def test_a_member_applies_and_the_secretary_approves(as_user, branch, secretary, outsider):
    applicant = as_user(outsider)
    response = post_form(applicant, f"/branch/{branch.id}/apply", {"home": "在贵阳务工"},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), "Your application has gone to the branch's secretary.")
    [row] = memberships()
    assert (row.state, row.home) == (MemberState.APPLIED, "在贵阳务工")
    staff = as_user(secretary)
    assert "在贵阳务工" in staff.get(f"/branch/{branch.id}/members").get_data(as_text=True)
    post_form(staff, f"/branch/members/{row.id}/approve", {})
    assert memberships()[0].state == MemberState.MEMBER
    assert logged_actions()[-2:] == ["branch_apply", "branch_approve"]


def test_applying_twice_is_refused_and_stores_nothing_more(as_user, branch, member):
    client = as_user(member)
    response = post_form(client, f"/branch/{branch.id}/apply", {"home": "再次申请"},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True),
                "You have already applied to this branch or belong to it.")
    assert [(m.state, m.home) for m in memberships()] == [(MemberState.MEMBER, "城关镇第一支部")]


def test_an_application_without_a_home_branch_is_refused(as_user, branch, outsider):
    response = post_form(as_user(outsider), f"/branch/{branch.id}/apply", {"home": " "},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True),
                "Write at most %(max)d characters here; it may not be empty.", max=100)
    assert memberships() == []


def test_a_refusal_needs_a_reason_and_the_applicant_reads_it(as_user, branch, secretary, outsider):
    applicant = as_user(outsider)
    post_form(applicant, f"/branch/{branch.id}/apply", {"home": "毕节"})
    [row] = memberships()
    staff = as_user(secretary)
    post_form(staff, f"/branch/members/{row.id}/refuse", {"reason": ""})
    assert memberships()[0].state == MemberState.APPLIED
    post_form(staff, f"/branch/members/{row.id}/refuse", {"reason": "组织关系不在本县"})
    assert memberships()[0].state == MemberState.REFUSED
    assert "组织关系不在本县" in applicant.get(f"/branch/{branch.id}").get_data(as_text=True)
    assert all("组织关系不在本县" not in a.reason for a in rows(ModAction))


def test_a_refused_applicant_may_apply_again(as_user, branch, secretary, outsider):
    applicant = as_user(outsider)
    post_form(applicant, f"/branch/{branch.id}/apply", {"home": "毕节"})
    post_form(as_user(secretary), f"/branch/members/{memberships()[0].id}/refuse", {"reason": "材料不全"})
    post_form(applicant, f"/branch/{branch.id}/apply", {"home": "毕节，材料已补"})
    assert [(m.state, m.home) for m in memberships()] == [(MemberState.APPLIED, "毕节，材料已补")]


def test_the_secretary_suspends_restores_removes_and_marks_a_mobile_member(as_user, branch,
                                                                        secretary, member):
    staff = as_user(secretary)
    row_id = memberships()[0].id
    post_form(staff, f"/branch/members/{row_id}/mobile", {"mobile": "y", "where": "浙江宁波"})
    assert (memberships()[0].mobile, memberships()[0].mobile_where) == (True, "浙江宁波")
    for action, state in (("suspend", MemberState.SUSPENDED), ("restore", MemberState.MEMBER),
                          ("remove", MemberState.REMOVED)):
        post_form(staff, f"/branch/members/{row_id}/{action}", {})
        assert memberships()[0].state == state
    assert logged_actions()[-4:] == ["branch_mobile", "branch_suspend", "branch_restore",
                                     "branch_remove"]


def test_a_mobile_mark_needs_where_the_member_is(as_user, branch, secretary, member):
    staff = as_user(secretary)
    response = post_form(staff, f"/branch/members/{memberships()[0].id}/mobile", {"mobile": "y"},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), "Write at most %(max)d characters here; it may not be empty.", max=100)
    assert memberships()[0].mobile is False


def test_a_secretary_of_another_branch_cannot_act_on_this_one(as_user, branch_board, branch,
                                                             member, unit_account):
    other_unit = make_unit()
    other_secretary = make_user(username="bieren")
    create_branch(branch_board, make_user(admin_role="system"), name="另一个支部",
                  unit_id=other_unit.id, secretary=other_secretary.username)
    other = as_user(other_secretary)
    row_id = memberships()[0].id
    assert post_form(other, f"/branch/members/{row_id}/remove", {}).status_code == 404
    assert other.get(f"/branch/{branch.id}/members").status_code == 404
    assert memberships()[0].state == MemberState.MEMBER


def test_the_owning_units_account_acts_as_secretary_and_appoints_one(as_user, branch,
                                                                    unit_account, member):
    owner = as_user(unit_account)
    assert owner.get(f"/branch/{branch.id}/members").status_code == 200
    newcomer = make_user(username="xinshuji")
    post_form(owner, f"/branch/{branch.id}/secretary", {"username": "xinshuji"})
    assert rows(PartyBranch)[0].secretary_id == newcomer.id


def test_a_member_cannot_appoint_the_secretary(as_user, branch, member, secretary):
    response = post_form(as_user(member), f"/branch/{branch.id}/secretary", {"username": "dangyuan"},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), "Only the owning unit's account appoints the secretary.")
    assert rows(PartyBranch)[0].secretary_id == secretary.id


def test_a_bad_branch_is_refused_and_nothing_is_stored(as_user, branch_board, unit):
    owner = as_user(make_user(admin_role="system"))
    assert post_form(owner, "/branch/in/branch/create", {"name": "", "unit": str(unit.id)}).status_code == 200
    response = post_form(owner, "/branch/in/branch/create", {"name": "新支部", "unit": "0"})
    assert says(response.get_data(as_text=True), "Choose the unit that owns the branch.")
    assert rows(PartyBranch) == []


def test_the_system_admin_creates_a_branch_and_other_units_may_not(as_user, branch_board, unit,
                                                                   unit_account):
    assert post_form(as_user(unit_account), "/branch/in/branch/create",
                     {"name": "新支部", "unit": str(unit.id)}).status_code == 403
    post_form(as_user(make_user(admin_role="system")), "/branch/in/branch/create",
              {"name": "新支部", "unit": str(unit.id), "secretary": "chengguan"})
    [made] = rows(PartyBranch)
    assert (made.name, made.unit_id, made.secretary_id) == ("新支部", unit.id, unit_account.id)
