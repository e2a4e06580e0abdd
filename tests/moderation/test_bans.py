"""Bans from /admin/bans: accounts and IP ranges read but do not write, until the ban ends."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from forum.extensions import db
from forum.models import Ban, ModAction, Post, Report, SecurityEvent, Thread, User
from forum.models.base import utcnow
from tests.conftest import fresh, login, post_form
from tests.factories import PASSWORD, make_thread, make_user
from tests.checks import says

INSIDE = {"REMOTE_ADDR": "10.1.2.3"}
OUTSIDE = {"REMOTE_ADDR": "10.1.3.3"}


def shanghai_today():
    return datetime.now(ZoneInfo("Asia/Shanghai")).date()


def rows(model):
    db.session.expire_all()
    return db.session.execute(db.select(model).order_by(model.id)).scalars().all()


@pytest.fixture()
def security(app):
    admin = make_user(username="anquan", admin_role="security")
    return login(app.test_client(), admin)


@pytest.fixture()
def thread(board, member):
    return make_thread(board=board, author=member, title="会议通知", body="原文")


def ban(security, **fields):
    return post_form(security, "/admin/bans", {"reason": "发布广告", **fields})


def write_attempts(client, board, thread):
    """Every kind of write a member makes, as (what, response)."""
    first = db.session.execute(
        db.select(Post.id).where(Post.thread_id == thread.id, Post.number == 1)).scalar_one()
    return [
        ("new thread", post_form(client, f"/b/{board.slug}/new", {"title": "新帖", "body": "内容"})),
        ("reply", post_form(client, f"/t/{thread.id}/reply", {"body": "回复"})),
        ("edit", post_form(client, f"/p/{first}/edit", {"title": "改标题", "body": "改过"})),
        ("report", post_form(client, f"/p/{first}/report", {"reason": "spam", "text": "广告"})),
    ]


# Banning an account


def test_a_banned_members_session_ends_and_after_logging_in_again_they_read_but_cannot_write(
        app, member, member_client, board, thread, security):
    until = shanghai_today() + timedelta(days=30)
    response = ban(security, username="member", until=until.isoformat())
    assert response.status_code == 302

    assert 'action="/logout"' not in member_client.get("/").get_data(as_text=True)
    login(member_client, member)
    assert member_client.get(f"/b/{board.slug}").status_code == 200
    assert member_client.get(f"/t/{thread.id}").status_code == 200

    # The ban ends at midnight after the chosen day, in Zhijin's time.
    shown_end = (until + timedelta(days=1)).isoformat() + " 00:00"
    for what, response in write_attempts(member_client, board, thread):
        page = response.get_data(as_text=True)
        assert response.status_code == 403, what
        assert "发布广告" in page and shown_end in page, what
    assert len(rows(Thread)) == 1 and len(rows(Post)) == 1 and rows(Report) == []
    assert rows(Post)[0].body == "原文"


def test_the_board_page_tells_a_banned_member_why_and_until_when(app, member, board, security):
    until = shanghai_today() + timedelta(days=7)
    ban(security, username="member", until=until.isoformat())
    client = login(app.test_client(), member)
    page = client.get(f"/b/{board.slug}").get_data(as_text=True)
    assert "发布广告" in page and (until + timedelta(days=1)).isoformat() in page
    assert f"/b/{board.slug}/new" not in page


def test_a_ban_without_an_end_says_so_and_still_refuses_writing(app, member, board, thread, security):
    ban(security, username="member")
    client = login(app.test_client(), member)
    response = post_form(client, f"/t/{thread.id}/reply", {"body": "回复"})
    assert response.status_code == 403
    assert says(response.get_data(as_text=True),
                "You are banned from writing: %(reason)s. You can still read the forum.",
                reason="发布广告")
    assert rows(Ban)[0].expires_at is None


def test_a_ban_ending_in_the_past_is_refused_and_stores_nothing(member, security):
    yesterday = shanghai_today() - timedelta(days=1)
    response = ban(security, username="member", until=yesterday.isoformat())
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), "The end of a ban must be in the future.")
    assert rows(Ban) == [] and rows(ModAction) == []
    assert [e.kind for e in rows(SecurityEvent)] == ["login"]
    assert not fresh(member).is_banned


def test_a_ban_ending_today_lasts_until_midnight_in_zhijin(member, security):
    response = ban(security, username="member", until=shanghai_today().isoformat())
    assert response.status_code == 302
    end = rows(Ban)[0].expires_at.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo("Asia/Shanghai"))
    assert (end.date(), end.hour, end.minute) == (shanghai_today() + timedelta(days=1), 0, 0)


def test_a_ban_without_a_reason_is_refused_and_stores_nothing(member, security):
    response = post_form(security, "/admin/bans", {"username": "member", "reason": "  "})
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), "Give the reason for the ban.")
    assert rows(Ban) == [] and not fresh(member).is_banned


def test_banning_an_unknown_account_is_refused_with_its_name(security):
    response = ban(security, username="nobody")
    assert says(response.get_data(as_text=True), "There is no account named %(name)s.", name="nobody")
    assert rows(Ban) == []


def test_a_ban_needs_an_account_or_an_address(security):
    response = ban(security)
    assert says(response.get_data(as_text=True), "Enter a username or an IP address.")
    assert rows(Ban) == []


@pytest.mark.parametrize("role", ["system", "security", "audit"])
def test_an_administrator_cannot_be_banned(security, role):
    admin = make_user(admin_role=role)
    response = ban(security, username=admin.username)
    assert response.status_code == 200
    assert says(response.get_data(as_text=True),
                "An administrator cannot be banned; remove the role first.")
    assert rows(Ban) == [] and not fresh(admin).is_banned


def test_a_ban_writes_a_mod_action_and_a_security_event(member, security):
    ban(security, username="member")
    actor = db.session.execute(db.select(User).where(User.username == "anquan")).scalar_one()
    the_ban = rows(Ban)[0]
    assert [(a.actor_id, a.action, a.target_type, a.target_id, a.reason) for a in rows(ModAction)] == [
        (actor.id, "ban", "ban", the_ban.id, "发布广告")]
    events = [e for e in rows(SecurityEvent) if e.kind == "ban"]
    assert [(e.user_id, e.actor_id) for e in events] == [(member.id, actor.id)]
    assert "发布广告" in events[0].detail


# Lifting and expiry


def test_lifting_a_ban_restores_writing_and_is_logged(app, member, board, thread, security):
    ban(security, username="member")
    the_ban = rows(Ban)[0]
    assert f"/admin/bans/{the_ban.id}/lift" in security.get("/admin/bans").get_data(as_text=True)
    assert post_form(security, f"/admin/bans/{the_ban.id}/lift", {}).status_code == 302
    assert rows(Ban)[0].lifted_at is not None and fresh(member).ban_id is None

    client = login(app.test_client(), member)
    assert post_form(client, f"/t/{thread.id}/reply", {"body": "又能说话了"}).status_code == 302
    assert [a.action for a in rows(ModAction)] == ["ban", "unban"]
    assert [e.kind for e in rows(SecurityEvent) if e.kind.endswith("ban")] == ["ban", "unban"]
    assert f"/admin/bans/{the_ban.id}/lift" not in security.get("/admin/bans").get_data(as_text=True)


def test_lifting_a_ban_twice_is_refused_and_logs_once(member, security):
    ban(security, username="member")
    the_ban = rows(Ban)[0]
    post_form(security, f"/admin/bans/{the_ban.id}/lift", {})
    page = post_form(security, f"/admin/bans/{the_ban.id}/lift", {}, follow_redirects=True
                     ).get_data(as_text=True)
    assert says(page, "This ban is no longer in force.")
    assert [a.action for a in rows(ModAction)] == ["ban", "unban"]


def test_lifting_a_ban_that_does_not_exist_is_404(security):
    assert post_form(security, "/admin/bans/999/lift", {}).status_code == 404


def test_an_expired_ban_no_longer_applies(app, member, board, thread, security):
    ban(security, username="member", until=(shanghai_today() + timedelta(days=3)).isoformat())
    db.session.execute(update(Ban).values(expires_at=utcnow() - timedelta(minutes=1)))
    db.session.commit()
    client = login(app.test_client(), member)
    assert "发布广告" not in client.get(f"/b/{board.slug}").get_data(as_text=True)
    assert post_form(client, f"/t/{thread.id}/reply", {"body": "期满了"}).status_code == 302
    assert "期满了" in client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "发布广告" not in security.get("/admin/bans").get_data(as_text=True)


# Banning an IP range


def register_from(client, address, username):
    return post_form(client, "/register", {"username": username, "password": PASSWORD,
                                           "confirm": PASSWORD},
                     environ_base={"REMOTE_ADDR": address})


def test_an_ip_range_ban_refuses_registration_from_the_range_only(app, security):
    assert ban(security, ip_range="10.1.2.0/24", reason="批量注册").status_code == 302
    response = register_from(app.test_client(), INSIDE["REMOTE_ADDR"], "newcomer1")
    assert response.status_code == 403 and "批量注册" in response.get_data(as_text=True)
    assert register_from(app.test_client(), OUTSIDE["REMOTE_ADDR"], "newcomer2").status_code == 302
    names = {u.username for u in rows(User)}
    assert "newcomer2" in names and "newcomer1" not in names


def test_an_ip_range_ban_refuses_posting_from_the_range_but_not_reading(
        member_client, board, thread, security):
    ban(security, ip_range="10.1.2.0/24", reason="恶意灌水")
    assert member_client.get(f"/b/{board.slug}", environ_base=INSIDE).status_code == 200
    assert member_client.get(f"/t/{thread.id}", environ_base=INSIDE).status_code == 200
    inside = post_form(member_client, f"/t/{thread.id}/reply", {"body": "从网段内"}, environ_base=INSIDE)
    assert inside.status_code == 403 and "恶意灌水" in inside.get_data(as_text=True)
    started = post_form(member_client, f"/b/{board.slug}/new", {"title": "新", "body": "帖"},
                        environ_base=INSIDE)
    assert started.status_code == 403
    outside = post_form(member_client, f"/t/{thread.id}/reply", {"body": "从网段外"}, environ_base=OUTSIDE)
    assert outside.status_code == 302
    assert [p.body for p in rows(Post)] == ["原文", "从网段外"]


def test_a_single_address_ban_is_stored_as_a_range_of_one(security):
    ban(security, ip_range="10.1.2.3")
    assert rows(Ban)[0].ip_range == "10.1.2.3/32"


def test_a_malformed_ip_range_is_refused(security):
    response = ban(security, ip_range="10.1.2.0/33")
    assert says(response.get_data(as_text=True), "Enter an IP address or range such as 10.0.0.0/24.")
    assert rows(Ban) == []


def test_a_lifted_ip_ban_lets_the_range_register_again(app, security):
    ban(security, ip_range="10.1.2.0/24")
    post_form(security, f"/admin/bans/{rows(Ban)[0].id}/lift", {})
    assert register_from(app.test_client(), INSIDE["REMOTE_ADDR"], "newcomer").status_code == 302


def test_an_ip_ban_writes_a_mod_action_and_a_security_event(security):
    ban(security, ip_range="10.1.2.0/24")
    assert [(a.action, a.target_type) for a in rows(ModAction)] == [("ban", "ban")]
    assert any(e.kind == "ban" and "10.1.2.0/24" in e.detail for e in rows(SecurityEvent))


# Who may ban


@pytest.mark.parametrize("role", ["system", "audit"])
def test_other_administrators_cannot_reach_the_bans_page(app, member, role):
    client = login(app.test_client(), make_user(admin_role=role))
    assert client.get("/admin/bans").status_code == 403
    assert post_form(client, "/admin/bans", {"username": "member", "reason": "x"}).status_code == 403
    assert rows(Ban) == []


def test_a_moderator_cannot_reach_the_bans_page(app, member, board):
    from forum.boards.roles import grant

    moderator = make_user(is_verified=True)
    grant(moderator, board, "moderator")
    client = login(app.test_client(), moderator)
    assert client.get("/admin/bans").status_code == 403
    assert post_form(client, "/admin/bans", {"username": "member", "reason": "x"}).status_code == 403
    assert rows(Ban) == []


def test_a_member_cannot_lift_a_ban(member, member_client, security):
    ban(security, ip_range="10.1.2.0/24")
    assert post_form(member_client, f"/admin/bans/{rows(Ban)[0].id}/lift", {}).status_code == 403
    assert rows(Ban)[0].lifted_at is None


def test_a_guest_is_sent_to_log_in(client):
    response = client.get("/admin/bans")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_second_ban_replaces_the_first_and_lifting_it_frees_the_account(
        app, member, board, thread, security):
    ban(security, username="member", reason="第一次")
    ban(security, username="member", reason="第二次", until=(shanghai_today() + timedelta(days=3)).isoformat())
    listed = security.get("/admin/bans").get_data(as_text=True)
    assert "第二次" in listed and "第一次" not in listed
    first, second = rows(Ban)
    assert first.lifted_at is not None and fresh(member).ban_id == second.id
    post_form(security, f"/admin/bans/{second.id}/lift", {})
    client = login(app.test_client(), member)
    assert post_form(client, f"/t/{thread.id}/reply", {"body": "解封了"}).status_code == 302
    assert "第一次" not in security.get("/admin/bans").get_data(as_text=True)


def test_a_banned_moderator_can_no_longer_moderate(app, board, security):
    from forum.boards.roles import grant

    moderator = make_user(username="banzhu", is_verified=True)
    grant(moderator, board, "moderator")
    thread = make_thread(board=board)
    ban(security, username="banzhu")
    client = login(app.test_client(), moderator)
    assert post_form(client, f"/t/{thread.id}/lock", {}).status_code in (403, 404)
    db.session.expire_all()
    assert not db.session.get(Thread, thread.id).is_locked
