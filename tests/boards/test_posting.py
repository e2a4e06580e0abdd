"""Starting threads, replying, quoting and editing, through HTTP with CSRF on."""
import re

import pytest

from forum.extensions import db
from forum.models import Post, Thread
from tests.conftest import post_form
from tests.factories import make_thread, make_user


def count(model):
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def new_thread(client, board, title="基层党建工作推进会", body="会议**内容**", **extra):
    return post_form(client, f"/b/{board.slug}/new", {"title": title, "body": body, **extra})


def test_member_starts_a_thread_and_sees_it_as_floor_one(member_client, board):
    response = new_thread(member_client, board)
    assert response.status_code == 302
    page = member_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "基层党建工作推进会" in page
    assert "<strong>内容</strong>" in page
    assert 'id="p1-floor"' in page or "p1-floor" in page


def test_new_thread_appears_on_its_board(member_client, board):
    new_thread(member_client, board, title="猫场镇组织生活会")
    assert "猫场镇组织生活会" in member_client.get(f"/b/{board.slug}").get_data(as_text=True)


def test_guest_is_sent_to_login_to_start_a_thread(client, board):
    response = client.get(f"/b/{board.slug}/new")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("title,body", [
    ("", "内容"), ("   ", "内容"), ("长" * 81, "内容"), ("标题", ""), ("标题", "  \n "),
    ("标题", "字" * 20_001),
])
def test_bad_thread_input_is_refused_with_a_message_and_nothing_is_stored(member_client, board, title, body):
    response = new_thread(member_client, board, title=title, body=body)
    assert response.status_code == 200
    assert 'class="error"' in response.get_data(as_text=True)
    assert count(Thread) == 0 and count(Post) == 0


def test_limits_are_inclusive(member_client, board):
    assert new_thread(member_client, board, title="长" * 80, body="字" * 20_000).status_code == 302


def test_preview_renders_the_markdown_and_saves_nothing(member_client, board):
    response = new_thread(member_client, board, body="**加粗**", preview="1")
    assert response.status_code == 200
    assert "<strong>加粗</strong>" in response.get_data(as_text=True)
    assert count(Thread) == 0


def test_script_in_a_post_is_never_rendered(member_client, board):
    response = new_thread(member_client, board, body='<script>alert("x")</script><img src=x onerror=alert(1)>')
    page = member_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<script>alert" not in page and "onerror" not in page


def test_reply_takes_the_next_floor(member_client, member):
    thread = make_thread(author=member)
    response = post_form(member_client, f"/t/{thread.id}/reply", {"body": "同意楼上"})
    assert response.status_code == 302
    page = member_client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "同意楼上" in page
    assert db.session.execute(db.select(Post.number).where(Post.body == "同意楼上")).scalar_one() == 2


def test_reply_redirect_lands_on_the_page_holding_the_new_post(member_client, member, app):
    thread = make_thread(author=member, replies=app.config["POSTS_PER_PAGE"])
    response = post_form(member_client, f"/t/{thread.id}/reply", {"body": "第二页"})
    post_url = response.headers["Location"]
    target = member_client.get(post_url).headers["Location"]
    assert target.startswith(f"/t/{thread.id}?page=2#p")


def test_empty_reply_is_refused(member_client, member):
    thread = make_thread(author=member)
    response = post_form(member_client, f"/t/{thread.id}/reply", {"body": " "})
    assert 'class="error"' in response.get_data(as_text=True)
    assert count(Post) == 1


def test_quote_prefills_the_quoted_post(member_client, member):
    thread = make_thread(author=member, body="原文在此")
    first = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    page = member_client.get(f"/t/{thread.id}/reply?quote={first.id}").get_data(as_text=True)
    assert "&gt; 原文在此" in page and "#1" in page


def test_quote_of_a_post_from_another_thread_shows_nothing(member_client, member):
    other = make_thread(author=member, body="别处的秘密")
    here = make_thread(author=member, body="这里")
    foreign = db.session.execute(db.select(Post).where(Post.thread_id == other.id)).scalar_one()
    page = member_client.get(f"/t/{here.id}/reply?quote={foreign.id}").get_data(as_text=True)
    assert "别处的秘密" not in page


@pytest.mark.parametrize("page", ["edit", "reply"])
def test_the_edit_and_reply_pages_breadcrumbs_start_at_the_board_index(member_client, member, page):
    thread = make_thread(author=member)
    first = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    url = f"/p/{first.id}/edit" if page == "edit" else f"/t/{thread.id}/reply"
    html = member_client.get(url).get_data(as_text=True)
    crumbs = re.search(r'<nav class="crumbs".*?</nav>', html, re.S).group(0)
    assert crumbs.index('href="/"') < crumbs.index(f'href="/b/{thread.board.slug}"')


def test_author_edits_their_post_and_the_page_says_who_edited_it(member_client, member):
    thread = make_thread(author=member, body="初稿")
    first = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    response = post_form(member_client, f"/p/{first.id}/edit", {"title": "新标题", "body": "定稿"})
    assert response.status_code == 302
    page = member_client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "定稿" in page and "新标题" in page and 'class="edited"' in page
    assert member.username in page.split('class="edited"')[1][:200]


def test_editing_a_first_post_still_requires_a_title(member_client, member):
    thread = make_thread(author=member, title="原标题", body="初稿")
    first = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    response = post_form(member_client, f"/p/{first.id}/edit", {"title": "", "body": "定稿"})
    assert 'class="error"' in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Post, first.id).body == "初稿"


def test_member_cannot_edit_another_members_post(member_client):
    thread = make_thread(author=make_user(), body="别人的帖子")
    first = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    assert member_client.get(f"/p/{first.id}/edit").status_code == 403
    assert post_form(member_client, f"/p/{first.id}/edit", {"title": "x", "body": "篡改"}).status_code == 403
    db.session.expire_all()
    assert db.session.get(Post, first.id).body == "别人的帖子"


def test_reply_to_a_locked_thread_is_refused(member_client, member):
    thread = make_thread(author=member)
    thread.is_locked = True
    db.session.commit()
    assert post_form(member_client, f"/t/{thread.id}/reply", {"body": "还想说"}).status_code == 403
    assert count(Post) == 1


@pytest.mark.parametrize("path", ["/b/no-such-board", "/b/no-such-board/new", "/t/999999",
                                  "/t/999999/reply", "/p/999999", "/p/999999/edit", "/t/abc"])
def test_unknown_things_are_404(member_client, path):
    assert member_client.get(path).status_code == 404


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "99", "9" * 30, ""])
def test_bad_or_out_of_range_page_numbers_are_404(client, page):
    thread = make_thread()
    assert client.get(f"/t/{thread.id}?page={page}").status_code == 404
    assert client.get(f"/b/{thread.board.slug}?page={page}").status_code == 404


def test_empty_board_has_a_first_page(client, board):
    assert client.get(f"/b/{board.slug}?page=1").status_code == 200
