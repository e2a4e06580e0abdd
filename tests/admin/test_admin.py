"""/admin/: three separate admins (三员分立), each with only their own pages, each decision logged."""
import pytest

from forum.extensions import db
from forum.models import (Board, BoardRole, Post, QueueItem, SecurityEvent, SiteSetting,
                          Thread, Unit, WordRule)
from forum.settings import get_setting
from tests.conftest import login, post_form
from tests.factories import make_category, make_unit, make_user
from tests.checks import log, says


def all_of(model):
    db.session.expire_all()
    return db.session.execute(db.select(model).order_by(model.id)).scalars().all()


@pytest.fixture()
def admins():
    return {role: make_user(username=f"{role}_admin", admin_role=role)
            for role in ("system", "security", "audit")}


@pytest.fixture()
def system(app, admins):
    return login(app.test_client(), admins["system"])


@pytest.fixture()
def security(app, admins):
    return login(app.test_client(), admins["security"])


# Who reaches which page

PAGES = {
    "/admin/": {"system", "security", "audit"},
    "/admin/boards": {"system"},
    "/admin/boards/{board}": {"system"},
    "/admin/units": {"system"},
    "/admin/settings": {"system"},
    "/admin/words": {"system"},
    "/admin/roles": {"security"},
    "/admin/bans": {"security"},
}


@pytest.mark.parametrize("path", PAGES)
def test_each_admin_page_answers_its_own_admins_and_refuses_everyone_else(app, admins, board, path):
    url = path.format(board=board.id)
    moderator = make_user(is_verified=True)
    from forum.boards.roles import grant
    grant(moderator, board, "moderator")
    unit = make_unit()
    people = {**admins, "member": make_user(), "moderator": moderator,
              "unit_account": make_user(unit_id=unit.id, is_unit_account=True, is_verified=True)}
    for who, user in people.items():
        expected = 200 if who in PAGES[path] else 403
        assert login(app.test_client(), user).get(url).status_code == expected, who
    guest = app.test_client().get(url)
    assert guest.status_code == 302 and "/login" in guest.headers["Location"]


@pytest.mark.parametrize("path, data", [
    ("/admin/boards/{board}", {"name": "改名", "description": "", "category_id": "{category}",
                               "unit_id": "0", "position": "0"}),
    ("/admin/units", {"name": "新镇", "kind": "镇", "slug": "xinzhen"}),
    ("/admin/settings", {"new_account_review_posts": "5", "post_interval_seconds": "30"}),
    ("/admin/words", {"word": "赌博", "action": "block"}),
])
@pytest.mark.parametrize("role", ["security", "audit"])
def test_the_other_admins_cannot_post_to_the_system_admins_pages(app, admins, board, path, data, role):
    client = login(app.test_client(), admins[role])
    data = {k: v.format(category=board.category_id) for k, v in data.items()}
    assert post_form(client, path.format(board=board.id), data).status_code == 403
    assert log() == [] and all_of(Unit) == [] and all_of(WordRule) == []
    assert db.session.get(Board, board.id).name != "改名"


@pytest.mark.parametrize("role", ["system", "audit"])
def test_the_other_admins_cannot_grant_roles(app, admins, board, member, role):
    client = login(app.test_client(), admins[role])
    response = post_form(client, "/admin/roles", {"username": "member", "role": "moderator",
                                                  "board": board.slug})
    assert response.status_code == 403 and all_of(BoardRole) == []


def test_the_control_panel_home_names_each_admins_own_pages(app, admins):
    pages = {role: login(app.test_client(), admins[role]).get("/admin/").get_data(as_text=True)
             for role in admins}
    assert "/admin/settings" in pages["system"] and "/admin/bans" not in pages["system"]
    assert "/admin/bans" in pages["security"] and "/admin/settings" not in pages["security"]
    assert "/mod/log" in pages["audit"]
    assert "/admin/bans" not in pages["audit"] and "/admin/settings" not in pages["audit"]


def test_a_board_that_does_not_exist_is_404(system):
    assert system.get("/admin/boards/999").status_code == 404


