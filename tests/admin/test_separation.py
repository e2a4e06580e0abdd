"""三员分立 (DESIGN §1): no admin grants itself a role, no admin account is changed from the
web, and no admin account holds a role on the whistleblower box, by any path."""
import pytest

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import BoardRole, PasswordReset, SecurityEvent, User
from tests.checks import says
from tests.conftest import login, post_form
from tests.factories import make_board, make_unit, make_user

SEPARATION = "An administrator account is changed only on the server's command line."


def run(app, *args):
    return app.test_cli_runner().invoke(args=["forum", *args], catch_exceptions=False)


def roles_of(user):
    db.session.expire_all()
    return db.session.execute(db.select(BoardRole.role, BoardRole.board_id)
                              .where(BoardRole.user_id == user.id)).all()


@pytest.fixture()
def admins():
    return {role: make_user(username=f"{role}_admin", admin_role=role)
            for role in ("system", "security", "audit")}


@pytest.fixture()
def whistle_box():
    return make_board(type="mailbox", slug="report", name="举报信箱",
                      settings={"whistleblower": True, "anonymous": True, "guests": True})


def test_the_security_admin_cannot_grant_itself_the_handler_role_of_the_whistleblower_box(
        app, admins, whistle_box):
    client = login(app.test_client(), admins["security"])
    page = post_form(client, "/admin/roles", {"username": "security_admin", "role": "handler",
                                              "board": "report"}).get_data(as_text=True)
    assert says(page, "Nobody grants a role to themselves.")
    assert roles_of(admins["security"]) == []


def test_a_role_granted_to_oneself_is_refused_on_any_board(admins, board):
    from forum.admin.separation import check_role_grant
    from forum.service import Refused

    with pytest.raises(Refused):
        check_role_grant(admins["security"], board, admins["security"])


@pytest.mark.parametrize("role", ["system", "security", "audit"])
def test_the_command_line_refuses_an_admin_any_role_on_the_whistleblower_box(
        app, admins, whistle_box, role):
    for board_role in ("handler", "moderator", "manager"):
        result = run(app, "role", "grant", f"{role}_admin", board_role, "--board", "report")
        assert result.exit_code != 0 and "举报信箱" in result.output
    assert roles_of(admins[role]) == []


def test_the_command_line_still_grants_the_whistleblower_box_to_an_ordinary_account(
        app, whistle_box):
    handler = make_user(username="jubao_handler", is_verified=True)
    assert run(app, "role", "grant", "jubao_handler", "handler", "--board", "report").exit_code == 0
    assert roles_of(handler) == [("handler", whistle_box.id)]


def test_the_command_line_may_give_an_admin_a_role_on_an_ordinary_board(app, admins, board):
    assert run(app, "role", "grant", "system_admin", "moderator", "--board", board.slug).exit_code == 0
    assert roles_of(admins["system"]) == [("moderator", board.id)]


def test_a_unit_manager_cannot_appoint_an_admin_to_handle_its_whistleblower_box(app, admins):
    unit = make_unit()
    box = make_board(type="mailbox", unit=unit, settings={"whistleblower": True})
    manager = make_user(unit_id=unit.id, is_unit_account=True, is_verified=True)
    admins["audit"].is_verified = True
    db.session.commit()
    client = login(app.test_client(), manager)
    response = post_form(client, f"/b/{box.slug}/manage/handlers", {"username": "audit_admin"},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), SEPARATION)
    assert roles_of(admins["audit"]) == []


def test_an_account_with_a_role_on_the_whistleblower_box_cannot_be_made_an_admin(app, whistle_box):
    handler = make_user(username="jubao_handler", is_verified=True)
    grant(handler, whistle_box, "handler")
    refused = run(app, "user", "admin", "jubao_handler", "security")
    assert refused.exit_code != 0 and "举报信箱" in refused.output
    db.session.expire_all()
    assert db.session.get(User, handler.id).admin_role is None
    assert run(app, "role", "revoke", "jubao_handler", "handler", "--board", "report").exit_code == 0
    assert run(app, "user", "admin", "jubao_handler", "security").exit_code == 0
    db.session.expire_all()
    assert db.session.get(User, handler.id).admin_role == "security"


def test_the_command_line_acts_on_an_admin_account_and_logs_each_act_as_a_security_event(app, admins):
    audit = admins["audit"]
    version = audit.session_version
    code = run(app, "user", "reset-code", "audit_admin")
    assert code.exit_code == 0 and len(code.output.strip()) == 19
    assert run(app, "user", "sign-out", "audit_admin").exit_code == 0
    assert run(app, "user", "title", "audit_admin", "审计管理员").exit_code == 0
    assert run(app, "user", "admin", "audit_admin", "none").exit_code == 0
    db.session.expire_all()
    audit = db.session.get(User, audit.id)
    assert (audit.title, audit.admin_role) == ("审计管理员", None)
    assert audit.session_version > version + 1
    assert db.session.execute(db.select(PasswordReset).where(PasswordReset.user_id == audit.id)).scalar()
    kinds = db.session.execute(db.select(SecurityEvent.kind, SecurityEvent.actor_id)
                               .where(SecurityEvent.user_id == audit.id)).all()
    assert {("reset_code_issued", None), ("sign_out_everywhere", None), ("title", None),
            ("admin_role", None)} <= set(kinds)
