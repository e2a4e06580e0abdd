"""Boards of types not built yet say so and take nothing; notice boards announce."""
import pytest

from forum.extensions import db
from forum.models import Thread
from tests.conftest import login, post_form
from tests.factories import make_board, make_unit, make_user

# Every type of DESIGN §4 is built: a board whose recorded type no package provides
# stands for a type still to come.
UNBUILT = ["future"]


@pytest.mark.parametrize("board_type", UNBUILT)
def test_an_unbuilt_board_says_it_is_not_open(member_client, board_type):
    board = make_board(type=board_type)
    page = member_client.get(f"/b/{board.slug}").get_data(as_text=True)
    assert 'class="notice"' in page
    assert f"/b/{board.slug}/new" not in page


@pytest.mark.parametrize("board_type", UNBUILT)
def test_a_letter_posted_to_an_unbuilt_board_is_refused_and_never_stored(member_client, board_type):
    board = make_board(type=board_type)
    assert member_client.get(f"/b/{board.slug}/new").status_code == 403
    response = post_form(member_client, f"/b/{board.slug}/new", {"title": "举报信", "body": "线索"})
    assert response.status_code == 403
    assert db.session.execute(db.select(db.func.count(Thread.id))).scalar_one() == 0


def test_a_system_admin_cannot_post_to_an_unbuilt_board_either(client):
    admin = make_user(admin_role="system")
    login(client, admin)
    board = make_board(type="future")
    assert post_form(client, f"/b/{board.slug}/new", {"title": "t", "body": "b"}).status_code == 403


def test_only_the_owning_unit_and_admins_start_notices(client):
    unit = make_unit()
    notices = make_board(type="notice", unit=unit)
    member = make_user()
    login(client, member)
    assert post_form(client, f"/b/{notices.slug}/new", {"title": "通知", "body": "内容"}).status_code == 403

    unit_account = make_user(unit_id=unit.id, is_unit_account=True, is_verified=True)
    login(client, unit_account)
    response = post_form(client, f"/b/{notices.slug}/new", {"title": "关于开展组织生活会的通知", "body": "内容"})
    assert response.status_code == 302


def test_members_reply_to_notices(client):
    unit = make_unit()
    notices = make_board(type="notice", unit=unit)
    from tests.factories import make_thread
    thread = make_thread(board=notices, author=make_user(unit_id=unit.id, is_unit_account=True))
    login(client, make_user())
    assert post_form(client, f"/t/{thread.id}/reply", {"body": "收到"}).status_code == 302


def test_verified_only_boards_refuse_unverified_members(client):
    board = make_board(settings={"verified_only": True})
    login(client, make_user())
    assert post_form(client, f"/b/{board.slug}/new", {"title": "t", "body": "b"}).status_code == 403
