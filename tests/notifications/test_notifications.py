"""Notifications: who hears of a post, the bell, the list, and reading them."""
import html
import re

from forum.boards.services import reply
from forum.extensions import db
from forum.models import Notification, Post, QueueItem
from forum.moderation.actions import hide_post
from forum.moderation.queue import decide
from forum.settings import put_setting
from tests.checks import says
from tests.conftest import login, post_form
from tests.factories import make_board, make_thread, make_user


def notifications_of(user, kind=None):
    db.session.expire_all()
    query = db.select(Notification).where(Notification.user_id == user.id)
    if kind:
        query = query.where(Notification.kind == kind)
    return db.session.execute(query.order_by(Notification.id)).scalars().all()


def bell_count(page):
    return int(re.search(r'class="bell-count[^"]*">(\d+)<', page).group(1))


def test_a_reply_notifies_the_threads_author_but_not_the_replier(client):
    author, replier = make_user(), make_user()
    thread = make_thread(author=author)
    login(client, replier)
    response = post_form(client, f"/t/{thread.id}/reply", {"body": "赞同"})
    assert response.status_code == 302
    (note,) = notifications_of(author)
    assert (note.kind, note.actor_id, note.thread_id) == ("reply", replier.id, thread.id)
    assert notifications_of(replier) == []


def test_quoting_a_post_notifies_its_author_once_as_a_quote(client):
    author, quoted, quoter = make_user(), make_user(), make_user()
    thread = make_thread(author=author)
    second = reply(thread, quoted, "第二楼的意见")
    login(client, quoter)
    page = client.get(f"/t/{thread.id}/reply?quote={second.id}").get_data(as_text=True)
    body = re.search(r'<textarea[^>]*name="body"[^>]*>\n?(.*?)</textarea>', page, re.S).group(1)
    post_form(client, f"/t/{thread.id}/reply", {"body": html.unescape(body) + "同意楼上"})
    assert [n.kind for n in notifications_of(quoted)] == ["quote"]
    assert [n.kind for n in notifications_of(author)] == ["reply", "reply"]


def test_a_mention_notifies_the_member_even_when_chinese_text_runs_on(client):
    writer, named = make_user(), make_user(username="张三")
    login(client, writer)
    board = make_board()
    response = post_form(client, f"/b/{board.slug}/new", {"title": "请教", "body": "@张三请看一下"})
    assert response.status_code == 302
    assert [n.kind for n in notifications_of(named)] == ["mention"]


def test_a_mention_links_to_the_profile_of_the_member_it_names(client):
    make_user(username="张三")
    login(client, make_user())
    post_form(client, f"/b/{make_board().slug}/new",
              {"title": "请教", "body": "@张三请看一下，代码 `@张三` 不算"})
    body = db.session.execute(db.select(Post.body_html)).scalar_one()
    assert body.count('class="mention"') == 1
    assert re.search(r'<a href="/u/%E5%BC%A0%E4%B8%89" class="mention" rel="[^"]+">@张三</a>请看一下', body)
    assert "<code>@张三</code>" in body


def test_a_mention_of_nobody_is_refused_and_nothing_is_stored(client):
    writer = make_user()
    thread = make_thread()
    login(client, writer)
    response = post_form(client, f"/t/{thread.id}/reply", {"body": "@没有这个人 你好"})
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), "There is no member called @%(name)s.",
                name="没有这个人")
    assert db.session.execute(db.select(db.func.count(Post.id))).scalar_one() == 1


def test_mentions_inside_code_and_email_addresses_are_not_mentions(client):
    writer = make_user()
    thread = make_thread()
    login(client, writer)
    response = post_form(client, f"/t/{thread.id}/reply",
                         {"body": "写信到 office@zhijin.gov.cn，代码 `@decorator`"})
    assert response.status_code == 302


def test_a_member_who_cannot_read_the_thread_is_not_told_of_it(client):
    writer, outsider = make_user(), make_user(username="outsider")
    thread = make_thread(author=writer)
    put_setting("new_account_review_posts", 1)  # a newcomer's reply waits for a moderator
    db.session.commit()
    assert reply(thread, make_user(), "@outsider 请注意").status == "pending"
    thread.status = "hidden"  # a hidden thread takes no replies; a waiting one may be approved
    db.session.commit()
    decide(db.session.execute(db.select(QueueItem)).scalar_one(), make_user(admin_role="system"), True)
    assert notifications_of(outsider) == []


def test_approving_a_queued_post_tells_its_author_and_then_the_thread_author():
    put_setting("new_account_review_posts", 5)
    db.session.commit()
    owner = make_user(is_unit_account=True)
    thread = make_thread(author=owner)
    newcomer = make_user()
    post = reply(thread, newcomer, "新人的第一帖")
    assert post.status == "pending" and notifications_of(owner) == []
    moderator = make_user(admin_role="system")
    item = db.session.execute(db.select(QueueItem)).scalar_one()
    decide(item, moderator, approve=True)
    assert [n.kind for n in notifications_of(newcomer)] == ["post_approved"]
    assert [n.kind for n in notifications_of(owner)] == ["reply"]


def test_a_rejected_post_tells_its_author_why():
    put_setting("new_account_review_posts", 5)
    db.session.commit()
    thread = make_thread(author=make_user(is_unit_account=True))
    newcomer = make_user()
    reply(thread, newcomer, "新人的帖子")
    item = db.session.execute(db.select(QueueItem)).scalar_one()
    decide(item, make_user(admin_role="system"), approve=False, reason="与本版无关")
    (note,) = notifications_of(newcomer)
    assert note.kind == "post_rejected" and note.data["reason"] == "与本版无关"


def test_hiding_a_post_tells_its_author():
    thread = make_thread()
    writer = make_user()
    post = reply(thread, writer, "广告")
    hide_post(post, make_user(admin_role="system"), "广告帖")
    assert [n.kind for n in notifications_of(writer)] == ["post_hidden"]


def test_the_bell_counts_unread_and_opening_one_marks_it_read(client):
    author = make_user()
    thread = make_thread(author=author)
    reply(thread, make_user(), "一")
    reply(thread, make_user(), "二")
    login(client, author)
    assert bell_count(client.get("/").get_data(as_text=True)) == 2
    page = client.get("/notifications").get_data(as_text=True)
    first = re.search(r'href="(/notifications/\d+)"', page).group(1)
    response = client.get(first)
    assert response.status_code == 302 and "/p/" in response.headers["Location"]
    assert bell_count(client.get("/").get_data(as_text=True)) == 1
    post_form(client, "/notifications/read", {})
    assert bell_count(client.get("/").get_data(as_text=True)) == 0


def test_nobody_opens_someone_elses_notification(client):
    author = make_user()
    thread = make_thread(author=author)
    reply(thread, make_user(), "一")
    (note,) = notifications_of(author)
    login(client, make_user())
    assert client.get(f"/notifications/{note.id}").status_code == 404
    assert notifications_of(author)[0].read_at is None


def test_the_notification_page_words_each_kind_and_escapes_titles(client):
    author = make_user()
    thread = make_thread(author=author, title="<b>标题</b>")
    reply(thread, make_user(), "一")
    login(client, author)
    page = client.get("/notifications").get_data(as_text=True)
    assert "&lt;b&gt;标题&lt;/b&gt;" in page and "<b>标题</b>" not in page


def test_guests_are_sent_to_log_in(client):
    assert client.get("/notifications").status_code == 302
