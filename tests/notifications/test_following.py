"""Following threads and boards, unread marks, jumping to the first unread post."""
import re
from datetime import timedelta

from forum.boards.services import reply
from forum.extensions import db
from forum.models import Notification, QueueItem, Subscription, ThreadRead
from forum.moderation.queue import decide
from forum.settings import put_setting
from tests.conftest import login, post_form
from tests.factories import PASSWORD, make_board, make_thread, make_user


def kinds_of(user):
    db.session.expire_all()
    return [n.kind for n in db.session.execute(
        db.select(Notification).where(Notification.user_id == user.id)
        .order_by(Notification.id)).scalars()]


def joined_yesterday(user):
    """Back-date the registration, so that what the test writes is news to the member."""
    user.created_at -= timedelta(days=1)
    db.session.commit()


def unread_links(page):
    return re.findall(r'class="unread-mark" href="(/t/\d+/unread)"', page)


def test_following_a_thread_brings_its_replies_to_the_follower(client):
    follower = make_user()
    thread = make_thread()
    login(client, follower)
    assert post_form(client, f"/t/{thread.id}/subscribe", {}).status_code == 302
    post_form(client, f"/t/{thread.id}/subscribe", {})  # twice is once
    reply(thread, make_user(), "新进展")
    assert kinds_of(follower) == ["subscription"]
    assert db.session.execute(db.select(db.func.count(Subscription.id))).scalar_one() == 1
    post_form(client, f"/t/{thread.id}/unsubscribe", {})
    reply(thread, make_user(), "又一条")
    assert kinds_of(follower) == ["subscription"]


def test_following_a_board_brings_its_new_threads_but_not_replies(client):
    follower = make_user()
    board = make_board()
    login(client, follower)
    post_form(client, f"/b/{board.slug}/subscribe", {})
    thread = make_thread(board=board)
    reply(thread, make_user(), "回复")
    assert kinds_of(follower) == ["subscription"]


def test_a_follower_who_may_no_longer_read_the_thread_hears_nothing(client):
    follower = make_user()
    thread = make_thread()
    login(client, follower)
    post_form(client, f"/t/{thread.id}/subscribe", {})
    put_setting("new_account_review_posts", 1)  # a newcomer's reply waits for a moderator
    db.session.commit()
    assert reply(thread, make_user(), "新人的回复").status == "pending"
    thread.status = "hidden"  # a hidden thread takes no replies; a waiting one may be approved
    db.session.commit()
    decide(db.session.execute(db.select(QueueItem)).scalar_one(), make_user(admin_role="system"), True)
    assert kinds_of(follower) == []


def test_the_author_of_a_thread_who_also_follows_it_hears_once():
    author = make_user()
    thread = make_thread(author=author)
    db.session.add(Subscription(user_id=author.id, thread_id=thread.id))
    db.session.commit()
    reply(thread, make_user(), "回复")
    assert kinds_of(author) == ["reply"]


def test_threads_with_new_posts_are_marked_until_read(client):
    reader = make_user()
    joined_yesterday(reader)
    board = make_board()
    old, new = make_thread(board=board), make_thread(board=board)
    login(client, reader)
    client.get(f"/t/{old.id}")
    page = client.get(f"/b/{board.slug}").get_data(as_text=True)
    assert unread_links(page) == [f"/t/{new.id}/unread"]
    reply(old, make_user(), "新回复")
    page = client.get(f"/b/{board.slug}").get_data(as_text=True)
    assert sorted(unread_links(page)) == sorted([f"/t/{old.id}/unread", f"/t/{new.id}/unread"])


def test_what_was_written_before_someone_joined_is_not_unread_to_them(client):
    board = make_board()
    make_thread(board=board)
    login(client, make_user())
    assert unread_links(client.get(f"/b/{board.slug}").get_data(as_text=True)) == []


def test_jump_to_first_unread_lands_on_the_first_post_not_read(client):
    reader = make_user()
    joined_yesterday(reader)
    thread = make_thread(replies=2)
    login(client, reader)
    client.get(f"/t/{thread.id}")
    newer = reply(thread, make_user(), "第四楼")
    reply(thread, make_user(), "第五楼")
    response = client.get(f"/t/{thread.id}/unread")
    assert response.headers["Location"] == f"/p/{newer.id}"


def test_jump_to_first_unread_with_nothing_unread_goes_to_the_last_post(client):
    thread = make_thread(replies=1)
    login(client, make_user())
    response = client.get(f"/t/{thread.id}/unread")
    assert response.headers["Location"] == f"/p/{thread.last_post_id}"


def test_mark_board_read_clears_every_mark_of_the_board(client):
    reader = make_user()
    joined_yesterday(reader)
    board = make_board()
    make_thread(board=board)
    make_thread(board=board)
    login(client, reader)
    assert len(unread_links(client.get(f"/b/{board.slug}").get_data(as_text=True))) == 2
    assert post_form(client, f"/b/{board.slug}/read", {}).status_code == 302
    assert unread_links(client.get(f"/b/{board.slug}").get_data(as_text=True)) == []


def test_a_hidden_thread_cannot_be_followed_or_jumped_into(client):
    thread = make_thread()
    thread.status = "hidden"
    db.session.commit()
    login(client, make_user())
    assert post_form(client, f"/t/{thread.id}/subscribe", {}).status_code == 404
    assert client.get(f"/t/{thread.id}/unread").status_code == 404
    assert db.session.execute(db.select(db.func.count(Subscription.id))).scalar_one() == 0


def test_following_without_the_forms_token_changes_nothing(app, client):
    thread = make_thread()
    login(client, make_user())
    assert client.post(f"/t/{thread.id}/subscribe").status_code == 400
    assert db.session.execute(db.select(db.func.count(Subscription.id))).scalar_one() == 0


def test_deleting_an_account_erases_its_notifications_follows_and_read_marks(client):
    member = make_user()
    thread = make_thread(author=member)
    login(client, member)
    post_form(client, f"/t/{thread.id}/subscribe", {})
    client.get(f"/t/{thread.id}")
    reply(thread, make_user(), "回复")
    assert post_form(client, "/account/delete", {"password": PASSWORD}).status_code == 302
    for model in (Notification, Subscription, ThreadRead):
        assert db.session.execute(db.select(db.func.count()).select_from(model)
                                  .where(model.user_id == member.id)).scalar_one() == 0


def test_a_deleted_account_hears_no_more_replies_to_its_threads(client):
    member = make_user()
    thread = make_thread(author=member)
    login(client, member)
    assert post_form(client, "/account/delete", {"password": PASSWORD}).status_code == 302
    reply(thread, make_user(), "回复")
    assert db.session.execute(db.select(db.func.count(Notification.id))
                              .where(Notification.user_id == member.id)).scalar_one() == 0
