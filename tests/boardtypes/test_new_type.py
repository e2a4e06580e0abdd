"""A new board type needs no edit outside its own package: 密室 (tests/boardtypes/room/)
plugs into the seam, and every hook of the type interface shows through HTTP."""
import io
import re

import pytest

import config
from forum import create_app
from forum.extensions import db
from forum.models import Attachment, Board, BoardRole, Post, QueueItem, Thread, User
from tests.attachments import samples
from tests.boardtypes import room
from tests.boardtypes.room.listeners import HEARD
from tests.conftest import IsolatedClient, login, post_form
from tests.factories import make_board, make_thread, make_unit, make_user


@pytest.fixture(scope="module")
def room_app(app):
    """The forum with the room's package registered, as create_app registers its own."""
    room_app = create_app(config.TestingConfig())
    room_app.test_client_class = IsolatedClient
    room.init_app(room_app)
    return room_app


@pytest.fixture()
def unit():
    return make_unit(name="谈心中心")


@pytest.fixture()
def room_board(unit):
    return make_board(type="test_room", slug="mishi", name="密室", unit=unit)


@pytest.fixture()
def member():
    return make_user(username="fangke", is_verified=True)


def client_of(room_app, user=None):
    client = room_app.test_client()
    return login(client, user) if user else client


def start(client, board, title="心里话", body="最近压力很大", **files):
    return post_form(client, f"/b/{board.slug}/new", {"title": title, "body": body, **files},
                     **({"content_type": "multipart/form-data"} if files else {}))


def new_thread_id(response):
    return int(re.search(r"/t/(\d+)", response.headers["Location"]).group(1))


def test_the_index_shows_the_rooms_own_row_and_its_board_page_its_own_values(
        room_app, room_board):
    index = client_of(room_app).get("/").get_data(as_text=True)
    assert 'class="badge room-badge">密室 · 0 个话题<' in index
    page = client_of(room_app).get("/b/mishi").get_data(as_text=True)
    assert "欢迎来到密室" in page and room_board.description in page


def test_a_room_thread_is_read_only_by_its_author_and_the_rooms_counsellors(
        room_app, room_board, member):
    author = client_of(room_app, member)
    thread_id = new_thread_id(start(author, room_board))
    page = author.get(f"/t/{thread_id}").get_data(as_text=True)
    assert "只有你和谈心员能看到这里 · 门已关好" in page
    counsellor = make_user(username="tanxin", is_verified=True)
    db.session.add(BoardRole(user_id=counsellor.id, board_id=room_board.id, role="counsellor"))
    db.session.commit()
    assert client_of(room_app, counsellor).get(f"/t/{thread_id}").status_code == 200
    for stranger in (None, make_user(username="pangren"), make_user(admin_role="system")):
        assert client_of(room_app, stranger).get(f"/t/{thread_id}").status_code == 404


def test_a_guest_knocking_gets_the_rooms_own_start_page(room_app, room_board):
    page = client_of(room_app).get("/b/mishi/new").get_data(as_text=True)
    assert "请先登录再敲门" in page


def test_the_rooms_validator_refuses_and_its_receiver_hears(room_app, room_board, member):
    author = client_of(room_app, member)
    page = start(author, room_board, body="我的身份证号是……").get_data(as_text=True)
    assert "密室里不要写身份证号" in page
    assert db.session.execute(db.select(db.func.count(Thread.id))).scalar_one() == 0
    thread_id = new_thread_id(start(author, room_board))
    first = db.session.execute(db.select(Post.id).filter_by(thread_id=thread_id)).scalar_one()
    assert first in HEARD


def test_room_content_is_not_indexed_fed_or_counted(room_app, room_board, member):
    start(client_of(room_app, member), room_board, body="zzroomsecret 只在密室说")
    square = make_board(slug="guangchang")
    make_thread(board=square, body="zzsquarepublic 公开的话")
    guest = client_of(room_app)
    assert 'class="result"' not in guest.get("/search?q=zzroomsecret").get_data(as_text=True)
    assert 'class="result"' in guest.get("/search?q=zzsquarepublic").get_data(as_text=True)
    assert guest.get("/feeds/mishi.atom").status_code == 404
    assert guest.get("/feeds/guangchang.atom").status_code == 200
    db.session.expire_all()
    assert db.session.get(User, member.id).post_count == 0


