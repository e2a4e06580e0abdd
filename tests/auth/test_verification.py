"""Real-name verification: the request, the security admin's decision, one person one account."""
import subprocess
from pathlib import Path

import pytest

from forum.extensions import db
from forum.models import ModAction, SecurityEvent, User, Verification
from tests.conftest import login, post_form
from tests.factories import make_board, make_unit, make_user

ID_A = "11010519491231002X"  # the examples of GB 11643-1999
ID_B = "440524188001010014"


def ask(client, **fields):
    form = {"real_name": "张三", "phone": "13812345678", "id_number": "", "unit_id": "0", **fields}
    return post_form(client, "/account/verify", form)


def requests():
    db.session.expire_all()
    return db.session.execute(db.select(Verification).order_by(Verification.id)).scalars().all()


@pytest.fixture()
def security(app):
    return login(app.test_client(), make_user(admin_role="security"))


def test_a_member_asks_and_the_security_admin_approves_and_the_badge_appears(app, member_client, member, security):
    unit = make_unit(name="猫场镇")
    assert ask(member_client, id_number=ID_A, consent="y", unit_id=str(unit.id)).status_code == 302
    request = requests()[0]
    assert (request.status, request.id_masked) == ("pending", "110105********002X")
    assert "张三" in security.get("/admin/verifications").get_data(as_text=True)
    assert post_form(security, f"/admin/verifications/{request.id}/approve", {}).status_code == 302
    db.session.expire_all()
    user = db.session.get(User, member.id)
    assert user.is_verified and user.unit_id == unit.id
    assert "badge-verified" in app.test_client().get(f"/u/{member.username}").get_data(as_text=True)
    assert db.session.execute(db.select(ModAction.action)).scalars().all() == ["verify_approved"]


def test_the_full_id_number_is_found_nowhere_in_the_database_file(app, member_client, security):
    ask(member_client, id_number=ID_A, consent="y")
    post_form(security, f"/admin/verifications/{requests()[0].id}/approve", {})
    db.session.remove()
    if db.engine.dialect.name == "sqlite":  # the main file and its write-ahead log
        # Read by another process: closing a file this process opened would drop
        # SQLite's POSIX locks on it (fcntl locks are per process, not per descriptor).
        database = Path(db.engine.url.database)
        files = [str(p) for p in (database, Path(f"{database}-wal")) if p.exists()]
        raw = subprocess.run(["cat", *files], capture_output=True, check=True).stdout
        assert ID_A.encode() not in raw and ID_A[:-1].encode() not in raw
    for row in db.session.execute(db.select(Verification)).scalars():
        assert ID_A not in repr(vars(row))


def test_an_id_number_bound_to_another_account_is_refused(app, member_client, security):
    other = login(app.test_client(), make_user())
    ask(other, id_number=ID_A, consent="y")
    post_form(security, f"/admin/verifications/{requests()[0].id}/approve", {})
    response = ask(member_client, id_number=ID_A, consent="y")
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    assert len(requests()) == 1


@pytest.mark.parametrize("fields", [
    {"id_number": "110105194912310021", "consent": "y"},   # wrong check digit
    {"id_number": "110105194902300016", "consent": "y"},   # 30 February
    {"id_number": ID_B},                                   # no consent
    {"phone": "010-12345678"},                             # a landline
    {"phone": "1381234567"},
    {"real_name": "张" * 21},
    {"real_name": ""},
])
def test_bad_details_get_a_message_and_nothing_is_stored(member_client, fields):
    response = ask(member_client, **fields)
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    assert requests() == []


def test_asking_twice_while_waiting_is_refused(member_client):
    ask(member_client)
    ask(member_client)
    assert len(requests()) == 1


def test_a_refusal_needs_a_reason_which_the_member_sees(member_client, security):
    ask(member_client)
    request = requests()[0]
    post_form(security, f"/admin/verifications/{request.id}/refuse", {"reason": ""})
    assert requests()[0].status == "pending"
    post_form(security, f"/admin/verifications/{request.id}/refuse", {"reason": "手机号无法联系"})
    assert requests()[0].status == "refused"
    assert "手机号无法联系" in member_client.get("/account/verify").get_data(as_text=True)


@pytest.mark.parametrize("admin_role", ["system", "audit"])
def test_other_admins_cannot_see_or_decide_verifications(app, member_client, admin_role):
    ask(member_client)
    client = login(app.test_client(), make_user(admin_role=admin_role))
    assert client.get("/admin/verifications").status_code == 403
    assert post_form(client, f"/admin/verifications/{requests()[0].id}/approve", {}).status_code == 403


def test_verified_only_boards_tell_unverified_members_how_to_verify(member_client):
    board = make_board(settings={"verified_only": True})
    page = member_client.get(f"/b/{board.slug}").get_data(as_text=True)
    assert "/account/verify" in page


def test_real_names_show_in_front_only_when_the_holder_chooses(app, member_client, member, security):
    ask(member_client, real_name="李四")
    post_form(security, f"/admin/verifications/{requests()[0].id}/approve", {})
    assert "李四" not in app.test_client().get(f"/u/{member.username}").get_data(as_text=True)
    post_form(member_client, "/account/real-name", {"shown": "1"})
    assert "李四" in app.test_client().get(f"/u/{member.username}").get_data(as_text=True)


def test_every_step_is_a_security_event(member_client, security):
    ask(member_client)
    post_form(security, f"/admin/verifications/{requests()[0].id}/approve", {})
    kinds = db.session.execute(db.select(SecurityEvent.kind)).scalars().all()
    assert {"verify_request", "verify_approved"} <= set(kinds)


def test_the_security_admin_sees_the_real_name_record_and_the_reveal_is_logged(member_client, member, security):
    ask(member_client, real_name="赵六", id_number=ID_A, consent="y")
    post_form(security, f"/admin/verifications/{requests()[0].id}/approve", {})
    page = security.get(f"/admin/users/{member.id}").get_data(as_text=True)
    assert "赵六" in page and "110105********002X" in page and ID_A not in page
    reveals = db.session.execute(db.select(SecurityEvent).where(
        SecurityEvent.kind == "personal_data_viewed")).scalars().all()
    assert [(r.user_id, r.actor_id is not None) for r in reveals] == [(member.id, True)]
