"""/admin/categories and /admin/boards/new: the system admin runs the board index; archived
categories and boards leave the index and nothing is deleted; every change is logged."""
import pytest
from flask_babel import ngettext
from markupsafe import escape

from forum.extensions import db
from forum.models import Board, Category, Unit
from tests.checks import log, says
from tests.conftest import fresh, login, post_form
from tests.factories import make_board, make_category, make_thread, make_unit, make_user


@pytest.fixture()
def system(app):
    return login(app.test_client(), make_user(username="system_admin", admin_role="system"))


def new_board(client, category, **fields):
    return post_form(client, "/admin/boards/new", {
        "name": "新信箱", "slug": "newbox", "type": "mailbox", "description": "说明",
        "category_id": str(category.id), "unit_id": "0", "position": "0", **fields})


def test_the_system_admin_creates_renames_and_reorders_a_category_and_each_change_is_logged(system):
    response = post_form(system, "/admin/categories", {"name": "专题活动", "position": "4"})
    assert response.status_code == 302
    category = db.session.execute(db.select(Category)).scalar_one()
    post_form(system, f"/admin/categories/{category.id}", {"name": "专题教育", "position": "2"})
    category = fresh(category)
    assert (category.name, category.position) == ("专题教育", 2)
    assert [row.reason for row in log()] == ["name:  → 专题活动; position:  → 4",
                                             "name: 专题活动 → 专题教育; position: 4 → 2"]


def test_a_duplicate_category_name_is_refused_and_nothing_is_stored(system):
    make_category(name="专题活动")
    page = post_form(system, "/admin/categories", {"name": "专题活动", "position": "0"}).get_data(as_text=True)
    assert says(page, "A category named %(name)s exists already.", name="专题活动")
    assert len(db.session.execute(db.select(Category)).all()) == 1 and log() == []


def test_archiving_a_category_with_live_boards_is_refused_and_offers_to_move_them(system):
    category, other = make_category(name="旧分类"), make_category(name="新分类")
    board = make_board(category=category)
    page = post_form(system, f"/admin/categories/{category.id}/archive", {},
                     follow_redirects=True).get_data(as_text=True)
    assert str(escape(ngettext("%(name)s still has %(num)d live board: move it to another category "
                               "or archive it first.", "", 1, name="旧分类"))) in page
    assert fresh(category).archived_at is None
    assert 'name="target_id"' in page
    post_form(system, f"/admin/categories/{category.id}/move", {"target_id": str(other.id)})
    assert fresh(board).category_id == other.id
    post_form(system, f"/admin/categories/{category.id}/archive", {})
    assert fresh(category).archived_at is not None
    assert "旧分类" not in system.get("/").get_data(as_text=True)


def test_the_system_admin_creates_a_mailbox_and_sets_guests_and_a_10_day_deadline(system):
    category = make_category(name="领导信箱")
    response = new_board(system, category)
    assert response.headers["Location"].endswith("/b/newbox/manage")
    board = db.session.execute(db.select(Board)).scalar_one()
    assert (board.type, board.category_id) == ("mailbox", category.id)
    post_form(system, "/b/newbox/manage", {"description": "说明", "guests": "y",
                                           "deadline_days": "10", "superior": ""})
    assert fresh(board).settings["guests"] is True
    assert fresh(board).settings["deadline_days"] == 10
    assert [row.action for row in log()] == ["board_add", "board_settings"]
    assert "deadline_days:" in log("board_settings")[0].reason


@pytest.mark.parametrize("fields, field_message, params", [
    ({"slug": "taken"}, "A board with the slug %(slug)s exists already.", {"slug": "taken"}),
    ({"slug": "信箱"}, "A slug has only ASCII letters, digits and -.", {}),
])
def test_a_bad_new_board_is_refused_with_a_clear_message_and_nothing_is_stored(
        system, fields, field_message, params):
    category = make_category()
    make_board(slug="taken", category=category)
    page = new_board(system, category, **fields).get_data(as_text=True)
    assert says(page, field_message, **params)
    assert len(db.session.execute(db.select(Board)).all()) == 1 and log() == []


def test_a_mailbox_deadline_out_of_range_is_refused(system):
    box = make_board(type="mailbox", slug="box")
    page = post_form(system, "/b/box/manage", {"description": "", "deadline_days": "0",
                                               "superior": ""}).get_data(as_text=True)
    assert says(page, "Working days from 1 to %(most)d.", most=365)
    assert "deadline_days" not in fresh(box).settings


def test_only_the_system_admin_changes_a_boxs_deadline(app, system):
    unit = make_unit()
    box = make_board(type="mailbox", slug="box", unit=unit, settings={"deadline_days": 30})
    manager = login(app.test_client(), make_user(unit_id=unit.id, is_unit_account=True, is_verified=True))
    assert 'name="deadline_days"' not in manager.get("/b/box/manage").get_data(as_text=True)
    post_form(manager, "/b/box/manage", {"description": "", "deadline_days": "5"})
    assert fresh(box).settings["deadline_days"] == 30


def test_an_archived_board_is_off_the_index_read_only_and_keeps_its_threads(app, system):
    board = make_board(name="旧版块")
    thread = make_thread(board=board)
    post_form(system, f"/admin/boards/{board.id}/archive", {})
    assert fresh(board).archived_at is not None
    assert "旧版块" not in app.test_client().get("/").get_data(as_text=True)
    member = login(app.test_client(), make_user(is_verified=True))
    assert member.get(f"/t/{thread.id}").status_code == 200
    assert says(member.get(f"/b/{board.slug}").get_data(as_text=True),
                "This board is archived: it can be read, and nothing more can be written in it.")
    assert post_form(member, f"/t/{thread.id}/reply", {"body": "回复"}).status_code in (403, 404)
    assert member.get(f"/b/{board.slug}/new").status_code in (403, 404)
    post_form(system, f"/admin/boards/{board.id}/restore", {})
    assert "旧版块" in app.test_client().get("/").get_data(as_text=True)
    assert [row.action for row in log()] == ["board_archive", "board_restore"]


def test_adding_a_unit_offers_its_board_in_the_category_of_units_like_it(system):
    towns = make_category(name="乡镇党建")
    make_board(category=towns, unit=make_unit(kind="镇"))
    make_board(category=make_category(name="县直部门党建"), unit=make_unit(kind="政府部门"))
    response = post_form(system, "/admin/units", {"name": "新华镇", "kind": "镇", "slug": "xinhua"})
    unit = db.session.execute(db.select(Unit).where(Unit.slug == "xinhua")).scalar_one()
    assert response.headers["Location"].endswith(f"/admin/boards/new?unit={unit.id}")
    page = system.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="xinhua"' in page and f'<option selected value="{towns.id}">' in page


def test_a_board_type_not_in_the_registry_is_refused_by_the_service(system):
    from forum.admin.catalogue import create_board
    from forum.service import Refused

    with pytest.raises(Refused):
        create_board(None, slug="x", type="nonsense", name="x", description="", position=0,
                     category_id=make_category().id, unit_id=None)
