"""精华: a board's moderators mark a thread featured; its list filters by them."""
import re

import pytest

from forum.extensions import db
from forum.models import ModAction, Notification
from tests.conftest import fresh, login, post_form
from tests.factories import make_board, make_thread, make_user


@pytest.fixture()
def mod_client(app, moderator):
    return login(app.test_client(), moderator)


@pytest.fixture()
def author():
    return make_user(username="zuozhe")


@pytest.fixture()
def thread(moderated_board, author):
    return make_thread(board=moderated_board, author=author, title="值得一读的经验")


def logged():
    db.session.expire_all()
    return [(a.action, a.reason) for a in db.session.execute(
        db.select(ModAction).where(ModAction.action.in_(["feature", "unfeature"]))
        .order_by(ModAction.id)).scalars()]


def titles(client, path):
    return re.findall(r'class="thread-title" href="/t/\d+">([^<]+)<', client.get(path).get_data(as_text=True))


def test_a_moderator_marks_and_unmarks_a_thread_featured_and_both_are_logged(mod_client, thread):
    assert post_form(mod_client, f"/t/{thread.id}/feature", {"reason": "经验可推广"}).status_code == 302
    assert fresh(thread).is_featured
    post_form(mod_client, f"/t/{thread.id}/unfeature", {})
    assert not fresh(thread).is_featured
    assert logged() == [("feature", "经验可推广"), ("unfeature", "")]


def test_the_author_hears_that_the_thread_was_featured(mod_client, thread, author):
    post_form(mod_client, f"/t/{thread.id}/feature", {})
    kinds = db.session.execute(db.select(Notification.kind)
                               .where(Notification.user_id == author.id)).scalars().all()
    assert kinds == ["thread_featured"]
    page = login(mod_client.application.test_client(), author).get("/notifications")
    assert "值得一读的经验" in page.get_data(as_text=True)


def test_featuring_a_featured_thread_is_refused_with_a_message(mod_client, thread):
    post_form(mod_client, f"/t/{thread.id}/feature", {})
    page = post_form(mod_client, f"/t/{thread.id}/feature", {}, follow_redirects=True)
    assert "flash-error" in page.get_data(as_text=True)
    assert len(logged()) == 1


def test_members_cannot_feature(member_client, thread):
    assert post_form(member_client, f"/t/{thread.id}/feature", {}).status_code == 403
    assert not fresh(thread).is_featured and logged() == []


def test_a_thread_of_a_board_type_without_featuring_is_refused(app):
    admin = login(app.test_client(), make_user(admin_role="system"))
    lesson = make_thread(board=make_board(type="training"))
    page = post_form(admin, f"/t/{lesson.id}/feature", {}, follow_redirects=True)
    assert "flash-error" in page.get_data(as_text=True)
    assert not fresh(lesson).is_featured


def test_the_badge_shows_on_the_board_row_and_the_thread_page(client, mod_client, thread, moderated_board):
    assert 'class="badge featured"' not in client.get(f"/b/{moderated_board.slug}").get_data(as_text=True)
    post_form(mod_client, f"/t/{thread.id}/feature", {})
    assert 'class="badge featured"' in client.get(f"/b/{moderated_board.slug}").get_data(as_text=True)
    assert 'class="badge featured"' in client.get(f"/t/{thread.id}").get_data(as_text=True)


def test_the_featured_filter_keeps_only_featured_threads(client, mod_client, thread, moderated_board):
    make_thread(board=moderated_board, title="普通主题")
    post_form(mod_client, f"/t/{thread.id}/feature", {})
    assert titles(client, f"/b/{moderated_board.slug}?featured=1") == ["值得一读的经验"]
    assert sorted(titles(client, f"/b/{moderated_board.slug}")) == ["值得一读的经验", "普通主题"]


def test_a_board_without_featured_threads_says_so(client, moderated_board, thread):
    page = client.get(f"/b/{moderated_board.slug}?featured=1").get_data(as_text=True)
    assert titles(client, f"/b/{moderated_board.slug}?featured=1") == []
    assert 'class="empty"' in page


def test_the_filter_is_offered_only_where_threads_are_featured(client):
    assert 'name="featured"' in client.get(f"/b/{make_board().slug}").get_data(as_text=True)
    notices = make_board(type="notice")
    assert 'name="featured"' not in client.get(f"/b/{notices.slug}").get_data(as_text=True)