# Boards


def test_the_system_admin_edits_a_boards_name_description_category_and_owner(system, admins, board):
    category, unit = make_category(name="乡镇"), make_unit(name="猫场镇")
    before = (board.name, board.description, board.category_id)
    response = post_form(system, f"/admin/boards/{board.id}", {
        "name": "猫场镇党建", "description": "猫场镇的版块", "category_id": str(category.id),
        "unit_id": str(unit.id), "position": "3"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/boards")
    saved = all_of(Board)[0]
    assert (saved.name, saved.description, saved.category_id, saved.unit_id, saved.position) == (
        "猫场镇党建", "猫场镇的版块", category.id, unit.id, 3)
    [row] = log("board_edit")
    assert (row.actor_id, row.board_id, row.target_id) == (admins["system"].id, board.id, board.id)
    assert row.reason == (f"name: {before[0]} → 猫场镇党建; description: {before[1]} → 猫场镇的版块; "
                          f"category_id: {before[2]} → {category.id}; unit_id:  → {unit.id}; "
                          "position: 0 → 3")
    assert "猫场镇党建" in system.get("/admin/boards").get_data(as_text=True)


def test_the_new_owner_unit_then_manages_the_board(app, system, board):
    unit = make_unit()
    account = login(app.test_client(), make_user(unit_id=unit.id, is_unit_account=True, is_verified=True))
    assert account.get(f"/b/{board.slug}/manage").status_code == 403
    post_form(system, f"/admin/boards/{board.id}", {
        "name": board.name, "description": board.description, "category_id": str(board.category_id),
        "unit_id": str(unit.id), "position": "0"})
    assert account.get(f"/b/{board.slug}/manage").status_code == 200


def test_the_edit_form_shows_the_boards_current_values(system, board):
    page = system.get(f"/admin/boards/{board.id}").get_data(as_text=True)
    assert f'value="{board.name}"' in page and board.description in page


def test_saving_a_board_unchanged_says_so_and_logs_nothing(system, board):
    page = post_form(system, f"/admin/boards/{board.id}", {
        "name": board.name, "description": board.description, "category_id": str(board.category_id),
        "unit_id": "0", "position": "0"}).get_data(as_text=True)
    assert says(page, "Nothing was changed.") and log() == []


@pytest.mark.parametrize("field, value", [
    ("name", ""), ("name", "长" * 61), ("category_id", "999"), ("unit_id", "999"), ("position", "-1"),
    ("position", "abc"),
])
def test_an_invalid_board_edit_is_refused_and_changes_nothing(system, board, field, value):
    data = {"name": "新名字", "description": "", "category_id": str(board.category_id),
            "unit_id": "0", "position": "0", field: value}
    response = post_form(system, f"/admin/boards/{board.id}", data)
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    assert all_of(Board)[0].name == board.name and log() == []


# Units


def test_the_system_admin_adds_a_unit(system, admins):
    response = post_form(system, "/admin/units", {"name": "新镇", "kind": "镇", "slug": "XinZhen"})
    assert response.status_code == 302
    [unit] = all_of(Unit)
    assert (unit.name, unit.kind, unit.slug) == ("新镇", "镇", "xinzhen")
    [row] = log("unit_add")
    assert (row.actor_id, row.target_id, row.reason) == (admins["system"].id, unit.id, "新镇")
    assert "新镇" in system.get("/admin/units").get_data(as_text=True)


@pytest.mark.parametrize("name, slug", [("新镇", "other"), ("别的镇", "xinzhen"), ("别的镇", "XINZHEN")])
def test_a_unit_with_a_taken_name_or_slug_is_refused(system, name, slug):
    post_form(system, "/admin/units", {"name": "新镇", "kind": "镇", "slug": "xinzhen"})
    response = post_form(system, "/admin/units", {"name": name, "kind": "镇", "slug": slug})
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), "A unit with that name or slug exists already.")
    assert len(all_of(Unit)) == 1 and len(log("unit_add")) == 1


