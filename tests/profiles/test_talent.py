"""Moderators mark talent (人才风采); the organisation department reads the talent list (人才库)."""
import pytest

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Talent, Unit
from forum.profiles.services import mark_talent
from tests.checks import log, says
from tests.conftest import login, post_form
from tests.factories import make_board, make_unit, make_user


@pytest.fixture()
def moderator():
    user = make_user(username="moderator")
    grant(user, make_board(), "moderator")
    return user


@pytest.fixture()
def talent():
    return make_user(username="talent")


def organisation_account():
    unit = make_unit(name="县委组织部", slug="xianweizuzhibu", kind="党委部门")
    return make_user(username="zuzhibu", unit_id=unit.id, is_unit_account=True, is_verified=True)


def test_a_moderator_marks_a_member_as_talent_and_the_profile_shows_a_badge(app, moderator, talent):
    client = login(app.test_client(), moderator)
    response = post_form(client, "/u/talent/talent", {"note": "文笔好，熟悉基层党建"})
    assert response.status_code == 302
    page = app.test_client().get("/u/talent").get_data(as_text=True)
    assert "badge-talent" in page
    assert "文笔好" not in page  # the note is for the organisation department only
    assert [(row.target_type, row.target_id, row.reason) for row in log("talent_mark")] == [
        ("user", talent.id, "文笔好，熟悉基层党建")]


def test_a_moderator_removes_the_mark_and_it_is_logged(app, moderator, talent):
    mark_talent(talent, moderator, "写作能力强")
    client = login(app.test_client(), moderator)
    assert post_form(client, "/u/talent/talent/remove", {}).status_code == 302
    assert db.session.get(Talent, talent.id) is None
    assert [row.action for row in log() if row.action.startswith("talent")] == ["talent_mark", "talent_unmark"]
    assert "badge-talent" not in app.test_client().get("/u/talent").get_data(as_text=True)


def test_a_mark_without_a_note_is_refused(app, moderator, talent):
    client = login(app.test_client(), moderator)
    response = post_form(client, "/u/talent/talent", {"note": " "}, follow_redirects=True)
    assert says(response.get_data(as_text=True), "Say what talent this member shows.")
    assert db.session.get(Talent, talent.id) is None


def test_members_and_admins_who_do_not_moderate_cannot_mark_talent(app, talent):
    for person in (make_user(), make_user(admin_role="security"), make_user(admin_role="audit")):
        assert post_form(login(app.test_client(), person), "/u/talent/talent",
                         {"note": "好"}).status_code == 403
    assert db.session.get(Talent, talent.id) is None


def test_the_flag_form_shows_only_to_moderators(app, moderator, talent):
    assert "talent-note" in login(app.test_client(), moderator).get("/u/talent").get_data(as_text=True)
    assert "talent-note" not in login(app.test_client(), make_user()).get("/u/talent").get_data(as_text=True)


def test_the_organisation_department_and_the_system_admin_read_the_talent_list(app, moderator, talent):
    mark_talent(talent, moderator, "文笔好，熟悉基层党建")
    for reader in (organisation_account(), make_user(admin_role="system")):
        page = login(app.test_client(), reader).get("/talent").get_data(as_text=True)
        assert "文笔好，熟悉基层党建" in page and "/u/talent" in page


def test_nobody_else_reads_the_talent_list(app, moderator):
    other_unit = make_unit()
    others = [moderator, make_user(), make_user(admin_role="security"), make_user(admin_role="audit"),
              make_user(unit_id=other_unit.id, is_unit_account=True),
              # a member of the department who is not its unit account
              make_user(unit_id=db.session.execute(db.select(Unit.id)).scalar() or other_unit.id)]
    organisation_account()
    others.append(make_user(unit_id=db.session.execute(db.select(Unit.id).where(
        Unit.slug == "xianweizuzhibu")).scalar_one()))
    for person in others:
        assert login(app.test_client(), person).get("/talent").status_code == 403, person
    assert app.test_client().get("/talent").status_code == 302


def test_a_member_who_opens_the_talent_list_is_told_who_reads_it_and_is_never_offered_it(app):
    member = login(app.test_client(), make_user())
    assert "/talent" not in member.get("/account").get_data(as_text=True)
    page = member.get("/talent")
    assert page.status_code == 403
    assert "组织部" in page.get_data(as_text=True)


def test_deleting_an_account_erases_its_talent_note_signature_and_blocks(app, moderator, talent):
    from forum.messages.blocks import block_user
    from forum.models import User, UserBlock
    from forum.profiles.services import save_signature

    mark_talent(talent, moderator, "文笔好")
    save_signature(talent, "我的签名")
    block_user(talent, "moderator")
    client = login(app.test_client(), talent)
    assert post_form(client, "/account/delete", {"password": "correct horse 9"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Talent, talent.id) is None
    assert db.session.execute(db.select(UserBlock)).first() is None
    assert db.session.get(User, talent.id).signature_html == ""
