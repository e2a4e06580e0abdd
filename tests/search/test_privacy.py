"""Search never shows anything the reader may not read: private boards are never
indexed, hidden and pending content disappears at once, moved threads follow the new
board's rules. Each private marker is searched for as every role."""
import pytest

from forum.boards.roles import grant
from forum.boards.services import edit_post, reply
from forum.access import Guest
from forum.extensions import db
from forum.models import Post, QueueItem
from forum.moderation.actions import hide_post, hide_thread, move_thread, restore_thread
from forum.moderation.queue import decide
from forum.search.adapter import search
from tests.conftest import login
from tests.factories import make_board, make_thread, make_unit, make_user

PRIVATE_TYPES = ("mailbox", "counsel", "branch")


def _roles(board, unit):
    moderator = make_user()
    grant(moderator, board, "moderator")
    return {"guest": Guest(), "member": make_user(), "verified": make_user(is_verified=True),
            "moderator": moderator,
            "unit_account": make_user(unit_id=unit.id, is_unit_account=True, is_verified=True),
            "system": make_user(admin_role="system"), "security": make_user(admin_role="security"),
            "audit": make_user(admin_role="audit")}


def _private_world():
    """One marker per kind of private content, and one public control marker."""
    unit = make_unit()
    public = make_board(unit=unit)
    markers = {}
    for board_type in PRIVATE_TYPES:
        board = make_board(type=board_type, unit=unit)
        make_thread(board=board, title=f"私密{board_type}", body=f"zz{board_type}marker 内容")
        markers[board_type] = f"zz{board_type}marker"
    hidden = make_thread(board=public, body="zzhiddenthread 内容")
    moderator = make_user(admin_role="system")
    hide_thread(hidden, moderator, "违规")
    hidden_reply = reply(make_thread(board=public), make_user(), "zzhiddenpost 回复")
    hide_post(hidden_reply, moderator, "违规")
    moved = make_thread(board=public, body="zzmovedaway 内容")
    move_thread(moved, make_board(type="mailbox", unit=unit), moderator, "转入信箱")
    markers.update(hidden_thread="zzhiddenthread", hidden_post="zzhiddenpost", moved="zzmovedaway")
    make_thread(board=public, body="zzpubliccontrol 内容")
    return unit, public, markers


def test_no_role_finds_any_private_marker_but_everyone_finds_the_public_one():
    unit, public, markers = _private_world()
    for role, user in _roles(public, unit).items():
        for kind, marker in markers.items():
            assert search(marker, user).hits == [], (role, kind)
        assert len(search("zzpubliccontrol", user).hits) == 1, role


@pytest.mark.parametrize("who", ["guest", "system"])
def test_the_search_page_shows_no_private_marker(client, who):
    unit, public, markers = _private_world()
    if who == "system":
        login(client, make_user(admin_role="system"))
    for marker in markers.values():
        page = client.get(f"/search?q={marker}").get_data(as_text=True)
        assert 'class="result"' not in page
    assert 'class="result"' in client.get("/search?q=zzpubliccontrol").get_data(as_text=True)


def test_a_hidden_thread_disappears_at_once_and_comes_back_when_restored():
    thread = make_thread(body="zzcomeback 内容")
    moderator = make_user(admin_role="system")
    assert len(search("zzcomeback", Guest()).hits) == 1
    hide_thread(thread, moderator, "违规")
    assert search("zzcomeback", Guest()).hits == []
    restore_thread(thread, moderator)
    assert len(search("zzcomeback", Guest()).hits) == 1


def test_a_thread_moved_into_a_private_board_and_back_follows_each_board():
    thread = make_thread(body="zztraveller 内容")
    moderator = make_user(admin_role="system")
    public = thread.board
    move_thread(thread, make_board(type="mailbox"), moderator, "转入")
    assert search("zztraveller", Guest()).hits == []
    move_thread(thread, public, moderator, "转回")
    assert len(search("zztraveller", Guest()).hits) == 1


def test_a_pending_post_is_found_only_once_approved(app):
    from forum.settings import put_setting

    put_setting("new_account_review_posts", 5)
    db.session.commit()
    thread = make_thread(author=make_user(is_unit_account=True, is_verified=True))
    post = reply(thread, make_user(), "zzwaiting 回复")
    assert post.status == "pending"
    assert search("zzwaiting", Guest()).hits == []
    item = db.session.execute(db.select(QueueItem).where(QueueItem.post_id == post.id)).scalar_one()
    decide(item, make_user(admin_role="system"), approve=True)
    assert [hit.post.id for hit in search("zzwaiting", Guest()).hits] == [post.id]


def test_an_edit_replaces_the_old_words_with_the_new():
    thread = make_thread(title="旧标题zzoldtitle", body="zzoldbody 内容")
    post = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    edit_post(post, post.author, "zznewbody 内容", title="新标题zznewtitle")
    assert search("zzoldbody", Guest()).hits == [] and search("zzoldtitle", Guest()).hits == []
    assert len(search("zznewbody", Guest()).hits) == 1 and len(search("zznewtitle", Guest()).hits) == 1


def test_a_deleted_thread_leaves_the_index():
    from forum.models import Board
    from forum.search.adapter import backend
    from forum.search.text import query_words

    thread = make_thread(body="zzdeleted 内容", replies=2)
    assert backend().search(query_words("zzdeleted"), {}, False, 1, 20)[1] == 1
    board = db.session.get(Board, thread.board_id)
    board.last_post_id = None
    for post in db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalars():
        db.session.delete(post)
    db.session.flush()
    db.session.delete(thread)
    db.session.commit()
    assert backend().search(query_words("zzdeleted"), {}, False, 1, 20) == ([], 0)
