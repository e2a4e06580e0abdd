"""我的: a member's threads, replies and follows, newest first, only what they may still read."""
import re

import pytest

from forum.boards.services import reply
from forum.extensions import db
from forum.models import ContentStatus, Post, Subscription
from forum.notifications.subscriptions import subscribe
from tests.conftest import login, post_form
from tests.factories import make_board, make_thread, make_user


@pytest.fixture()
def me():
    return make_user(username="wode")


@pytest.fixture()
def my_client(app, me):
    return login(app.test_client(), me)


def titles(client, path):
    page = client.get(path)
    assert page.status_code == 200
    return re.findall(r'class="mine-title" href="[^"]+">([^<]+)<', page.get_data(as_text=True))


def test_my_threads_lists_the_threads_i_started_newest_first(my_client, me):
    board = make_board()
    make_thread(board=board, author=me, title="第一个主题")
    make_thread(board=board, author=me, title="第二个主题")
    make_thread(board=board, title="别人的主题")
    assert titles(my_client, "/me/threads") == ["第二个主题", "第一个主题"]


def test_a_hidden_thread_or_one_moved_where_i_cannot_read_leaves_my_lists(my_client, me):
    board = make_board()
    hidden = make_thread(board=board, author=me, title="被隐藏的主题", replies=0)
    moved = make_thread(board=board, author=me, title="移走的主题")
    reply(moved, me, "我的回复")
    subscribe(me, thread=moved)
    make_thread(board=board, author=me, title="还在的主题")
    hidden.status = ContentStatus.HIDDEN
    moved.board_id = make_board(type="branch").id
    db.session.commit()
    assert titles(my_client, "/me/threads") == ["还在的主题"]
    assert titles(my_client, "/me/replies") == []
    assert titles(my_client, "/me/follows") == []


def test_my_replies_link_to_the_post_in_its_thread_with_the_title(my_client, me):
    thread = make_thread(title="讨论主题")
    mine = reply(thread, me, "我的看法")
    make_thread(author=me, title="我开的主题")  # a first post is a thread, not a reply
    page = my_client.get("/me/replies").get_data(as_text=True)
    assert f'href="/p/{mine.id}"' in page
    assert "讨论主题" in page and "我的看法" in page
    assert "我开的主题" not in page


def test_a_hidden_reply_is_not_listed(my_client, me):
    thread = make_thread()
    post = reply(thread, me, "后来被隐藏")
    db.session.get(Post, post.id).status = ContentStatus.HIDDEN
    db.session.commit()
    assert "后来被隐藏" not in my_client.get("/me/replies").get_data(as_text=True)


def test_follows_list_boards_and_threads_and_unfollow_returns_to_the_list(my_client, me):
    board, thread = make_board(name="关注的版块"), make_thread(title="关注的主题")
    subscribe(me, board=board)
    subscribe(me, thread=thread)
    assert titles(my_client, "/me/follows") == ["关注的版块", "关注的主题"]
    response = post_form(my_client, f"/t/{thread.id}/unsubscribe", {"next": "/me/follows"})
    assert response.headers["Location"].endswith("/me/follows")
    response = post_form(my_client, f"/b/{board.slug}/unsubscribe", {"next": "/me/follows"})
    assert response.headers["Location"].endswith("/me/follows")
    assert titles(my_client, "/me/follows") == []
    assert db.session.execute(db.select(Subscription)).first() is None


def test_unfollow_never_goes_to_another_site(my_client, me):
    thread = make_thread()
    subscribe(me, thread=thread)
    response = post_form(my_client, f"/t/{thread.id}/unsubscribe", {"next": "//evil.example/"})
    assert response.headers["Location"].endswith(f"/t/{thread.id}")


def test_the_lists_are_paginated_like_board_pages(app, my_client, me):
    board = make_board()
    per_page = app.config["THREADS_PER_PAGE"]
    for n in range(per_page + 1):
        make_thread(board=board, author=me, title=f"主题{n}")
    assert len(titles(my_client, "/me/threads")) == per_page
    assert titles(my_client, "/me/threads?page=2") == ["主题0"]
    assert my_client.get("/me/threads?page=3").status_code == 404
    assert 'href="/me/threads?page=2"' in my_client.get("/me/threads").get_data(as_text=True)


def test_a_guest_is_sent_to_log_in(client):
    for path in ("/me/threads", "/me/replies", "/me/follows"):
        assert client.get(path).status_code == 302


def test_the_nav_menu_links_to_the_lists(my_client):
    page = my_client.get("/").get_data(as_text=True)
    for path in ("/me/threads", "/me/replies", "/me/follows"):
        assert f'href="{path}"' in page


@pytest.mark.parametrize("path", ["/me/threads", "/me/replies", "/me/follows"])
def test_a_list_costs_the_same_few_statements_however_long(my_client, me, count_queries, path):
    board = make_board()
    thread = make_thread(board=board, author=me)
    reply(thread, me, "一")
    subscribe(me, thread=thread)
    subscribe(me, board=board)
    my_client.get(path)
    with count_queries() as few:
        my_client.get(path)
    for n in range(5):
        other = make_thread(board=make_board(), author=me, title=f"主题{n}")
        reply(other, me, f"回复{n}")
        subscribe(me, thread=other)
    my_client.get(path)  # the nav bar refills its cache of the boards present once
    with count_queries() as more:
        my_client.get(path)
    assert len(more) == len(few) <= 8
