"""Names that cannot pass for someone else: look-alikes, official words, display names
that wait for the security admin, and the deleted-account name."""
import pytest

from forum.extensions import db
from forum.models import ModAction, SecurityEvent, User
from forum.service import Refused
from tests.conftest import fresh, login, post_form
from tests.factories import PASSWORD, make_thread, make_unit, make_user

LOOKALIKES = [
    "аdmin_wang",        # Cyrillic а
    "wαng_wei",          # Greek alpha
    "ｗａｎｇｗｅｉ",      # full-width letters
    "𝐰𝐚𝐧𝐠𝐰𝐞𝐢",          # mathematical bold
    "wang\u200bwei",     # zero-width space
    "王\u200d建国",        # zero-width joiner
    "wang\u202ewei",     # right-to-left override
    "⼯作员",             # a Kangxi radical that looks like 工
]
RESERVED = ["县委书记王建国", "系统管理员", "已注销用户", "组织部小王", "纪委张三", "版主老李",
            "Admin_1", "sysadm1n", "Moderator", "official-li", "deleted_user"]


def register(client, username):
    return post_form(client, "/register", {"username": username, "password": "good pass 123",
                                           "confirm": "good pass 123"})


def usernames():
    return db.session.execute(db.select(User.username)).scalars().all()


def save_account(client, display_name, email=""):
    return post_form(client, "/account", {"display_name": display_name, "email": email})


def shown_name(app, user):
    return fresh(user).name


@pytest.mark.parametrize("username", LOOKALIKES)
def test_register_refuses_look_alike_and_invisible_characters(client, username):
    response = register(client, username)
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    assert usernames() == []


@pytest.mark.parametrize("existing,lookalike", [("member", "rnember"), ("li01", "liol"),
                                                ("wang_wei", "Wang-Wei"), ("zhang1", "zhangl")])
def test_register_refuses_a_look_alike_of_an_existing_username(client, existing, lookalike):
    make_user(username=existing)
    page = register(client, lookalike).get_data(as_text=True)
    assert "looks too much like" in page or "过于相似" in page
    assert usernames() == [existing]


@pytest.mark.parametrize("username", RESERVED)
def test_register_refuses_official_titles_admin_words_and_the_deleted_label(client, username):
    response = register(client, username)
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    assert usernames() == []


def test_register_still_takes_ordinary_chinese_and_mixed_names(client):
    assert register(client, "小wang_2026").status_code == 302
    assert usernames() == ["小wang_2026"]


def test_an_operator_made_unit_account_carries_its_units_name(app):
    unit = make_unit(name="八步镇")
    account = make_user(username="八步镇党委", unit_id=unit.id, is_unit_account=True, is_verified=True)
    client = login(app.test_client(), account)
    assert save_account(client, "八步镇党委组织办").status_code == 302
    db.session.expire_all()
    assert db.session.get(User, account.id).pending_display_name == "八步镇党委组织办"


@pytest.mark.parametrize("name", RESERVED + ["Deleted User", "аdmin", "王\u200b建国", "ＡＤＭＩＮ"])
def test_a_display_name_that_impersonates_is_refused_and_nothing_changes(member_client, member, name):
    response = save_account(member_client, name)
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    db.session.expire_all()
    user = db.session.get(User, member.id)
    assert user.display_name is None and user.pending_display_name is None


def test_an_unverified_members_display_name_shows_at_once(app, member_client, member):
    assert save_account(member_client, "王建国").status_code == 302
    assert shown_name(app, member) == "王建国"


@pytest.fixture()
def verified(app):
    user = make_user(username="verified", is_verified=True)
    return user, login(app.test_client(), user)


@pytest.fixture()
def security(app):
    return login(app.test_client(), make_user(username="anquan", admin_role="security"))


def test_a_verified_members_new_display_name_waits_for_the_security_admin(app, client, verified, security):
    user, own = verified
    thread = make_thread(author=user)
    save_account(own, "王建国")
    assert shown_name(app, user) == "verified"
    assert "王建国" not in client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "王建国" in own.get("/account").get_data(as_text=True)
    queue = security.get("/admin/display-names").get_data(as_text=True)
    assert "王建国" in queue
    assert post_form(security, f"/admin/display-names/{user.id}/approve",
                     {"name": "王建国"}).status_code == 302
    assert shown_name(app, user) == "王建国"
    page = client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "王建国" in page and "badge-verified" in page
    assert db.session.execute(db.select(ModAction.action)).scalars().all() == ["display_name_approved"]
    kinds = db.session.execute(db.select(SecurityEvent.kind)).scalars().all()
    assert "display_name_requested" in kinds and "display_name_approved" in kinds


def test_a_refused_display_name_needs_a_reason_and_is_logged(app, verified, security):
    user, own = verified
    save_account(own, "王建国")
    post_form(security, f"/admin/display-names/{user.id}/refuse", {"name": "王建国", "reason": ""})
    db.session.expire_all()
    assert db.session.get(User, user.id).pending_display_name == "王建国"
    post_form(security, f"/admin/display-names/{user.id}/refuse", {"name": "王建国", "reason": "冒用他人姓名"})
    db.session.expire_all()
    assert db.session.get(User, user.id).pending_display_name is None
    assert shown_name(app, user) == "verified"
    assert db.session.execute(db.select(ModAction.reason)).scalars().all() == ["冒用他人姓名"]


def test_approving_a_name_the_member_has_since_changed_approves_nothing(app, verified, security):
    user, own = verified
    save_account(own, "王建国")
    save_account(own, "李建国")
    post_form(security, f"/admin/display-names/{user.id}/approve", {"name": "王建国"})
    assert shown_name(app, user) == "verified"


@pytest.mark.parametrize("role", ["system", "audit"])
def test_only_the_security_admin_decides_display_names(app, verified, role):
    user, own = verified
    save_account(own, "王建国")
    other = login(app.test_client(), make_user(username=role, admin_role=role))
    assert other.get("/admin/display-names").status_code == 403
    assert post_form(other, f"/admin/display-names/{user.id}/approve", {"name": "王建国"}).status_code == 403
    assert shown_name(app, user) == "verified"


@pytest.mark.parametrize("username", ["deleted-1", "Deleted-12", "de1eted-3", "deleted_4"])
def test_register_refuses_names_of_the_deleted_account_shape(client, username):
    make_user(username="first")
    assert register(client, username).status_code == 200
    with pytest.raises(Refused):
        make_user(username=username)  # the command line too
    assert usernames() == ["first"]


def test_deleting_an_account_works_even_if_an_old_account_holds_its_deleted_name(app, member_client, member):
    db.session.add(User(username=f"deleted-{member.id}", username_key=f"deleted-{member.id}",
                        password_hash="x"))  # registered before the prefix was reserved
    db.session.commit()
    assert post_form(member_client, "/account/delete", {"password": PASSWORD}).status_code == 302
    db.session.expire_all()
    assert db.session.get(User, member.id).deleted_at is not None
