"""Remember-me: never for admins (their sessions end after 30 idle minutes), and every
cookie is Secure when FORUM_SECURE_COOKIES is on."""
import time

from flask_login.utils import encode_cookie

import config
from forum import create_app
from tests.checks import says
from tests.conftest import CSRF_RE, csrf_token, login, post_form
from tests.factories import PASSWORD, make_user

REMEMBER = "remember_token"


def log_in_remembered(client, user):
    return post_form(client, "/login", {"username": user.username, "password": PASSWORD,
                                        "remember": "y"})


def remember_cookie_of(app, user):
    """The remember-me cookie Flask-Login would have given this account."""
    with app.test_request_context():
        return encode_cookie(user.get_id())


def test_an_admin_who_asks_to_stay_logged_in_gets_no_remember_cookie_and_is_told(app):
    admin = app.test_client()
    response = log_in_remembered(admin, make_user(admin_role="security"))
    assert response.status_code == 302 and admin.get_cookie(REMEMBER) is None
    assert says(admin.get("/").get_data(as_text=True),
                "Administrator accounts are not remembered on a device.")
    member = app.test_client()
    log_in_remembered(member, make_user())
    assert member.get_cookie(REMEMBER) is not None


def test_a_remember_cookie_does_not_bring_back_an_admin_session(app):
    admin = make_user(admin_role="system")
    browser = app.test_client()
    browser.set_cookie(REMEMBER, remember_cookie_of(app, admin))
    response = browser.get("/admin/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_an_admin_session_ended_by_the_idle_timeout_stays_ended_with_a_remember_cookie(
        app, monkeypatch):
    admin = make_user(admin_role="system")
    browser = login(app.test_client(), admin)
    browser.set_cookie(REMEMBER, remember_cookie_of(app, admin))
    assert browser.get("/admin/").status_code == 200
    import forum.auth.sessions as sessions
    now = time.time()
    monkeypatch.setattr(sessions.time, "time", lambda: now + 31 * 60)
    assert browser.get("/admin/").status_code == 302
    browser.set_cookie(REMEMBER, remember_cookie_of(app, admin))  # kept by the browser
    assert browser.get("/admin/").status_code == 302


def test_a_members_remember_cookie_still_logs_it_in(app):
    member = make_user()
    browser = app.test_client()
    browser.set_cookie(REMEMBER, remember_cookie_of(app, member))
    assert browser.get("/account").status_code == 200


def test_every_cookie_the_forum_sets_is_secure_when_secure_cookies_are_on(app, monkeypatch):
    monkeypatch.setenv("FORUM_SECURE_COOKIES", "on")
    secure_app = create_app(config.TestingConfig())
    browser = secure_app.test_client()
    # Over HTTPS, Flask-WTF also checks that a form comes from this site.
    https = {"base_url": "https://localhost", "headers": {"Referer": "https://localhost/"}}
    member = make_user()
    responses = [browser.get("/login", **https)]
    token = CSRF_RE.search(responses[0].get_data(as_text=True)).group(1)
    responses.append(browser.post("/login", data={"csrf_token": token, "username": member.username,
                                                  "password": PASSWORD, "remember": "y"}, **https))
    assert responses[-1].status_code == 302
    responses.append(_switch_language(secure_app, browser, https))
    cookies = [header for response in responses for header in response.headers.getlist("Set-Cookie")]
    names = {header.split("=", 1)[0] for header in cookies}
    assert {"session", REMEMBER, "lang"} <= names
    assert all("; Secure" in header for header in cookies), cookies


def _switch_language(app, browser, https):
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == "i18n.switch_language")
    if "POST" in rule.methods:
        token = csrf_token(browser, "/account")
        return browser.post("/lang/en", data={"csrf_token": token, "next": "/"}, **https)
    return browser.get("/lang/en?next=/", **https)
