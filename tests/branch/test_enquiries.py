"""组织关系转接: a member's enquiry goes to the secretary's queue, moves 待处理 → 处理中 →
已办结, and is read by the member and the secretary only."""
import re

from forum.branch.models import EnquiryState
from tests.branch.helpers import enquiries
from tests.checks import says
from tests.conftest import post_form
from tests.factories import make_user

ENQUIRY_RE = re.compile(r"/branch/enquiries/(\d+)$")


def ask(client, branch, subject="转接到宁波", body="我在宁波工作，想把组织关系转过去。"):
    response = post_form(client, f"/branch/{branch.id}/enquiries/new",
                         {"subject": subject, "body": body})
    return int(ENQUIRY_RE.search(response.headers["Location"]).group(1))


def test_an_enquiry_goes_through_the_secretarys_queue_to_its_answer(as_user, branch, member,
                                                                    secretary):
    enquiry_id = ask(as_user(member), branch)
    staff = as_user(secretary)
    assert "转接到宁波" in staff.get(f"/branch/{branch.id}/enquiries").get_data(as_text=True)
    post_form(staff, f"/branch/enquiries/{enquiry_id}/take", {})
    assert enquiries()[0].state == EnquiryState.PROCESSING
    post_form(staff, f"/branch/enquiries/{enquiry_id}/close", {"answer": "请联系宁波流入地党组织。"})
    assert (enquiries()[0].state, enquiries()[0].answer) == (EnquiryState.DONE, "请联系宁波流入地党组织。")
    assert "请联系宁波流入地党组织" in as_user(member).get(
        f"/branch/enquiries/{enquiry_id}").get_data(as_text=True)


def test_only_the_member_and_the_secretary_read_an_enquiry(as_user, branch, member, second_member):
    enquiry_id = ask(as_user(member), branch)
    for other in (second_member, make_user(username="outsider"), make_user(admin_role="system")):
        assert as_user(other).get(f"/branch/enquiries/{enquiry_id}").status_code == 404
        assert post_form(as_user(other), f"/branch/enquiries/{enquiry_id}/take", {}).status_code == 404
    assert enquiries()[0].state == EnquiryState.PENDING


def test_the_member_cannot_close_their_own_enquiry(as_user, branch, member):
    client = as_user(member)
    enquiry_id = ask(client, branch)
    response = post_form(client, f"/branch/enquiries/{enquiry_id}/close", {"answer": "自己结"},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), "Only this branch's secretary may do that.")
    assert enquiries()[0].state == EnquiryState.PENDING


def test_an_empty_enquiry_is_refused_and_nothing_is_stored(as_user, branch, member):
    response = post_form(as_user(member), f"/branch/{branch.id}/enquiries/new",
                         {"subject": "转接", "body": ""})
    assert says(response.get_data(as_text=True), "Write at most %(max)d characters here; it may not be empty.", max=5000)
    assert enquiries() == []


def test_a_closed_enquiry_is_not_answered_twice(as_user, branch, member, secretary):
    enquiry_id = ask(as_user(member), branch)
    staff = as_user(secretary)
    post_form(staff, f"/branch/enquiries/{enquiry_id}/close", {"answer": "已答复"})
    post_form(staff, f"/branch/enquiries/{enquiry_id}/close", {"answer": "再答复"})
    assert enquiries()[0].answer == "已答复"
