"""/b/<slug>/manage: a unit's account runs its own boards (settings, moderators) and no other."""
import pytest

from forum.boards.roles import grant
from forum.labels import role_label
from forum.extensions import db
from forum.models import BoardRole, Post, QueueItem, SecurityEvent, Thread
from tests.conftest import fresh, login, post_form
from tests.factories import make_board, make_thread, make_unit, make_user
from tests.checks import log, says


def moderators_of(board):
    db.session.expire_all()
    return {r.user_id for r in db.session.execute(db.select(BoardRole).where(
        BoardRole.board_id == board.id, BoardRole.role == "moderator")).scalars()}


@pytest.fixture()
def unit():
    return make_unit(name="双堰街道", slug="shuangyan")


@pytest.fixture()
def own_board(unit):
    return make_board(slug="shuangyan", unit=unit)


@pytest.fixture()
def unit_account(unit):
    return make_user(username="shuangyan_zzb", unit_id=unit.id, is_unit_account=True, is_verified=True)


@pytest.fixture()
def unit_client(app, unit_account):
    return login(app.test_client(), unit_account)


@pytest.fixture()
def other_board():
    return make_board(slug="guanzhai", unit=make_unit(name="官寨乡", slug="guanzhai"))


SETTINGS = {"description": "双堰街道的版块", "rules": "文明发言，实名负责。"}


def save(client, board, **fields):
    return post_form(client, f"/b/{board.slug}/manage", {**SETTINGS, **fields})


# Settings


def test_the_unit_account_sees_the_manage_link_and_page_of_its_board(unit_client, own_board):
    assert f"/b/{own_board.slug}/manage" in unit_client.get(f"/b/{own_board.slug}").get_data(as_text=True)
    page = unit_client.get(f"/b/{own_board.slug}/manage").get_data(as_text=True)
    assert 'name="rules"' in page and 'name="premoderated"' in page and 'name="verified_only"' in page


def test_the_unit_account_changes_the_description_and_rules_and_the_board_shows_them(
        client, unit_client, unit_account, own_board):
    before = own_board.description
    response = save(unit_client, own_board)
    assert response.status_code == 302 and response.headers["Location"].endswith("/manage")
    board = fresh(own_board)
    assert (board.description, board.settings["rules"]) == ("双堰街道的版块", "文明发言，实名负责。")
    page = client.get(f"/b/{own_board.slug}").get_data(as_text=True)
    assert "双堰街道的版块" in page and "文明发言，实名负责。" in page
    [row] = log("board_settings")
    assert (row.actor_id, row.board_id, row.target_id, row.reason) == (
        unit_account.id, own_board.id, own_board.id,
        f"description: {before} → 双堰街道的版块; rules:  → 文明发言，实名负责。")


def test_saving_without_changes_says_so_and_logs_nothing(unit_client, own_board):
    save(unit_client, own_board)
    page = save(unit_client, own_board).get_data(as_text=True)
    assert says(page, "Nothing was changed.")
    assert len(log("board_settings")) == 1


def test_rules_over_2000_characters_are_refused(unit_client, own_board):
    response = save(unit_client, own_board, rules="规" * 2001)
    assert response.status_code == 200 and says(response.get_data(as_text=True), "At most 2,000 characters.")
    assert "rules" not in fresh(own_board).settings and log("board_settings") == []


def test_a_premoderated_board_makes_a_members_new_thread_wait(unit_client, member_client, own_board):
    save(unit_client, own_board, premoderated="y")
    assert fresh(own_board).settings["premoderated"] is True
    post_form(member_client, f"/b/{own_board.slug}/new", {"title": "待审的帖子", "body": "内容"})
    thread = db.session.execute(db.select(Thread)).scalar_one()
    assert thread.status == "pending"
    assert [(q.board_id, q.reason) for q in db.session.execute(db.select(QueueItem)).scalars()] == [
        (own_board.id, "board")]
    assert "待审的帖子" in unit_client.get("/mod/").get_data(as_text=True)


def test_turning_premoderation_off_publishes_new_threads_at_once(unit_client, member_client, own_board):
    save(unit_client, own_board, premoderated="y")
    save(unit_client, own_board)  # the box left unticked
    assert fresh(own_board).settings["premoderated"] is False
    post_form(member_client, f"/b/{own_board.slug}/new", {"title": "直接发布", "body": "内容"})
    assert db.session.execute(db.select(Thread.status)).scalar_one() == "published"
    assert [r.reason.rpartition("; ")[2] for r in log("board_settings")] == [
        "premoderated: False → True", "premoderated: True → False"]


def test_ticking_nothing_on_a_new_board_changes_only_what_was_typed(unit_client, own_board):
    save(unit_client, own_board, rules="")
    assert [r.reason.partition(":")[0] for r in log("board_settings")] == ["description"]


