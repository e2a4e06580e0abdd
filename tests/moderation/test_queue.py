"""New posts that wait for a moderator: who waits, who sees what, deciding once."""
import pytest

from forum.dates import local_today
from forum.extensions import db
from forum.models import Board, ModAction, Post, QueueItem, SiteDay, Thread, User
from tests.conftest import login, post_form
from tests.factories import make_board, make_thread, make_user


def queue_items():
    db.session.expire_all()
    return db.session.execute(db.select(QueueItem).order_by(QueueItem.id)).scalars().all()


def start_thread(client, board, title="新党员的第一帖", body="请多指教"):
    return post_form(client, f"/b/{board.slug}/new", {"title": title, "body": body})


def test_a_new_accounts_first_thread_waits_and_only_its_author_sees_it(
        app, member_client, moderated_board, review_new_accounts):
    response = start_thread(member_client, moderated_board)
    thread_url = response.headers["Location"]
    own_view = member_client.get(thread_url).get_data(as_text=True)
    assert "请多指教" in own_view and "badge-wait" in own_view
    assert len(queue_items()) == 1 and queue_items()[0].reason == "new_account"

    stranger = login(app.test_client(), make_user())
    assert stranger.get(thread_url).status_code == 404
    assert "新党员的第一帖" not in stranger.get(f"/b/{moderated_board.slug}").get_data(as_text=True)
    assert app.test_client().get(thread_url).status_code == 404
    board = db.session.get(Board, moderated_board.id)
    assert (board.thread_count, board.post_count) == (0, 0)


def test_approving_publishes_the_post_and_updates_the_counters(
        app, member, member_client, moderated_board, moderator, review_new_accounts):
    thread_url = start_thread(member_client, moderated_board).headers["Location"]
    item = queue_items()[0]
    mod_client = login(app.test_client(), moderator)
    assert "新党员的第一帖" in mod_client.get("/mod/").get_data(as_text=True)
    response = post_form(mod_client, f"/q/{item.id}/approve", {})
    assert response.status_code == 302
    assert queue_items()[0].status == "approved"
    assert "请多指教" in app.test_client().get(thread_url).get_data(as_text=True)
    board = db.session.get(Board, moderated_board.id)
    assert (board.thread_count, board.post_count) == (1, 1)
    assert db.session.get(User, member.id).post_count == 1
    today = db.session.get(SiteDay, local_today())
    assert (today.posts, today.threads) == (1, 1)  # published today: in today's figures
    log = db.session.execute(db.select(ModAction).where(ModAction.action == "approve")).scalars().all()
    assert [(a.actor_id, a.board_id, a.target_id) for a in log] == [
        (moderator.id, moderated_board.id, queue_items()[0].post_id)]


def test_rejecting_needs_a_reason_and_the_author_sees_it(
        app, member_client, moderated_board, moderator, review_new_accounts):
    thread = make_thread(board=moderated_board, author=moderator)
    post_url = post_form(member_client, f"/t/{thread.id}/reply", {"body": "广告内容"}).headers["Location"]
    item = queue_items()[0]
    mod_client = login(app.test_client(), moderator)
    post_form(mod_client, f"/q/{item.id}/reject", {"reason": ""})
    assert queue_items()[0].status == "open"
    post_form(mod_client, f"/q/{item.id}/reject", {"reason": "与主题无关"})
    assert queue_items()[0].status == "rejected"
    own_view = member_client.get(member_client.get(post_url).headers["Location"]).get_data(as_text=True)
    assert "与主题无关" in own_view
    assert db.session.execute(db.select(Post.status).where(Post.id == item.post_id)).scalar_one() == "hidden"


def test_deciding_an_item_twice_is_refused_and_changes_nothing(
        app, member_client, moderated_board, moderator, review_new_accounts):
    start_thread(member_client, moderated_board)
    item = queue_items()[0]
    mod_client = login(app.test_client(), moderator)
    post_form(mod_client, f"/q/{item.id}/approve", {})
    response = post_form(mod_client, f"/q/{item.id}/reject", {"reason": "晚了"}, follow_redirects=True)
    assert "其他版主" in response.get_data(as_text=True)  # "decided by another moderator"
    assert queue_items()[0].status == "approved"
    decisions = db.select(db.func.count(ModAction.id)).where(ModAction.action.in_(["approve", "reject"]))
    assert db.session.execute(decisions).scalar_one() == 1


def test_a_pre_moderated_board_queues_even_established_members(app, moderated_board, moderator):
    moderated_board.settings = {"premoderated": True}
    db.session.commit()
    veteran = make_user(is_verified=True)
    client = login(app.test_client(), veteran)
    start_thread(client, moderated_board)
    assert [i.reason for i in queue_items()] == ["board"]


def test_moderators_posts_do_not_wait(app, moderated_board, moderator, review_new_accounts):
    moderated_board.settings = {"premoderated": True}
    db.session.commit()
    start_thread(login(app.test_client(), moderator), moderated_board)
    assert queue_items() == []
    assert db.session.execute(db.select(Thread.status)).scalar_one() == "published"


def test_the_new_account_review_ends_after_the_set_number_of_approved_posts(
        app, member, member_client, moderated_board, moderator, review_new_accounts):
    db.session.execute(db.update(User).where(User.id == member.id).values(post_count=3))
    db.session.commit()
    start_thread(member_client, moderated_board)
    assert queue_items() == []


@pytest.mark.parametrize("who", ["member", "other_moderator", "guest"])
def test_only_the_boards_moderators_can_decide_its_items(
        app, member_client, moderated_board, review_new_accounts, who):
    start_thread(member_client, moderated_board)
    item = queue_items()[0]
    client = app.test_client()
    if who == "other_moderator":
        other = make_user(is_verified=True)
        from forum.boards.roles import grant
        grant(other, make_board(), "moderator")
        login(client, other)
    elif who == "member":
        login(client, make_user())
    response = post_form(client, f"/q/{item.id}/approve", {})
    assert response.status_code == (302 if who == "guest" else 404)
    if who == "guest":
        assert "/login" in response.headers["Location"]
    assert queue_items()[0].status == "open"


def test_the_queue_page_lists_only_the_moderators_boards_oldest_first(
        app, moderated_board, moderator, review_new_accounts):
    elsewhere = make_board()
    for board, title in [(moderated_board, "第一"), (elsewhere, "别处"), (moderated_board, "第二")]:
        start_thread(login(app.test_client(), make_user()), board, title=title)
    page = login(app.test_client(), moderator).get("/mod/").get_data(as_text=True)
    assert "别处" not in page
    assert page.index("第一") < page.index("第二")
    assert '<strong class="queue-count">2</strong>' in page


def test_a_member_who_moderates_nothing_gets_403_on_the_queue(member_client):
    assert member_client.get("/mod/").status_code == 403
