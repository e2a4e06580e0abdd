"""Login protection, sessions that end, and admins who time out (等保 2.0 level 2)."""
import hashlib
import time

import pytest
from bs4 import BeautifulSoup

from forum import captcha
from forum.auth.services import name_digest
from forum.extensions import db
from forum.keyed import hashed
from forum.models import RateCounter, SecurityEvent, User
from tests.conftest import login, post_form
from tests.factories import PASSWORD, make_user


def try_login(client, username, password):
    return post_form(client, "/login", {"username": username, "password": password})


def events(kind):
    db.session.expire_all()
    return db.session.execute(db.select(SecurityEvent).where(SecurityEvent.kind == kind)).scalars().all()


@pytest.fixture()
def known_captcha(monkeypatch):
    monkeypatch.setattr(captcha, "text_for", lambda challenge_id: "ACE47")


def from_address(app, address):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def guess(app, n, username="member"):
    """A wrong password from the n-th of many addresses (each below the CAPTCHA's count)."""
    return try_login(from_address(app, f"10.1.{n // 250}.{n % 250}"), username, "wrong password 1")


def error(page):
    return page.split('class="error"')[1].split("</p>")[0]


def waits(page):
    return "wait a little" in page or "稍候" in page


def wait_seconds(clock, username):
    key = hashed(f"login-wait:{name_digest(username)}")
    return db.session.execute(db.select(RateCounter.expires_at).where(RateCounter.key == key)).scalar() - clock[0]


def test_wrong_passwords_make_the_next_tries_wait_longer_and_longer(app, member, clock):
    pages = [guess(app, n).get_data(as_text=True) for n in range(3)]
    assert [waits(p) for p in pages] == [False, False, True]
    assert wait_seconds(clock, "member") == 2
    owner = from_address(app, "10.0.0.2")
    assert waits(try_login(owner, "member", PASSWORD).get_data(as_text=True))  # not yet
    assert events("login_delayed")
    clock[0] += 3
    guess(app, 3)
    assert wait_seconds(clock, "member") == 4
    clock[0] += 5
    assert try_login(owner, "member", PASSWORD).status_code == 302


def test_no_account_is_ever_locked_for_good(app, member, clock):
    for n in range(30):
        guess(app, n)
        clock[0] += 1000
    assert wait_seconds(clock, "member") <= 300


def test_the_right_password_from_a_known_device_is_never_kept_waiting(app, member, clock):
    laptop = login(from_address(app, "10.0.0.2"), member)
    post_form(laptop, "/logout", {})
    for n in range(10):
        guess(app, n)
    assert waits(try_login(from_address(app, "10.0.0.3"), "member", PASSWORD).get_data(as_text=True))
    assert try_login(laptop, "member", PASSWORD).status_code == 302


def test_a_forged_known_device_cookie_is_ignored(app, member, clock):
    for n in range(3):
        guess(app, n)
    forger = from_address(app, "10.0.0.2")
    forger.set_cookie("known_device", "[%d]" % member.id)
    assert waits(try_login(forger, "member", PASSWORD).get_data(as_text=True))


def test_an_address_that_sent_wrong_passwords_must_solve_a_captcha(app, member, known_captcha):
    client = from_address(app, "10.0.0.1")
    assert "/login/captcha.png" not in client.get("/login").get_data(as_text=True)
    for name in ("a1", "b2", "c3"):
        try_login(client, name, "wrong password 1")
    assert "/login/captcha.png" in client.get("/login").get_data(as_text=True)
    assert try_login(client, "member", PASSWORD).status_code == 200  # no answer
    client.get("/login/captcha.png")
    assert post_form(client, "/login", {"username": "member", "password": PASSWORD,
                                        "captcha": "WRONG"}).status_code == 200
    client.get("/login/captcha.png")
    assert post_form(client, "/login", {"username": "member", "password": PASSWORD,
                                        "captcha": "ace47"}).status_code == 302
    assert "/login/captcha.png" not in from_address(app, "10.0.0.9").get("/login").get_data(as_text=True)


def test_an_unknown_name_is_logged_only_as_a_keyed_hash(client):
    typed = "Mima_2026x"  # a password typed into the name field
    try_login(client, typed, "wrong password 1")
    try_login(client, typed, "wrong password 1")
    details = [e.detail for e in events("login_failed")]
    assert len(set(details)) == 1 and typed.casefold() not in details[0].casefold()
    assert hashlib.sha256(typed.casefold().encode()).hexdigest()[:16] not in details[0]
    keys = db.session.execute(db.select(RateCounter.key)).scalars().all()
    assert keys and not any(typed.casefold() in key.casefold() for key in keys)


def test_an_unknown_name_and_a_wrong_password_get_the_same_message(app, member):
    unknown = try_login(from_address(app, "10.0.0.1"), "nobody", "wrong password 1").get_data(as_text=True)
    wrong = try_login(from_address(app, "10.0.0.2"), "member", "wrong password 1").get_data(as_text=True)
    assert error(unknown) == error(wrong)


def test_an_unknown_name_waits_after_wrong_passwords_like_a_real_account(app, member):
    client, real = from_address(app, "10.0.0.1"), from_address(app, "10.0.0.2")
    pages = [try_login(client, "nobody", "wrong password 1").get_data(as_text=True) for _ in range(5)]
    real_pages = [try_login(real, "member", "wrong password 1").get_data(as_text=True) for _ in range(5)]
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


def test_recent_logins_name_the_browser_and_system_not_the_raw_user_agent(app):
    user = make_user(username="liming")
    phone = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/131.0.0.0 Mobile Safari/537.36")
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = phone
    page = login(client, user).get("/account").get_data(as_text=True)
    device = BeautifulSoup(page, "html.parser").select_one("td.device").get_text()
    assert device == "Chrome Mobile 131 · Android 10"
    assert "AppleWebKit" not in page
