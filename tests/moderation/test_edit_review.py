"""An edit that must be reviewed never unpublishes the post: it waits as a proposal."""
from forum.extensions import db
from forum.models import Notification, Post, QueueItem
from forum.moderation.words import add_word
from forum.boards.recount import recount
from forum.settings import put_setting
from tests.checks import log, says
from tests.conftest import fresh, login, post_form
from tests.factories import make_board, make_thread, make_user


def item():
    db.session.expire_all()
    return db.session.execute(db.select(QueueItem)).scalar_one()


def review_new_accounts():
    """New accounts' first 3 posts (and edits) wait: turned on once the thread is out."""
    put_setting("new_account_review_posts", 3)
    db.session.commit()


def test_a_new_accounts_edit_leaves_the_published_thread_as_it_was_until_approved(
        app, member, member_client, moderated_board, moderator):
    thread = make_thread(board=moderated_board, author=member, title="原来的标题", body="原来的正文")
    reader = login(app.test_client(), make_user())
    post_form(reader, f"/t/{thread.id}/reply", {"body": "读者的回复"})
    review_new_accounts()
    first = db.session.execute(db.select(Post).where(Post.thread_id == thread.id, Post.number == 1)).scalar_one()

    answer = post_form(member_client, f"/p/{first.id}/edit", {"title": "新标题", "body": "修改后的正文"},
                       follow_redirects=True)
    assert says(answer.get_data(as_text=True), "Your edit waits for a moderator; until it is approved the post stays as it was.")
    page = reader.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "原来的正文" in page and "原来的标题" in page and "修改后的正文" not in page
    assert fresh(thread).status == "published"
    assert fresh(thread).reply_count == 1
    assert fresh(moderated_board).post_count == 2
    assert item().edit_body == "修改后的正文" and item().edit_title == "新标题"

    mod_client = login(app.test_client(), moderator)
    queue = mod_client.get("/mod/").get_data(as_text=True)
    assert "原来的正文" in queue and "修改后的正文" in queue and "<del>" in queue and "<ins>" in queue
    post_form(mod_client, f"/q/{item().id}/approve", {})
    page = reader.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "修改后的正文" in page and "新标题" in page
    assert fresh(first).edited_by_id == member.id
    assert fresh(moderated_board).post_count == 2
    assert db.session.execute(db.select(Notification.kind).where(
        Notification.user_id == member.id)).scalars().all()[-1] == "edit_approved"


def test_a_rejected_edit_leaves_the_post_and_tells_the_author_why(
        app, member, member_client, moderated_board, moderator):
    thread = make_thread(board=moderated_board, author=member, body="原来的正文")
    add_word("敏感词", "review")
    db.session.commit()
    post = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    post_form(member_client, f"/p/{post.id}/edit", {"title": thread.title, "body": "加了敏感词的正文"})
    assert item().reason == "word_filter" and fresh(post).status == "published"
    mod_client = login(app.test_client(), moderator)
    post_form(mod_client, f"/q/{item().id}/reject", {"reason": "含有需审核的词语"})
    assert item().status == "rejected"
    assert fresh(post).body == "原来的正文" and fresh(post).status == "published"
    notice = db.session.execute(db.select(Notification).where(
        Notification.user_id == member.id, Notification.kind == "edit_rejected")).scalar_one()
    assert notice.data["reason"] == "含有需审核的词语"
    assert [(a.actor_id, a.target_id) for a in log("reject_edit")] == [(moderator.id, post.id)]


def test_a_second_edit_while_one_waits_replaces_it(app, member, member_client, moderated_board):
    thread = make_thread(board=moderated_board, author=member, body="原来的正文")
    review_new_accounts()
    post = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    for body in ("第一次修改", "第二次修改"):
        post_form(member_client, f"/p/{post.id}/edit", {"title": thread.title, "body": body})
    db.session.expire_all()
    rows = db.session.execute(db.select(QueueItem.status, QueueItem.edit_body)
                              .order_by(QueueItem.id)).all()
    assert rows == [("replaced", "第一次修改"), ("open", "第二次修改")]


def test_a_recount_never_gives_a_thread_minus_one_replies(app):
    thread = make_thread(board=make_board())
    db.session.execute(db.update(Post).values(status="pending"))
    db.session.commit()
    recount()
    assert fresh(thread).reply_count == 0