def test_a_verified_only_board_refuses_unverified_members_and_tells_them_why(
        app, unit_client, member_client, own_board):
    thread = make_thread(board=own_board, author=make_user(is_verified=True))
    save(unit_client, own_board, verified_only="y")
    assert post_form(member_client, f"/b/{own_board.slug}/new", {"title": "试试", "body": "内容"}
                     ).status_code == 403
    assert post_form(member_client, f"/t/{thread.id}/reply", {"body": "回复"}).status_code == 403
    page = member_client.get(f"/b/{own_board.slug}").get_data(as_text=True)
    assert 'href="/account/verify"' in page
    refused = member_client.get(f"/b/{own_board.slug}/new")
    assert refused.status_code == 403 and 'href="/account/verify"' in refused.get_data(as_text=True)
    assert says(refused.get_data(as_text=True), "Only real-name verified accounts may post in this board.")
    verified = login(app.test_client(), make_user(is_verified=True))
    assert post_form(verified, f"/b/{own_board.slug}/new", {"title": "实名发帖", "body": "内容"}
                     ).status_code == 302
    assert db.session.execute(db.select(db.func.count(Post.id))).scalar_one() == 2


# Moderators


def test_the_unit_account_appoints_a_verified_account_who_then_moderates(
        app, unit_client, unit_account, own_board):
    chosen = make_user(username="banzhu", is_verified=True)
    response = post_form(unit_client, f"/b/{own_board.slug}/manage/moderators", {"username": "banzhu"})
    assert response.status_code == 302
    assert moderators_of(own_board) == {chosen.id}
    assert "banzhu" in unit_client.get(f"/b/{own_board.slug}/manage").get_data(as_text=True)
    [row] = log("role_grant")
    assert (row.actor_id, row.board_id, row.target_id) == (unit_account.id, own_board.id, chosen.id)
    events = db.session.execute(db.select(SecurityEvent)
                                .where(SecurityEvent.kind == "role_grant")).scalars().all()
    assert [(e.user_id, e.actor_id) for e in events] == [(chosen.id, unit_account.id)]

    thread = make_thread(board=own_board)
    moderator = login(app.test_client(), chosen)
    assert post_form(moderator, f"/t/{thread.id}/lock", {}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Thread, thread.id).is_locked


@pytest.mark.parametrize("username, message", [
    ("unverified", "Only real-name verified accounts can be %(role)s."),
    ("nobody", "There is no account named %(name)s."),
])
def test_an_unverified_or_unknown_account_cannot_be_appointed(unit_client, own_board, username, message):
    make_user(username="unverified")
    page = post_form(unit_client, f"/b/{own_board.slug}/manage/moderators", {"username": username},
                     follow_redirects=True).get_data(as_text=True)
    assert says(page, message, name=username, role=role_label("moderator"))
    assert moderators_of(own_board) == set() and log("role_grant") == []


def test_a_banned_account_cannot_be_appointed(unit_client, own_board):
    from forum.moderation.bans import ban_user

    banned = make_user(username="banned", is_verified=True)
    ban_user(banned, make_user(admin_role="security"), "灌水")
    page = post_form(unit_client, f"/b/{own_board.slug}/manage/moderators", {"username": "banned"},
                     follow_redirects=True).get_data(as_text=True)
    assert says(page, "A banned account cannot be %(role)s.", role=role_label("moderator"))
    assert moderators_of(own_board) == set()


def test_appointing_a_moderator_twice_says_so_and_logs_once(unit_client, own_board):
    make_user(username="banzhu", is_verified=True)
    post_form(unit_client, f"/b/{own_board.slug}/manage/moderators", {"username": "banzhu"})
    page = post_form(unit_client, f"/b/{own_board.slug}/manage/moderators", {"username": "banzhu"},
                     follow_redirects=True).get_data(as_text=True)
    assert says(page, "%(name)s is already %(role)s of this board.", name="banzhu",
                role=role_label("moderator"))
    assert len(log("role_grant")) == 1


def test_the_unit_account_removes_a_moderator_who_then_cannot_moderate(
        app, unit_client, unit_account, own_board):
    chosen = make_user(username="banzhu", is_verified=True)
    post_form(unit_client, f"/b/{own_board.slug}/manage/moderators", {"username": "banzhu"})
    response = post_form(unit_client, f"/b/{own_board.slug}/manage/moderators/{chosen.id}/remove", {})
    assert response.status_code == 302
    assert moderators_of(own_board) == set()
    [row] = log("role_revoke")
    assert (row.actor_id, row.board_id, row.target_id) == (unit_account.id, own_board.id, chosen.id)
    thread = make_thread(board=own_board)
    assert post_form(login(app.test_client(), chosen), f"/t/{thread.id}/lock", {}).status_code == 403


def test_removing_someone_who_is_not_a_moderator_gives_a_message(unit_client, own_board):
    someone = make_user(username="someone", is_verified=True)
    page = post_form(unit_client, f"/b/{own_board.slug}/manage/moderators/{someone.id}/remove", {},
                     follow_redirects=True).get_data(as_text=True)
    assert says(page, "%(name)s does not hold that role here.", name="someone")
    assert log("role_revoke") == []


