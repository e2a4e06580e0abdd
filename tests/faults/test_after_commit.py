"""After a commit the views answer from what is known (issue 24): a reply committed as
the database restarted was answered with a 500, as the view read the post again, and its
writer posted it twice. Now the saved post's redirect needs no query, nor does the word
that a post held for review waits, and for whom."""
from forum.boards.roles import grant
from forum.extensions import db
from forum.models import ContentStatus, Post, Thread
from forum.settings import put_setting
from tests.checks import says
from tests.conftest import post_form
from tests.factories import make_board, make_thread, make_user


def _bodies():
    return [post.body for post in db.session.execute(db.select(Post).order_by(Post.id)).scalars()]


def test_a_reply_saved_just_before_the_database_goes_away_redirects_to_it(
        member_client, blip):
    thread = make_thread()
    blip.arm()
    response = post_form(member_client, f"/t/{thread.id}/reply", {"body": "提交后数据库重启"})
    blip.over()

    [post_id] = [p.id for p in Post.query.filter_by(body="提交后数据库重启")]
    assert response.status_code == 302 and response.location.endswith(f"/p/{post_id}")


def test_a_new_thread_saved_just_before_the_database_goes_away_redirects_to_it(
        member_client, board, blip):
    blip.arm()
    response = post_form(member_client, f"/b/{board.slug}/new",
                         {"title": "数据库重启时发的帖", "body": "正文内容"})
    blip.over()

    [thread_id] = [t.id for t in Thread.query.filter_by(title="数据库重启时发的帖")]
    assert response.status_code == 302 and response.location.endswith(f"/t/{thread_id}")


def test_an_edit_saved_just_before_the_database_goes_away_redirects_to_the_post(
        member_client, member, blip):
    thread = make_thread(author=member, body="原来的正文")
    blip.arm()
    response = post_form(member_client, f"/p/{thread.id}/edit",
                         {"title": "基层党建工作推进会", "body": "改过的正文"})
    blip.over()

    assert response.status_code == 302 and response.location.endswith(f"/p/{thread.id}")
    assert "改过的正文" in _bodies()


UNATTENDED = ("Your post is awaiting approval: this board has no moderator, so the system "
              "administrator will review it. Until then only you can see it.")
MODERATED = "Your post is awaiting a moderator's approval; until then only you can see it."


def _held_reply_then_its_page(client, thread, blip):
    """A reply that waits for review, saved just before the database goes away; the page
    its redirect leads to once the database is back."""
    put_setting("new_account_review_posts", 3)  # the member's reply waits
    db.session.commit()
    blip.arm()
    response = post_form(client, f"/t/{thread.id}/reply", {"body": "待审核的回复"})
    blip.over()
    [post] = Post.query.filter_by(body="待审核的回复")
    assert post.status == ContentStatus.PENDING
    assert response.status_code == 302 and response.location.endswith(f"/p/{post.id}")
    return client.get(response.location, follow_redirects=True).get_data(as_text=True)


def test_a_reply_held_on_a_board_nobody_moderates_says_so_without_asking_after_its_commit(
        member_client, blip):
    thread = make_thread(board=make_board())

    assert says(_held_reply_then_its_page(member_client, thread, blip), UNATTENDED)


def test_a_reply_held_on_a_moderated_board_says_so_without_asking_after_its_commit(
        member_client, blip):
    board = make_board()
    grant(make_user(), board, "moderator")
    thread = make_thread(board=board)

    assert says(_held_reply_then_its_page(member_client, thread, blip), MODERATED)


def test_a_new_thread_held_for_review_says_so_without_asking_after_its_commit(
        member_client, blip):
    board = make_board()
    put_setting("new_account_review_posts", 3)
    db.session.commit()
    blip.arm()
    response = post_form(member_client, f"/b/{board.slug}/new",
                         {"title": "待审核的主题", "body": "正文内容"})
    blip.over()

    [thread] = Thread.query.filter_by(title="待审核的主题")
    assert response.status_code == 302 and response.location.endswith(f"/t/{thread.id}")
    assert says(member_client.get(response.location).get_data(as_text=True), UNATTENDED)
