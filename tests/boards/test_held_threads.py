"""A held or hidden thread takes no replies, and no 'last post' summary shows its title."""
from forum.extensions import db
from forum.models import Board, Post, Thread
from forum.moderation.actions import hide_thread
from forum.moderation.words import add_word
from tests.checks import says
from tests.conftest import login, post_form
from tests.factories import make_thread, make_user

REFUSAL = "This thread is awaiting a moderator or hidden: it takes no replies until it is published."


def posts_of(thread):
    db.session.expire_all()
    return db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalars().all()


def held_thread(client, board, title):
    """The member's new thread, held for review by the word filter."""
    add_word("待审", "review")
    post_form(client, f"/b/{board.slug}/new", {"title": title, "body": "正文"})
    thread = db.session.execute(db.select(Thread).where(Thread.title == title)).scalar_one()
    assert thread.status == "pending"
    return thread


def test_an_author_cannot_reply_to_their_own_held_thread(app, member_client, board):
    thread = held_thread(member_client, board, "待审的秘密标题")
    page = post_form(member_client, f"/t/{thread.id}/reply", {"body": "自己顶一下"})
    assert page.status_code == 200
    assert says(page.get_data(as_text=True), REFUSAL)
    assert len(posts_of(thread)) == 1
    assert "待审的秘密标题" not in app.test_client().get("/").get_data(as_text=True)
    assert db.session.get(Board, board.id).last_post_id is None


def test_an_author_cannot_reply_to_their_own_hidden_thread(app, member, member_client, board):
    moderator = make_user(username="banzhu")
    earlier = make_thread(board=board, author=moderator, title="公开的旧帖")
    thread = make_thread(board=board, author=member, title="被隐藏的秘密标题")
    hide_thread(thread, moderator, "违规")
    page = post_form(member_client, f"/t/{thread.id}/reply", {"body": "自己顶一下"})
    assert says(page.get_data(as_text=True), REFUSAL)
    assert len(posts_of(thread)) == 1
    index = app.test_client().get("/").get_data(as_text=True)
    assert "被隐藏的秘密标题" not in index and "公开的旧帖" in index
    board_row = db.session.get(Board, board.id)
    assert (board_row.last_post_id, board_row.post_count) == (earlier.last_post_id, 1)


def test_the_page_of_a_hidden_thread_says_why_it_offers_no_reply(app, member, member_client, board):
    thread = make_thread(board=board, author=member, title="被隐藏的帖子", replies=1)
    hide_thread(thread, make_user(), "违规")
    page = member_client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert says(page, REFUSAL)
    assert 'id="reply-heading"' not in page and "quote=" not in page


def test_the_index_shows_no_last_post_of_a_thread_that_is_not_published(app, member, board):
    thread = make_thread(board=board, author=member, title="后来被退回的标题")
    thread.status = "pending"  # a counter left pointing at it (an old row, a race)
    db.session.commit()
    assert db.session.get(Board, board.id).last_post_id == thread.last_post_id
    page = login(app.test_client(), make_user()).get("/").get_data(as_text=True)
    assert "后来被退回的标题" not in page


def test_a_board_shows_no_last_post_that_is_not_published(app, member, board):
    thread = make_thread(board=board, author=member, title="有隐藏回复的帖子", replies=1)
    last = db.session.get(Post, thread.last_post_id)
    last.status = "hidden"  # the thread's counter still points at it
    db.session.commit()
    page = app.test_client().get(f"/b/{board.slug}").get_data(as_text=True)
    assert "有隐藏回复的帖子" in page
    assert f"/p/{last.id}" not in page
