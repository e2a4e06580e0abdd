"""A mailbox's handlers come from its own unit and are appointed at /b/<slug>/manage; a box
with no handler or with overdue letters says so to its unit and on the admin home."""
from datetime import timedelta

import pytest
from flask_babel import ngettext

from forum.extensions import db
from forum.labels import role_label
from forum.cases import today
from forum.models import BoardRole, Letter
from tests.checks import log, says
from tests.conftest import login, post_form
from tests.factories import make_unit, make_user
from tests.letters.helpers import make_box, make_handler, write

NO_HANDLER = "%(box)s has no handler: its letters are read by nobody."


@pytest.fixture()
def unit():
    return make_unit(name="县委组织部", kind="党委部门", slug="zzb")


@pytest.fixture()
def box(unit):
    box = make_box(slug="minister")
    box.unit_id = unit.id
    db.session.commit()
    return box


@pytest.fixture()
def unit_client(app, unit):
    account = make_user(username="zzb", unit_id=unit.id, is_unit_account=True, is_verified=True)
    return login(app.test_client(), account)


def handlers_of(box):
    db.session.expire_all()
    return [r.user_id for r in db.session.execute(db.select(BoardRole).where(
        BoardRole.board_id == box.id, BoardRole.role == "handler")).scalars()]


def appoint(client, box, username):
    return post_form(client, f"/b/{box.slug}/manage/handlers", {"username": username},
                     follow_redirects=True).get_data(as_text=True)


def test_the_owning_unit_appoints_a_verified_account_of_its_unit_as_handler_and_removes_it(
        unit_client, unit, box):
    clerk = make_user(username="王干事", unit_id=unit.id, is_verified=True)
    page = appoint(unit_client, box, "王干事")
    assert handlers_of(box) == [clerk.id]
    assert "王干事" in page
    post_form(unit_client, f"/b/{box.slug}/manage/handlers/{clerk.id}/remove", {})
    assert handlers_of(box) == []
    assert [row.action for row in log()] == ["role_grant", "role_revoke"]


@pytest.mark.parametrize("who, message", [
    ({"is_verified": False, "unit": True}, "Only real-name verified accounts can be %(role)s."),
    ({"is_verified": True, "unit": False}, "A handler of %(board)s must be an account of %(unit)s."),
])
def test_a_handler_who_is_not_verified_or_not_of_the_unit_is_refused_and_nothing_is_stored(
        unit_client, unit, box, who, message):
    make_user(username="李四", is_verified=who["is_verified"], unit_id=unit.id if who["unit"] else None)
    page = appoint(unit_client, box, "李四")
    assert says(page, message, role=role_label("handler"), board=box.name, unit=unit.name)
    assert handlers_of(box) == [] and log() == []


def test_the_system_admin_appoints_a_handler_of_any_box(app, unit, box):
    admin = login(app.test_client(), make_user(admin_role="system"))
    clerk = make_user(unit_id=unit.id, is_verified=True)
    appoint(admin, box, clerk.username)
    assert handlers_of(box) == [clerk.id]


def test_another_units_account_cannot_reach_the_boxs_manage_page(app, box):
    other = make_unit()
    stranger = login(app.test_client(), make_user(unit_id=other.id, is_unit_account=True, is_verified=True))
    assert stranger.get(f"/b/{box.slug}/manage").status_code == 403


def test_a_box_without_a_handler_warns_its_unit_and_the_admin_home_but_not_the_public(
        app, client, unit_client, box):
    assert says(unit_client.get(f"/b/{box.slug}").get_data(as_text=True), NO_HANDLER, box=box.name)
    assert not says(client.get(f"/b/{box.slug}").get_data(as_text=True), NO_HANDLER, box=box.name)
    admin = login(app.test_client(), make_user(admin_role="system"))
    assert says(admin.get("/admin/").get_data(as_text=True), NO_HANDLER, box=box.name)
    make_handler(box)
    assert not says(admin.get("/admin/").get_data(as_text=True), NO_HANDLER, box=box.name)


def test_overdue_letters_are_counted_on_the_box_page_for_its_unit(client, unit_client, box):
    make_handler(box)
    write(client, box)
    letter = db.session.execute(db.select(Letter)).scalar_one()
    letter.accept_due = today() - timedelta(days=1)
    db.session.commit()
    page = unit_client.get(f"/b/{box.slug}").get_data(as_text=True)
    assert ngettext("%(box)s has %(num)d overdue letter.", "%(box)s has %(num)d overdue letters.", 1,
                    box=box.name) in page
