"""Counsellors' cards: a counsellor edits their own; the board page lists them publicly."""
from forum.boards.roles import grant
from forum.counsel.models import CounsellorCard
from forum.extensions import db
from forum.models import BoardRole
from tests.checks import says
from tests.conftest import post_form
from tests.factories import make_board, make_user


def test_a_counsellor_saves_a_card_that_the_board_page_shows_to_guests(app, room, as_user):
    user = make_user(username="xianling", is_verified=True)
    grant(user, room, "counsellor")
    db.session.commit()
    client = as_user(user)
    assert client.get("/counsel/counsel/card").status_code == 200
    response = post_form(client, "/counsel/counsel/card", {
        "name": "县领导张同志", "kind": "county_leader", "intro": "分管组织工作。", "receives": "每周四上午"})
    assert response.status_code == 302
    page = app.test_client().get("/b/counsel").get_data(as_text=True)
    assert "县领导张同志" in page and "分管组织工作。" in page and "每周四上午" in page


def test_a_card_without_a_name_is_refused_and_nothing_is_stored(room, counsellor, as_user):
    client = as_user(counsellor)
    before = db.session.execute(db.select(CounsellorCard.name)).scalars().all()
    response = post_form(client, "/counsel/counsel/card", {"name": "", "kind": "psychologist"})
    assert response.status_code == 200 and says(response.get_data(as_text=True),
                                                 "Give a name or a title.")
    db.session.expire_all()
    assert db.session.execute(db.select(CounsellorCard.name)).scalars().all() == before


def test_a_member_who_is_not_a_counsellor_has_no_card_page(room, member, as_user):
    assert as_user(member).get("/counsel/counsel/card").status_code == 403


def test_a_card_of_someone_no_longer_counsellor_is_not_listed(app, room, counsellor):
    db.session.execute(db.delete(BoardRole).where(BoardRole.user_id == counsellor.id))
    db.session.commit()
    assert "王老师" not in app.test_client().get("/b/counsel").get_data(as_text=True)


def test_a_handler_of_another_board_type_has_no_room_pages_there(room, as_user):
    board = make_board(type="disclosure")
    handler = make_user(username="handler", is_verified=True)
    grant(handler, board, "handler")
    db.session.commit()
    client = as_user(handler)
    for path in ("card", "queue", "sessions/new"):
        assert client.get(f"/counsel/{board.slug}/{path}").status_code == 404


def test_only_the_system_admin_sets_the_words_of_danger_and_the_help_text(room, as_user):
    admin = make_user(username="xitong", admin_role="system")
    page = as_user(admin).get("/b/counsel/manage").get_data(as_text=True)
    assert 'name="danger_words"' in page and 'name="help_text"' in page
    post_form(as_user(admin), "/b/counsel/manage", {"description": "谈心", "danger_words": "绝望",
                                                    "help_text": "热线 12356"})
    db.session.expire_all()
    assert (room.settings["danger_words"], room.settings["help_text"]) == ("绝望", "热线 12356")
