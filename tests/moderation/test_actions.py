"""Moderating threads and posts from the thread page: lock, pin, move, hide, restore, edit."""
import re

import pytest

from forum.boards.recount import recount
from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Board, ModAction, Post, QueueItem, Report
from tests.conftest import fresh, login, post_form
from tests.factories import make_board, make_thread, make_user


def actions():
    db.session.expire_all()
    return [(a.action, a.reason) for a in db.session.execute(
        db.select(ModAction).where(ModAction.action.not_in(["role_grant"])).order_by(ModAction.id)).scalars()]


@pytest.fixture()
def mod_client(app, moderator):
    return login(app.test_client(), moderator)


@pytest.fixture()
def thread(moderated_board):
    return make_thread(board=moderated_board, author=make_user(), replies=2)


def test_the_thread_page_shows_moderation_controls_only_to_moderators(mod_client, member_client, thread):
    assert f"/t/{thread.id}/lock" in mod_client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert f"/t/{thread.id}/lock" not in member_client.get(f"/t/{thread.id}").get_data(as_text=True)


def test_lock_and_unlock_are_logged_and_lock_stops_replies(mod_client, member_client, thread):
    assert post_form(mod_client, f"/t/{thread.id}/lock", {"reason": "讨论结束"}).status_code == 302
    assert fresh(thread).is_locked
    assert post_form(member_client, f"/t/{thread.id}/reply", {"body": "再说一句"}).status_code == 403
    post_form(mod_client, f"/t/{thread.id}/unlock", {})
    assert not fresh(thread).is_locked
    assert actions() == [("lock", "讨论结束"), ("unlock", "")]


def test_locking_a_locked_thread_is_refused_with_a_message(mod_client, thread):
    post_form(mod_client, f"/t/{thread.id}/lock", {})
    page = post_form(mod_client, f"/t/{thread.id}/lock", {}, follow_redirects=True).get_data(as_text=True)
    assert "flash-error" in page
    assert len(actions()) == 1


def test_a_moderator_pins_in_the_board_but_not_site_wide(mod_client, thread):
    assert post_form(mod_client, f"/t/{thread.id}/pin", {"scope": "site"}).status_code == 403
    assert not fresh(thread).is_pinned
    post_form(mod_client, f"/t/{thread.id}/pin", {"scope": "board"})
    assert (fresh(thread).is_pinned, fresh(thread).pin_scope) == (True, "board")


def test_the_system_admin_pins_site_wide_and_the_pin_shows_on_other_boards(app, client, thread):
    admin = login(app.test_client(), make_user(admin_role="system"))
    post_form(admin, f"/t/{thread.id}/pin", {"scope": "site"})
    other = make_board()
    page = client.get(f"/b/{other.slug}").get_data(as_text=True)
    assert f'href="/t/{thread.id}"' in page


def test_move_into_a_board_the_moderator_also_moderates(mod_client, moderator, thread, moderated_board):
    target = make_board()
    grant(moderator, target, "moderator")
    response = post_form(mod_client, f"/t/{thread.id}/move", {"board": target.id, "reason": "归类"})
    assert response.status_code == 302
    assert fresh(thread).board_id == target.id
    assert (fresh(moderated_board).thread_count, fresh(target).thread_count) == (0, 1)
    assert fresh(target).post_count == 3


def test_a_moved_threads_queue_items_and_reports_go_to_the_new_boards_moderators(
        app, mod_client, moderator, thread, moderated_board, member_client, review_new_accounts):
    post_form(member_client, f"/t/{thread.id}/reply", {"body": "等待审核的回复"})
    [item] = db.session.execute(db.select(QueueItem)).scalars().all()
    second = db.session.execute(db.select(Post).filter_by(thread_id=thread.id, number=2)).scalar_one()
    post_form(member_client, f"/p/{second.id}/report", {"reason": "abuse", "text": "人身攻击"})
    [report] = db.session.execute(db.select(Report)).scalars().all()
    old_moderator, new_moderator = make_user(is_verified=True), make_user(is_verified=True)
    target = make_board()
    grant(old_moderator, moderated_board, "moderator")
    grant(new_moderator, target, "moderator")
    grant(moderator, target, "moderator")
    post_form(mod_client, f"/t/{thread.id}/move", {"board": target.id, "reason": "归类"})
    marks = (f'id="q{item.id}"', f'id="r{report.id}"')
    old_page = login(app.test_client(), old_moderator).get("/mod/").get_data(as_text=True)
    new_page = login(app.test_client(), new_moderator).get("/mod/").get_data(as_text=True)
    assert not any(mark in old_page for mark in marks)
    assert all(mark in new_page for mark in marks)
    assert (fresh(item).board_id, fresh(report).board_id) == (target.id, target.id)


def test_move_into_a_board_the_moderator_does_not_moderate_is_refused(mod_client, thread, moderated_board):
    elsewhere = make_board()
    assert post_form(mod_client, f"/t/{thread.id}/move", {"board": elsewhere.id, "reason": "x"}).status_code == 403
    assert post_form(mod_client, f"/t/{thread.id}/move", {"board": 999999, "reason": "x"}).status_code == 403
    assert fresh(thread).board_id == moderated_board.id


def test_move_needs_a_reason(mod_client, moderator, thread, moderated_board):
    target = make_board()
    grant(moderator, target, "moderator")
    post_form(mod_client, f"/t/{thread.id}/move", {"board": target.id, "reason": ""})
    assert fresh(thread).board_id == moderated_board.id