@pytest.mark.parametrize("slug", ["新镇", "xin zhen", "xin_zhen", "xïn"])
def test_a_unit_slug_must_be_ascii_letters_digits_and_hyphens(system, slug):
    response = post_form(system, "/admin/units", {"name": "新镇", "kind": "镇", "slug": slug})
    assert says(response.get_data(as_text=True), "A slug has only ASCII letters, digits and -.")
    assert all_of(Unit) == [] and log() == []


def test_a_unit_needs_a_name_kind_and_slug(system):
    response = post_form(system, "/admin/units", {"name": "", "kind": "", "slug": ""})
    page = response.get_data(as_text=True)
    assert says(page, "Enter a name.") and says(page, "Enter a slug.")
    assert all_of(Unit) == []


# Site settings


def test_the_system_admin_changes_the_site_settings_and_they_are_logged(system, admins):
    response = post_form(system, "/admin/settings", {"new_account_review_posts": "2",
                                                     "post_interval_seconds": "30"})
    assert response.status_code == 302
    assert (get_setting("new_account_review_posts"), get_setting("post_interval_seconds")) == (2, 30)
    [row] = log("settings")
    assert row.actor_id == admins["system"].id
    assert row.reason == "new_account_review_posts: 0 → 2; post_interval_seconds: 15 → 30"
    page = system.get("/admin/settings").get_data(as_text=True)
    assert 'value="2"' in page and 'value="30"' in page


def test_review_of_new_accounts_set_by_the_admin_makes_a_new_members_first_post_wait(
        app, system, board):
    post_form(system, "/admin/settings", {"new_account_review_posts": "1",
                                          "post_interval_seconds": "15"})
    newcomer = login(app.test_client(), make_user())
    post_form(newcomer, f"/b/{board.slug}/new", {"title": "第一帖", "body": "新人报到"})
    assert [t.status for t in all_of(Thread)] == ["pending"]
    assert [q.reason for q in all_of(QueueItem)] == ["new_account"]


@pytest.mark.parametrize("field, value", [
    ("new_account_review_posts", "101"), ("new_account_review_posts", "-1"),
    ("post_interval_seconds", "3601"), ("post_interval_seconds", "abc"),
    ("post_interval_seconds", ""),
])
def test_out_of_range_settings_are_refused_and_change_nothing(system, field, value):
    data = {"new_account_review_posts": "1", "post_interval_seconds": "20", field: value}
    response = post_form(system, "/admin/settings", data)
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    assert (get_setting("new_account_review_posts"), get_setting("post_interval_seconds")) == (0, 15)
    assert log() == []


def test_saving_the_settings_unchanged_says_so_and_logs_nothing(system):
    page = post_form(system, "/admin/settings", {"new_account_review_posts": "0",
                                                 "post_interval_seconds": "15"}).get_data(as_text=True)
    assert says(page, "Nothing was changed.") and log() == []
    assert db.session.get(SiteSetting, "post_interval_seconds") is None


# Word filter


def test_a_blocked_word_added_by_the_admin_refuses_posts_naming_the_word_until_removed(
        system, admins, member_client, board):
    response = post_form(system, "/admin/words", {"word": "赌博", "action": "block", "replacement": ""})
    assert response.status_code == 302
    [rule_id] = [rule.id for rule in all_of(WordRule)]
    assert "赌博" in system.get("/admin/words").get_data(as_text=True)

    refused = post_form(member_client, f"/b/{board.slug}/new", {"title": "标题", "body": "来赌博吧"})
    assert refused.status_code == 200
    assert says(refused.get_data(as_text=True),
                "Your post contains “%(word)s”, which is not allowed here.", word="赌博")
    assert all_of(Post) == []

    assert post_form(system, f"/admin/words/{rule_id}/remove", {}).status_code == 302
    assert all_of(WordRule) == []
    assert post_form(member_client, f"/b/{board.slug}/new", {"title": "标题", "body": "来赌博吧"}
                     ).status_code == 302
    assert [(a.action, a.actor_id, a.target_id) for a in log()] == [
        ("word_add", admins["system"].id, rule_id), ("word_remove", admins["system"].id, rule_id)]


