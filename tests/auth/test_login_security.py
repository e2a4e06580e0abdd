"""Login protection, sessions that end, and admins who time out (等保 2.0 level 2)."""
import time
from datetime import timedelta

from forum.extensions import db
from forum.models import SecurityEvent, User
from forum.models.base import utcnow
from tests.conftest import login, post_form
from tests.factories import PASSWORD, make_user


def try_login(client, username, password):
    return post_form(client, "/login", {"username": username, "password": password})


def events(kind):
    db.session.expire_all()
    return db.session.execute(db.select(SecurityEvent).where(SecurityEvent.kind == kind)).scalars().all()


def test_five_wrong_passwords_lock_the_account_for_15_minutes_and_the_lock_is_logged(client, member):
    for _ in range(4):
        assert 'class="error"' in try_login(client, "member", "wrong password 1").get_data(as_text=True)
    page = try_login(client, "member", "wrong password 1").get_data(as_text=True)
    assert "15" in page
    assert try_login(client, "member", PASSWORD).status_code == 200  # still locked
    assert len(events("lockout")) == 1
    db.session.execute(db.update(User).where(User.id == member.id)
                       .values(locked_until=utcnow() - timedelta(minutes=1)))
    db.session.commit()
    assert try_login(client, "member", PASSWORD).status_code == 302


def test_an_unknown_name_and_a_wrong_password_get_the_same_message(app, member):
    unknown = try_login(app.test_client(), "nobody", "wrong password 1").get_data(as_text=True)
    wrong = try_login(app.test_client(), "member", "wrong password 1").get_data(as_text=True)
    error = lambda page: page.split('class="error"')[1].split("</p>")[0]
    assert error(unknown) == error(wrong)


def test_an_unknown_name_locks_after_five_tries_like_a_real_account(app, member):
    client = app.test_client()
    pages = [try_login(client, "nobody", "wrong password 1").get_data(as_text=True) for _ in range(5)]
    real = app.test_client()
    real_pages = [try_login(real, "member", "wrong password 1").get_data(as_text=True) for _ in range(5)]
    error = lambda page: page.split('class="error"')[1].split("</p>")[0]
    assert [error(p) for p in pages] == [error(p) for p in real_pages]


def test_logins_and_failures_are_security_events_with_ip_and_device(client, member):
    try_login(client, "member", "wrong password 1")
    client.environ_base["HTTP_USER_AGENT"] = "TestPhone/1.0"
    login(client, member)
    ok = events("login")[0]
    assert ok.user_id == member.id and ok.ip and "TestPhone" in ok.detail
    assert events("login_failed")[0].user_id == member.id


def test_the_account_page_lists_recent_logins(client, member):
    login(client, member)
    page = client.get("/account").get_data(as_text=True)
    assert "127.0.0.1" in page


def test_a_password_change_ends_the_other_sessions_but_keeps_this_one(app, member):
    laptop, phone = login(app.test_client(), member), login(app.test_client(), member)
    response = post_form(laptop, "/account/password", {"current": PASSWORD, "password": "Xin-Mima_2026",
                                                       "confirm": "Xin-Mima_2026"})
    assert response.status_code == 302
    assert 'action="/logout"' in laptop.get("/").get_data(as_text=True)
    assert 'action="/logout"' not in phone.get("/").get_data(as_text=True)
    assert events("password_change")


def test_a_password_change_needs_the_current_password_and_a_strong_new_one(member_client, member):
    before = member.password_hash
    post_form(member_client, "/account/password", {"current": "wrong", "password": "Xin-Mima_2026",
                                                   "confirm": "Xin-Mima_2026"})
    post_form(member_client, "/account/password", {"current": PASSWORD, "password": "short",
                                                   "confirm": "short"})
    db.session.expire_all()
    assert db.session.get(User, member.id).password_hash == before


def test_the_security_admin_signs_a_user_out_everywhere(app, member):
    victim = login(app.test_client(), member)
    admin = login(app.test_client(), make_user(admin_role="security"))
    assert post_form(admin, f"/admin/users/{member.id}/sign-out", {}).status_code == 302
    assert 'action="/logout"' not in victim.get("/").get_data(as_text=True)
    assert events("sign_out_everywhere")


def test_an_admin_session_ends_after_30_idle_minutes(app, monkeypatch):
    admin = login(app.test_client(), make_user(admin_role="system"))
    assert admin.get("/admin/").status_code == 200
    import forum.auth.sessions as sessions
    now = time.time()
    monkeypatch.setattr(sessions.time, "time", lambda: now + 31 * 60)
    response = admin.get("/admin/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_member_session_does_not_time_out_when_idle(app, member, monkeypatch):
    client = login(app.test_client(), member)
    import forum.auth.sessions as sessions
    now = time.time()
    monkeypatch.setattr(sessions.time, "time", lambda: now + 31 * 60)
    assert 'action="/logout"' in client.get("/").get_data(as_text=True)


def test_a_ban_ends_every_session(app, member):
    from forum.moderation.bans import ban_user

    client = login(app.test_client(), member)
    ban_user(member, make_user(admin_role="security"), "违规")
    assert 'action="/logout"' not in client.get("/").get_data(as_text=True)


def test_only_requests_that_change_the_session_send_it_back(client, member):
    """Pages load a stylesheet and a CAPTCHA image side by side; if the stylesheet's
    answer carried the session too, it could overwrite the cookie holding the challenge."""
    assert client.get("/login").headers.get("Set-Cookie")  # the form's CSRF token
    for path in ("/static/forum.css", "/", "/favicon.ico"):
        assert client.get(path).headers.get("Set-Cookie") is None, path
    login(client, member)
    for path in ("/static/forum.css", "/"):
        assert client.get(path).headers.get("Set-Cookie") is None, path
