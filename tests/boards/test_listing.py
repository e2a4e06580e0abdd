"""A board page's sort (最后回复 / 发帖时间 / 回复数), its 未回复 filter and its rows."""
import re
from datetime import timedelta

import pytest

from forum import hooks
from forum.boards.services import reply
from forum.extensions import db
from forum.models.base import utcnow
from tests.factories import make_board, make_thread, make_user


@pytest.fixture()
def board_with_threads():
    """old: started first, two replies; quiet: no reply; busy: started last, one reply
    written after everything else."""
    board, author = make_board(), make_user()
    old = make_thread(board=board, author=author, title="最早的主题", replies=2)
    quiet = make_thread(board=board, author=author, title="没有回复的主题")
    busy = make_thread(board=board, author=author, title="最新的主题")
    start = utcnow() - timedelta(hours=3)
    for n, thread in enumerate((old, quiet, busy)):
        thread.created_at = start + timedelta(minutes=n)
        thread.last_post_at = start + timedelta(minutes=n)
    db.session.commit()
    reply(busy, author, "新的回复")
    return board


def titles(client, path):
    return re.findall(r'class="thread-title" href="/t/\d+">([^<]+)<', client.get(path).get_data(as_text=True))


def test_a_board_lists_by_last_reply_by_default(client, board_with_threads):
    assert titles(client, f"/b/{board_with_threads.slug}") == ["最新的主题", "没有回复的主题", "最早的主题"]


@pytest.mark.parametrize("order, expected", [
    ("started", ["最新的主题", "没有回复的主题", "最早的主题"]),
    ("replies", ["最早的主题", "最新的主题", "没有回复的主题"]),
])
def test_a_board_lists_in_the_order_asked(client, board_with_threads, order, expected):
    assert titles(client, f"/b/{board_with_threads.slug}?order={order}") == expected


def test_the_unanswered_filter_keeps_only_threads_without_a_reply(client, board_with_threads):
    assert titles(client, f"/b/{board_with_threads.slug}?unanswered=1") == ["没有回复的主题"]


def test_an_unknown_order_is_named_and_the_board_lists_as_by_default(client, board_with_threads):
    page = client.get(f"/b/{board_with_threads.slug}?order=drop+table").get_data(as_text=True)
    assert 'class="error"' in page
    assert titles(client, f"/b/{board_with_threads.slug}?order=drop+table") == [
        "最新的主题", "没有回复的主题", "最早的主题"]


def test_page_links_keep_the_sort_and_filter(client, app):
    board = make_board()
    author = make_user()
    for n in range(app.config["THREADS_PER_PAGE"] + 1):
        make_thread(board=board, author=author, title=f"主题{n}")
    page = client.get(f"/b/{board.slug}?order=started&unanswered=1").get_data(as_text=True)
    links = re.findall(r'<nav class="pagination".*?</nav>', page, re.S)
    assert len(links) == 2  # above the list and below it
    assert f'/b/{board.slug}?page=2&amp;order=started&amp;unanswered=1' in links[0] \
        or f'/b/{board.slug}?order=started&amp;page=2&amp;unanswered=1' in links[0]


def test_times_in_a_list_are_short_today_and_dated_in_other_years(client):
    board = make_board()
    make_thread(board=board, title="今天")
    older = make_thread(board=board, title="往年")
    now = utcnow()
    older.created_at = older.last_post_at = now - timedelta(days=400)
    db.session.commit()
    page = client.get(f"/b/{board.slug}").get_data(as_text=True)
    assert re.search(r">\d{2}:\d{2}</time>", page)
    assert re.search(r">20\d\d-\d{2}-\d{2}</time>", page)


def test_a_feature_tags_the_rows_through_thread_badges(client):
    thread = make_thread(title="修路的诉求")

    @hooks.thread_badges
    def petition_state(threads):
        return {t.id: [("办理中", "tag-handling")] for t in threads}
    try:
        page = client.get(f"/b/{thread.board.slug}").get_data(as_text=True)
    finally:
        hooks._badge_sources.pop(hooks._key(petition_state))
    assert '<span class="badge tag tag-handling">办理中</span>' in page