def test_a_word_already_in_the_filter_is_refused(system):
    post_form(system, "/admin/words", {"word": "赌博", "action": "block"})
    response = post_form(system, "/admin/words", {"word": " 赌 博 ", "action": "review"})
    assert says(response.get_data(as_text=True), "This word is already in the filter.")
    assert len(all_of(WordRule)) == 1 and len(log("word_add")) == 1


def test_a_word_rule_with_an_unknown_action_is_refused(system):
    response = post_form(system, "/admin/words", {"word": "赌博", "action": "explode"})
    assert response.status_code == 200 and all_of(WordRule) == []


def test_removing_a_word_that_does_not_exist_is_404(system):
    assert post_form(system, "/admin/words/999/remove", {}).status_code == 404


# Roles


def test_the_security_admin_grants_and_revokes_a_board_role(app, security, admins, member, board):
    response = post_form(security, "/admin/roles", {"username": "MEMBER", "role": "moderator",
                                                    "board": board.slug})
    assert response.status_code == 302
    [role] = all_of(BoardRole)
    assert (role.user_id, role.board_id, role.role) == (member.id, board.id, "moderator")
    assert board.name in security.get("/admin/roles").get_data(as_text=True)
    assert login(app.test_client(), member).get("/mod/").status_code == 200

    assert post_form(security, f"/admin/roles/{role.id}/revoke", {}).status_code == 302
    assert all_of(BoardRole) == []
    actor = admins["security"].id
    assert [(a.action, a.actor_id, a.board_id, a.target_id) for a in log()] == [
        ("role_grant", actor, board.id, member.id), ("role_revoke", actor, board.id, member.id)]
    events = [(e.kind, e.user_id, e.actor_id) for e in all_of(SecurityEvent)
              if e.kind.startswith("role_")]
    assert events == [("role_grant", member.id, actor), ("role_revoke", member.id, actor)]


@pytest.mark.parametrize("username, board_slug, message, params", [
    ("nobody", "{board}", "There is no account named %(name)s.", {"name": "nobody"}),
    ("member", "no-such-board", "There is no board %(slug)s.", {"slug": "no-such-board"}),
])
def test_granting_to_an_unknown_account_or_board_is_refused(
        security, member, board, username, board_slug, message, params):
    response = post_form(security, "/admin/roles", {"username": username, "role": "moderator",
                                                    "board": board_slug.format(board=board.slug)})
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), message, **params)
    assert all_of(BoardRole) == [] and log() == []


def test_granting_an_unknown_role_is_refused(security, member, board):
    response = post_form(security, "/admin/roles", {"username": "member", "role": "king",
                                                    "board": board.slug})
    assert response.status_code == 200 and all_of(BoardRole) == []


def test_revoking_a_role_that_does_not_exist_is_404(security):
    assert post_form(security, "/admin/roles/999/revoke", {}).status_code == 404


def test_a_member_cannot_revoke_a_role(member_client, board):
    from forum.boards.roles import grant

    grant(make_user(), board, "moderator")
    role = all_of(BoardRole)[0]
    assert post_form(member_client, f"/admin/roles/{role.id}/revoke", {}).status_code == 403
    assert len(all_of(BoardRole)) == 1


def test_admin_forms_need_the_csrf_token(system, board):
    response = system.post("/admin/units", data={"name": "新镇", "kind": "镇", "slug": "xinzhen"})
    assert response.status_code == 400 and all_of(Unit) == []


def test_the_account_search_matches_underscore_and_percent_as_themselves(security):
    make_user(username="li_ming")
    make_user(username="lixming")

    def found(query):
        page = security.get("/admin/users", query_string={"q": query}).get_data(as_text=True)
        return {name for name in ("li_ming", "lixming") if f">{name}</a>" in page}

    assert found("ming") == {"li_ming", "lixming"}
    assert found("LI_M") == {"li_ming"}
    assert found("%") == set()