def test_removing_a_moderator_of_another_board_through_this_board_changes_nothing(
        unit_client, own_board, other_board):
    elsewhere = make_user(is_verified=True)
    grant(elsewhere, other_board, "moderator")
    post_form(unit_client, f"/b/{own_board.slug}/manage/moderators/{elsewhere.id}/remove", {})
    assert moderators_of(other_board) == {elsewhere.id}


# Moderating its own boards


def test_the_unit_account_pins_locks_and_hides_in_its_own_board(unit_client, unit_account, own_board):
    thread = make_thread(board=own_board)
    for action, reason in (("pin", ""), ("lock", ""), ("hide", "违规")):
        data = {"scope": "board", "reason": reason} if action == "pin" else {"reason": reason}
        assert post_form(unit_client, f"/t/{thread.id}/{action}", data).status_code == 302, action
    db.session.expire_all()
    thread = db.session.get(Thread, thread.id)
    assert (thread.is_pinned, thread.is_locked, thread.status) == (True, True, "hidden")
    assert [(a.action, a.actor_id, a.board_id) for a in log()] == [
        ("pin_board", unit_account.id, own_board.id), ("lock", unit_account.id, own_board.id),
        ("hide", unit_account.id, own_board.id)]


# No power anywhere else


def test_the_unit_account_gets_403_on_another_units_board(unit_client, other_board):
    before = dict(fresh(other_board).settings)
    assert unit_client.get(f"/b/{other_board.slug}/manage").status_code == 403
    assert save(unit_client, other_board, premoderated="y").status_code == 403
    make_user(username="banzhu", is_verified=True)
    assert post_form(unit_client, f"/b/{other_board.slug}/manage/moderators",
                     {"username": "banzhu"}).status_code == 403
    victim = make_user(is_verified=True)
    grant(victim, other_board, "moderator")
    assert post_form(unit_client, f"/b/{other_board.slug}/manage/moderators/{victim.id}/remove",
                     {}).status_code == 403
    assert fresh(other_board).settings == before
    assert moderators_of(other_board) == {victim.id}
    assert [a.action for a in log()] == ["role_grant"]  # the fixture's, not the unit account's


def test_the_unit_account_cannot_moderate_threads_of_another_units_board(unit_client, other_board):
    thread = make_thread(board=other_board)
    assert post_form(unit_client, f"/t/{thread.id}/lock", {}).status_code in (403, 404)
    assert post_form(unit_client, f"/t/{thread.id}/hide", {"reason": "越权"}).status_code in (403, 404)
    db.session.expire_all()
    assert not db.session.get(Thread, thread.id).is_locked
    assert db.session.get(Thread, thread.id).status == "published" and log() == []


def test_a_unit_account_without_its_unit_flag_manages_nothing(app, unit, own_board):
    plain = login(app.test_client(), make_user(unit_id=unit.id, is_verified=True))
    assert plain.get(f"/b/{own_board.slug}/manage").status_code == 403


def test_a_board_without_a_unit_is_managed_by_no_unit_account(unit_client):
    loose = make_board(slug="loose")
    assert unit_client.get(f"/b/{loose.slug}/manage").status_code == 403


def test_a_plain_moderator_gets_403_on_manage(app, own_board):
    moderator = make_user(is_verified=True)
    grant(moderator, own_board, "moderator")
    client = login(app.test_client(), moderator)
    assert client.get(f"/b/{own_board.slug}/manage").status_code == 403
    assert save(client, own_board).status_code == 403
    assert fresh(own_board).description != "双堰街道的版块"


def test_a_member_gets_403_and_a_guest_is_sent_to_log_in(app, member_client, own_board):
    assert member_client.get(f"/b/{own_board.slug}/manage").status_code == 403
    response = app.test_client().get(f"/b/{own_board.slug}/manage")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_an_unknown_board_is_404(unit_client):
    assert unit_client.get("/b/no-such-board/manage").status_code == 404


# Administrators


def test_the_system_admin_manages_any_board(app, own_board, other_board):
    admin = make_user(admin_role="system")
    client = login(app.test_client(), admin)
    for board in (own_board, other_board):
        assert client.get(f"/b/{board.slug}/manage").status_code == 200
        assert save(client, board, verified_only="y").status_code == 302
        assert fresh(board).settings["verified_only"] is True
    make_user(username="banzhu", is_verified=True)
    post_form(client, f"/b/{other_board.slug}/manage/moderators", {"username": "banzhu"})
    assert len(moderators_of(other_board)) == 1
    assert [(a.action, a.actor_id) for a in log()] == [
        ("board_settings", admin.id), ("board_settings", admin.id), ("role_grant", admin.id)]


@pytest.mark.parametrize("role", ["security", "audit"])
def test_the_security_and_audit_admins_do_not_manage_boards(app, own_board, role):
    client = login(app.test_client(), make_user(admin_role=role))
    assert client.get(f"/b/{own_board.slug}/manage").status_code == 403
    assert save(client, own_board).status_code == 403


def test_the_rules_show_as_plain_text(client, unit_client, own_board):
    save(unit_client, own_board, rules="<script>alert(1)</script>**粗体**")
    page = client.get(f"/b/{own_board.slug}").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;**粗体**" in page