def test_no_thread_moves_into_or_out_of_the_room(room_app, room_board, member):
    admin = client_of(room_app, make_user(admin_role="system"))
    square, elsewhere = make_board(slug="guangchang"), make_board(slug="biechu")
    thread = make_thread(board=square)
    page = admin.get(f"/t/{thread.id}").get_data(as_text=True)
    assert f'<option value="{elsewhere.id}"' in page
    assert f'<option value="{room_board.id}"' not in page
    assert post_form(admin, f"/t/{thread.id}/move", {"board": room_board.id}).status_code == 403
    inside = new_thread_id(start(client_of(room_app, member), room_board))
    assert post_form(admin, f"/t/{inside}/move", {"board": square.id}).status_code in (403, 404)
    db.session.expire_all()
    assert db.session.get(Thread, thread.id).board_id == square.id
    assert db.session.get(Thread, inside).board_id == room_board.id


def test_a_rooms_files_are_read_only_by_those_who_read_its_thread(room_app, room_board, member):
    author = client_of(room_app, member)
    start(author, room_board, files=[(io.BytesIO(samples.PDF), "心里话.pdf")])
    token = db.session.execute(db.select(Attachment.token)).scalar_one()
    assert author.get(f"/a/{token}").status_code == 200
    assert client_of(room_app, make_user()).get(f"/a/{token}").status_code == 404


def test_the_manage_page_offers_the_rooms_settings_to_whom_they_belong(
        room_app, room_board, unit, member):
    manager = client_of(room_app, make_user(is_unit_account=True, unit_id=unit.id))
    page = manager.get("/b/mishi/manage").get_data(as_text=True)
    assert 'name="rules"' in page and 'name="screened"' not in page
    assert 'name="premoderated"' not in page
    admin = client_of(room_app, make_user(admin_role="system"))
    assert 'name="screened"' in admin.get("/b/mishi/manage").get_data(as_text=True)
    post_form(admin, "/b/mishi/manage", {"description": room_board.description, "screened": "y"})
    db.session.expire_all()
    assert db.session.get(Board, room_board.id).settings["screened"] is True
    start(client_of(room_app, member), room_board)
    [thread] = db.session.execute(db.select(Thread)).scalars().all()
    assert thread.status == "pending"
    assert db.session.execute(db.select(db.func.count(QueueItem.id))).scalar_one() == 1


def test_a_rooms_setting_is_checked_by_its_own_rule(room_app, room_board, unit):
    manager = client_of(room_app, make_user(is_unit_account=True, unit_id=unit.id))
    page = post_form(manager, "/b/mishi/manage", {"description": room_board.description,
                                                   "door_sign": "一二三四五六七八九十十一"})
    assert "门牌最多十个字。" in page.get_data(as_text=True)
    db.session.expire_all()
    assert "door_sign" not in db.session.get(Board, room_board.id).settings
    post_form(manager, "/b/mishi/manage", {"description": room_board.description,
                                           "door_sign": " 静室 "})
    db.session.expire_all()
    assert db.session.get(Board, room_board.id).settings["door_sign"] == "静室"


def test_the_manage_page_appoints_the_rooms_own_staff_and_no_admin(room_app, room_board, unit):
    manager = client_of(room_app, make_user(is_unit_account=True, unit_id=unit.id))
    page = manager.get("/b/mishi/manage").get_data(as_text=True)
    assert 'action="/b/mishi/manage/counsellors"' in page
    assert 'action="/b/mishi/manage/moderators"' not in page
    counsellor = make_user(username="tanxin", is_verified=True)
    assert post_form(manager, "/b/mishi/manage/counsellors", {"username": "tanxin"}).status_code == 302
    assert post_form(manager, "/b/mishi/manage/moderators", {"username": "tanxin"}).status_code == 404
    make_user(username="xitong", admin_role="system", is_verified=True)
    post_form(manager, "/b/mishi/manage/counsellors", {"username": "xitong"})
    roles = db.session.execute(db.select(BoardRole.user_id, BoardRole.role)).all()
    assert roles == [(counsellor.id, "counsellor")]
