"""The board index's rows, read as plain values and linked without a url_for per row."""
from flask import url_for

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Role
from forum.models.base import utcnow
from forum.urls import url_builder
from tests.factories import make_board, make_thread, make_user


def test_url_builder_writes_what_url_for_writes(app):
    with app.test_request_context("/"):
        board_url, post_url = url_builder("boards.board", "slug"), url_builder("boards.post", "post_id")
        for slug in ("chengguanzhen", "a b", "党建", "x?y#z", "100%"):
            assert board_url(slug) == url_for("boards.board", slug=slug)
        for post_id in (1, 42, 2147483646):
            assert post_url(post_id) == url_for("boards.post", post_id=post_id)


def test_the_index_links_each_board_its_last_post_and_its_author(client):
    author = make_user(username="lastwriter", display_name="末帖作者")
    board = make_board(slug="rows-board", name="行版块")
    thread = make_thread(board=board, author=author, title="最后一帖的主题")
    page = client.get("/").get_data(as_text=True)
    assert 'href="/b/rows-board">行版块</a>' in page
    assert f'href="/p/{thread.last_post_id}">最后一帖的主题</a>' in page
    assert f'href="{_profile(client, "lastwriter")}">末帖作者</a>' in page


def test_the_index_names_a_deleted_last_posters_account_as_deleted(client):
    author = make_user(username="gonewriter", display_name="已走的人")
    make_thread(board=make_board(), author=author, title="留下的主题")
    author.deleted_at = utcnow()
    db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert "留下的主题" in page
    assert "已走的人" not in page and 'class="user deleted"' in page


def test_the_index_lists_a_boards_moderators_by_name_without_deleted_accounts(client):
    board = make_board()
    for username in ("zhang", "li", "wang"):
        grant(make_user(username=username), board, Role.MODERATOR)
    gone = make_user(username="gone")
    grant(gone, board, Role.MODERATOR)
    gone.deleted_at = utcnow()
    db.session.commit()
    page = client.get("/").get_data(as_text=True)
    moderators = page[page.index('<p class="moderators">'):]
    moderators = moderators[:moderators.index("</p>")]
    assert moderators.index(">li<") < moderators.index(">wang<") < moderators.index(">zhang<")
    assert "gone" not in moderators


def _profile(client, username):
    with client.application.test_request_context("/"):
        return url_for("auth.profile", username=username)