def test_hiding_a_thread_needs_a_reason_hides_it_and_restoring_brings_it_back(
        app, mod_client, thread, moderated_board):
    author = thread.author
    post_form(mod_client, f"/t/{thread.id}/hide", {"reason": ""})
    assert fresh(thread).status == "published"
    post_form(mod_client, f"/t/{thread.id}/hide", {"reason": "违反版规"})
    assert fresh(thread).status == "hidden"
    assert app.test_client().get(f"/t/{thread.id}").status_code == 404
    assert fresh(moderated_board).thread_count == 0
    assert fresh(author).post_count == 0  # posts in a hidden thread do not count
    post_form(mod_client, f"/t/{thread.id}/restore", {})
    assert fresh(thread).status == "published"
    assert fresh(moderated_board).thread_count == 1
    assert fresh(author).post_count == 3


def test_hiding_a_post_leaves_a_placeholder_and_the_author_sees_why(app, mod_client, moderated_board):
    author = make_user()
    thread = make_thread(board=moderated_board, author=make_user())
    from forum.boards.services import reply
    post = reply(thread, author, "不当言论")
    post_form(mod_client, f"/p/{post.id}/hide", {"reason": "人身攻击"})
    assert fresh(post).status == "hidden"
    reader = app.test_client().get(f"/t/{thread.id}").get_data(as_text=True)
    assert "不当言论" not in reader and "post-hidden" in reader
    own = login(app.test_client(), author).get(f"/t/{thread.id}").get_data(as_text=True)
    assert "人身攻击" in own and "不当言论" not in own
    assert fresh(thread).reply_count == 0
    post_form(mod_client, f"/p/{post.id}/restore", {})
    assert fresh(post).status == "published" and fresh(thread).reply_count == 1


def test_the_first_post_cannot_be_hidden_alone(mod_client, thread):
    first = db.session.execute(db.select(Post).where(Post.thread_id == thread.id, Post.number == 1)).scalar_one()
    post_form(mod_client, f"/p/{first.id}/hide", {"reason": "x"})
    assert fresh(first).status == "published"


def test_a_moderator_edits_someone_elses_post_only_with_a_reason(mod_client, thread):
    post = db.session.execute(db.select(Post).where(Post.thread_id == thread.id, Post.number == 2)).scalar_one()
    response = post_form(mod_client, f"/p/{post.id}/edit", {"body": "改正错别字"})
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    post_form(mod_client, f"/p/{post.id}/edit", {"body": "改正错别字", "reason": "错别字"})
    edited = fresh(post)
    assert (edited.body, edited.edit_reason) == ("改正错别字", "错别字")
    assert ("edit", "错别字") in actions()
    page = mod_client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "错别字" in page


@pytest.mark.parametrize("path", ["lock", "unlock", "pin", "unpin", "hide", "restore", "move"])
def test_members_cannot_moderate(member_client, thread, path):
    response = post_form(member_client, f"/t/{thread.id}/{path}", {"reason": "x", "scope": "board"})
    assert response.status_code == 403
    assert actions() == []


def test_a_moderator_of_another_board_cannot_moderate_here(app, thread):
    other = make_user(is_verified=True)
    grant(other, make_board(), "moderator")
    client = login(app.test_client(), other)
    assert post_form(client, f"/t/{thread.id}/lock", {}).status_code == 403
    assert not fresh(thread).is_locked


def test_a_unit_account_moderates_its_own_units_board_only(app, unit, thread):
    account = make_user(unit_id=unit.id, is_unit_account=True, is_verified=True)
    client = login(app.test_client(), account)
    assert post_form(client, f"/t/{thread.id}/lock", {}).status_code == 302
    assert fresh(thread).is_locked
    foreign = make_thread(board=make_board(unit=None))
    assert post_form(client, f"/t/{foreign.id}/lock", {}).status_code == 403


def test_moderation_keeps_the_counters_recount_would_give(mod_client, moderator, thread, moderated_board):
    target = make_board()
    grant(moderator, target, "moderator")
    post_form(mod_client, f"/t/{thread.id}/hide", {"reason": "先隐藏"})
    post_form(mod_client, f"/t/{thread.id}/restore", {})
    post_form(mod_client, f"/t/{thread.id}/move", {"board": target.id, "reason": "移走"})
    db.session.expire_all()

    def snapshot():
        return [(b.id, b.thread_count, b.post_count, b.last_post_id)
                for b in db.session.execute(db.select(Board).order_by(Board.id)).scalars()]

    before = snapshot()
    recount()
    db.session.expire_all()
    assert snapshot() == before


def test_the_move_list_offers_only_boards_the_thread_may_move_to(app, unit, moderated_board, thread):
    """A unit account moderates every board of its unit, a mailbox among them: the list
    leaves out what a move would refuse, and each board offered takes the move."""
    own_board = make_board(unit=unit)
    mailbox = make_board(type="mailbox", unit=unit)
    account = make_user(unit_id=unit.id, is_unit_account=True)
    client = login(app.test_client(), account)
    page = client.get(f"/t/{thread.id}").get_data(as_text=True)
    offered = re.findall(r'<option value="(\d+)"', page.split('name="board"')[1].split("</select>")[0])
    assert offered == [str(own_board.id)] and str(mailbox.id) not in offered
    assert post_form(client, f"/t/{thread.id}/move", {"board": mailbox.id, "reason": "x"}).status_code == 403
    assert post_form(client, f"/t/{thread.id}/move",
                     {"board": own_board.id, "reason": "归类"}).status_code == 302
