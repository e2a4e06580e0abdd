"""After a commit the views answer from what is known (issue 24): a reply committed as
the database restarted was answered with a 500, as the view read the post again, and its
writer posted it twice. Now the saved post's redirect needs no query."""
from forum.extensions import db
from forum.models import Post, Thread
from tests.conftest import post_form
from tests.factories import make_thread


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
