"""Branch threads: read and written by the branch's members and secretary alone; 404 for
everyone else, the system admin included, and for a removed member's old links."""
import re

import pytest

from forum.branch.models import BranchThread
from forum.models import Post, Thread
from tests.branch.helpers import memberships, rows
from tests.conftest import post_form
from tests.factories import make_user

THREAD_RE = re.compile(r"/t/(\d+)$")


def start(client, branch, title="流动党员学习心得", body="在外务工也要坚持学习。"):
    response = post_form(client, f"/branch/{branch.id}/new", {"title": title, "body": body})
    match = THREAD_RE.search(response.headers.get("Location", ""))
    assert match, response.get_data(as_text=True)[:1500]
    return int(match.group(1))


def test_a_member_starts_a_thread_that_carries_its_branch(as_user, branch, member):
    thread_id = start(as_user(member), branch)
    assert [(r.thread_id, r.branch_id) for r in rows(BranchThread)] == [(thread_id, branch.id)]
    assert "流动党员学习心得" in as_user(member).get(f"/branch/{branch.id}").get_data(as_text=True)


def test_members_and_the_secretary_read_and_reply(as_user, branch, member, second_member,
                                                 secretary):
    thread_id = start(as_user(member), branch)
    for reader in (second_member, secretary):
        client = as_user(reader)
        assert "在外务工也要坚持学习" in client.get(f"/t/{thread_id}").get_data(as_text=True)
        assert post_form(client, f"/t/{thread_id}/reply", {"body": "赞同"}).status_code == 302
    assert len(rows(Post)) == 3


@pytest.mark.parametrize("who", ["guest", "outsider", "system_admin", "unit_manager_elsewhere",
                                 "applicant"])
def test_everyone_else_gets_404_on_the_thread_its_posts_and_reply(app, as_user, branch, member,
                                                                  secretary, who):
    thread_id = start(as_user(member), branch)
    post_id = rows(Post)[0].id
    users = {"outsider": make_user(username="outsider"),
             "system_admin": make_user(username="admin1", admin_role="system"),
             "unit_manager_elsewhere": make_user(username="other_unit", is_unit_account=True)}
    if who == "applicant":
        users[who] = make_user(username="applicant")
        post_form(as_user(users[who]), f"/branch/{branch.id}/apply", {"home": "毕节"})
    client = app.test_client() if who == "guest" else as_user(users[who])
    for url in (f"/t/{thread_id}", f"/p/{post_id}", f"/branch/{branch.id}/new"):
        assert client.get(url).status_code in ((302,) if who == "guest" and url.endswith("/new")
                                               else (404,)), url
    if who != "guest":
        assert post_form(client, f"/t/{thread_id}/reply", {"body": "偷看"}).status_code == 404
        assert post_form(client, f"/branch/{branch.id}/new", {"title": "外人", "body": "外人"}
                         ).status_code == 404
    assert len(rows(Post)) == 1 and len(rows(Thread)) == 1


def test_a_removed_members_old_links_answer_404(as_user, branch, member, secretary):
    client = as_user(member)
    thread_id = start(client, branch)
    post_form(as_user(secretary), f"/branch/members/{memberships()[0].id}/remove", {})
    assert client.get(f"/t/{thread_id}").status_code == 404
    assert post_form(client, f"/t/{thread_id}/reply", {"body": "还在吗"}).status_code == 404
    assert "流动党员学习心得" not in client.get(f"/branch/{branch.id}").get_data(as_text=True)


def test_a_suspended_member_reads_nothing_until_restored(as_user, branch, member, secretary):
    client = as_user(member)
    thread_id = start(client, branch)
    staff = as_user(secretary)
    row_id = memberships()[0].id
    post_form(staff, f"/branch/members/{row_id}/suspend", {})
    assert client.get(f"/t/{thread_id}").status_code == 404
    post_form(staff, f"/branch/members/{row_id}/restore", {})
    assert client.get(f"/t/{thread_id}").status_code == 200


def test_a_thread_without_a_title_is_refused_and_nothing_is_stored(as_user, branch, member):
    response = post_form(as_user(member), f"/branch/{branch.id}/new", {"title": "", "body": "内容"})
    assert response.status_code == 200 and rows(Thread) == []


def test_the_common_new_thread_page_sends_to_the_branch_list(as_user, branch, member):
    response = as_user(member).get("/b/branch/new")
    assert response.status_code == 302 and response.headers["Location"].endswith("/b/branch")


def test_the_board_page_never_shows_a_branch_threads_title(as_user, client, branch, member):
    start(as_user(member), branch, title="只给党员看的标题")
    for viewer in (client, as_user(make_user(admin_role="system")), as_user(member)):
        assert "只给党员看的标题" not in viewer.get("/b/branch").get_data(as_text=True)
    assert "只给党员看的标题" not in client.get("/").get_data(as_text=True)
