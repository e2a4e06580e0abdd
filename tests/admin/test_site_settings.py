"""/admin/settings: registration open or closed, a CAPTCHA on registration, a test mail
through the configured server; each change logged before and after."""
import email
import email.policy
import types
from pathlib import Path

import pytest

from flask_babel import gettext

from forum import captcha, fragments, pagecache, settings
from forum.extensions import db
from forum.mail import mail, smtp_server
from forum.models import SiteSetting, User
from forum.seal import unseal
from forum.settings import get_setting, put_setting
from tests.checks import log, says
from tests.conftest import csrf_token, login, post_form
from tests.factories import make_user

SETTINGS = {"new_account_review_posts": "0", "post_interval_seconds": "15"}
NEW = "Xin-Mima_2026"


@pytest.fixture()
def system(app):
    return login(app.test_client(), make_user(username="system_admin", admin_role="system"))


def register(client, **fields):
    """POST the registration form (the session's challenge, if any, drawn by the last page)."""
    return client.post("/register", data={
        "csrf_token": csrf_token(client), "username": "newcomer",
        "password": NEW, "confirm": NEW, **fields})


def newcomers():
    db.session.expire_all()
    return db.session.execute(db.select(User.username).where(User.username == "newcomer")).scalars().all()


def test_closed_registration_refuses_new_accounts_and_says_whom_to_ask(client, system):
    post_form(system, "/admin/settings", {**SETTINGS, "registration": "closed"})
    page = client.get("/register").get_data(as_text=True)
    assert says(page, "Registration is closed: ask the security administrator for an account.")
    register(client)
    assert newcomers() == []
    assert log("settings")[0].reason == "registration: open → closed"


def test_registration_asks_for_the_captcha_when_the_setting_is_on(monkeypatch, client, system):
    monkeypatch.setattr(captcha, "text_for", lambda challenge_id: "ACDEF")
    post_form(system, "/admin/settings", {**SETTINGS, "registration": "open", "registration_captcha": "y"})
    assert "/login/captcha.png" in client.get("/register").get_data(as_text=True)
    page = register(client, captcha="WRONG").get_data(as_text=True)
    assert says(page, "The characters do not match the picture; try the new one.") and newcomers() == []
    register(client, captcha="ACDEF")
    assert newcomers() == ["newcomer"]


def test_the_system_admin_sends_a_test_mail_and_the_log_keeps_no_address(app, system):
    post_form(system, "/admin/settings/test-mail", {"to": "office@example.cn"})
    mails = list((Path(app.config["INSTANCE_PATH"]) / "mail").glob("*.eml"))
    assert any("office@example.cn" in mail.read_text(encoding="utf-8") for mail in mails)
    [row] = log("test_mail")
    assert "office@example.cn" not in row.reason


def test_a_bad_test_mail_address_is_refused(system):
    page = post_form(system, "/admin/settings/test-mail", {"to": "not an address"},
                     follow_redirects=True).get_data(as_text=True)
    assert says(page, "Enter a valid email address.") and log() == []


# The worker's settings cache


def test_pages_read_the_settings_from_the_workers_cache_without_a_query(client, count_queries):
    get_setting("registration")
    with count_queries() as queries:
        assert get_setting("registration") == "open" and get_setting("registration_captcha") is False
    assert len(queries) == 0


def test_a_setting_changed_by_another_worker_is_seen_after_the_cache_seconds(app, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(settings, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    assert get_setting("registration") == "open"
    with db.engine.begin() as connection:  # another worker's write: this session never sees it
        connection.execute(db.insert(SiteSetting).values(key="registration", value="closed"))
    assert get_setting("registration") == "open"
    now[0] += app.config["SETTINGS_CACHE_SECONDS"] + 1
    assert get_setting("registration") == "closed"


def test_a_setting_put_and_rolled_back_leaves_the_cache_with_the_stored_value():
    put_setting("registration", "closed")
    assert get_setting("registration") == "closed"  # read inside the unit of work
    db.session.rollback()
    assert get_setting("registration") == "open"


def test_the_settings_page_says_other_workers_see_a_change_within_the_cache_seconds(app, system, monkeypatch):
    monkeypatch.setitem(app.config, "SETTINGS_CACHE_SECONDS", 5)  # production's; the tests keep them longer
    page = system.get("/admin/settings").get_data(as_text=True)
    assert says(page, "A saved change applies at once; other server processes see it within %(seconds)d seconds.",
                seconds=5)


# The site's name and footer

FOOTER = "主办单位：中共织金县委组织部\n黔ICP备12345678号\n<b>电话</b> 0857-7622000 https://www.zhijin.gov.cn"


def test_the_site_name_and_footer_set_by_the_system_admin_show_to_guests(client, system):
    post_form(system, "/admin/settings", {**SETTINGS, "site_name": "织金县党建网", "site_footer": FOOTER})
    page = client.get("/").get_data(as_text=True)
    assert "<title>" in page and "- 织金县党建网</title>" in page
    assert '<a class="site-name" href="/">织金县党建网</a>' in page
    assert "主办单位：中共织金县委组织部<br>" in page and "黔ICP备12345678号<br>" in page
    assert "&lt;b&gt;电话&lt;/b&gt;" in page and "<b>电话</b>" not in page
    assert '<a href="https://www.zhijin.gov.cn" rel="nofollow ugc noopener">' in page
    assert log("settings")[0].reason.startswith("site_name:  → 织金县党建网; site_footer:  → 主办单位")


def test_an_empty_site_name_and_footer_show_the_defaults(client, system):
    post_form(system, "/admin/settings", {**SETTINGS, "site_name": "织金县党建网", "site_footer": FOOTER})
    post_form(system, "/admin/settings", {**SETTINGS, "site_name": " ", "site_footer": ""})
    page = client.get("/").get_data(as_text=True)
    assert says(page, "Zhijin Party-building Forum") and says(page, "Zhijin County, Guizhou")
    assert "织金县党建网" not in page and "ICP" not in page


@pytest.mark.parametrize("field, value, message, params", [
    ("site_name", "名" * 61, "At most 60 characters.", {}),
    ("site_footer", "字" * 501, "At most 500 characters.", {}),
    ("site_footer", "\n".join("行" * 9), "The footer has at most %(num)d lines.", {"num": 8}),
])
def test_a_too_long_site_name_or_footer_is_refused_and_changes_nothing(system, field, value, message, params):
    page = post_form(system, "/admin/settings", {**SETTINGS, field: value}).get_data(as_text=True)
    assert says(page, message, **params)
    assert (get_setting("site_name"), get_setting("site_footer"), log()) == (None, None, [])


def test_mail_and_feeds_carry_the_site_name(app, client, system, board):
    post_form(system, "/admin/settings", {**SETTINGS, "site_name": "织金县党建网"})
    post_form(system, "/admin/settings/test-mail", {"to": "named@example.cn"})
    [message] = [message for message in (
        email.message_from_string(path.read_text(encoding="utf-8"), policy=email.policy.default)
        for path in (Path(app.config["INSTANCE_PATH"]) / "mail").glob("*.eml"))
        if message["To"] == "named@example.cn"]
    assert message["Subject"] == gettext("[%(site)s] %(subject)s", site="织金县党建网", subject=gettext("Test mail"))
    assert message["From"].addresses[0].display_name == "织金县党建网"
    feed = client.get(f"/feeds/{board.slug}.atom").get_data(as_text=True)
    assert f"<title>{board.name} - 织金县党建网</title>" in feed


# The mail server and the guests' page cache, on the web


def test_until_set_on_the_web_the_mail_server_and_cache_seconds_are_the_environments(app, system):
    page = system.get("/admin/settings").get_data(as_text=True)
    assert 'name="mail_port" type="number" value="25"' in page
    assert (get_setting("mail_server"), get_setting("mail_port"), get_setting("page_cache_seconds")) == (
        app.config["MAIL_SERVER"], app.config["MAIL_PORT"], 0)
    assert says(page, "No mail server is set: mail is written to files in the instance folder.")


def test_the_test_mail_goes_through_the_mail_server_saved_on_the_web(app, system):
    post_form(system, "/admin/settings", {**SETTINGS, "mail_server": "smtp.zhijin.gov.cn", "mail_port": "587",
                                          "mail_use_tls": "y", "mail_username": "forum",
                                          "mail_password": "Smtp-Mima-2026"})
    server = smtp_server()
    assert (server.server, server.port, server.use_tls, server.username, server.password) == (
        "smtp.zhijin.gov.cn", 587, True, "forum", "Smtp-Mima-2026")
    folder = Path(app.config["INSTANCE_PATH"]) / "mail"
    before = set(folder.glob("*.eml")) if folder.exists() else set()
    with mail.record_messages() as sent:  # the tests' Flask-Mail connects to no server
        post_form(system, "/admin/settings/test-mail", {"to": "smtp-check@example.cn"})
    assert [message.recipients for message in sent] == [["smtp-check@example.cn"]]
    assert (set(folder.glob("*.eml")) if folder.exists() else set()) == before
    page = system.get("/admin/settings").get_data(as_text=True)
    assert says(page, "Mail leaves through %(server)s, port %(port)d%(tls)s, from %(sender)s.",
                server="smtp.zhijin.gov.cn", port=587, tls=gettext(", with TLS"),
                sender=f"{gettext('Zhijin Party-building Forum')} <noreply@localhost>")


def test_the_mail_password_is_sealed_never_shown_and_logged_only_as_changed(system):
    post_form(system, "/admin/settings", {**SETTINGS, "mail_server": "smtp.zhijin.gov.cn",
                                          "mail_password": "Smtp-Mima-2026"})
    stored = db.session.get(SiteSetting, "mail_password").value
    assert "Smtp-Mima-2026" not in stored and unseal(stored) == "Smtp-Mima-2026"
    page = system.get("/admin/settings").get_data(as_text=True)
    assert "Smtp-Mima-2026" not in page and stored not in page
    assert says(page, "A password is saved (sealed; never shown).")
    [row] = log("settings")
    assert row.reason == "mail_server:  → smtp.zhijin.gov.cn; mail_password: changed"
    post_form(system, "/admin/settings", {**SETTINGS, "mail_server": "smtp2.zhijin.gov.cn",
                                          "mail_password": ""})
    assert smtp_server().password == "Smtp-Mima-2026"  # blank kept it
    assert "mail_password" not in log("settings")[1].reason


@pytest.mark.parametrize("field, value, message", [
    ("mail_port", "0", "A number from 1 to 65,535."), ("mail_port", "70000", "A number from 1 to 65,535."),
    ("mail_server", "m" * 256, "At most 255 characters."),
    ("page_cache_seconds", "301", "A number from 0 to 300."),
    ("page_cache_seconds", "-1", "A number from 0 to 300."),
])
def test_a_bad_mail_server_or_cache_setting_is_refused_and_changes_nothing(system, field, value, message):
    page = post_form(system, "/admin/settings", {**SETTINGS, field: value}).get_data(as_text=True)
    assert says(page, message) and log() == []
    assert db.session.execute(db.select(SiteSetting.key).where(SiteSetting.key == field)).all() == []


@pytest.fixture()
def forget_pages():
    yield
    pagecache.clear()
    fragments.clear()


def test_guest_pages_are_cached_for_the_seconds_set_on_the_web(client, system, board, count_queries,
                                                              forget_pages):
    client.get(f"/b/{board.slug}")
    with count_queries() as uncached:
        client.get(f"/b/{board.slug}")
    post_form(system, "/admin/settings", {**SETTINGS, "page_cache_seconds": "30"})
    first = client.get(f"/b/{board.slug}")
    with count_queries() as cached:
        again = client.get(f"/b/{board.slug}")
    assert again.get_data() == first.get_data() and len(cached) == 0 < len(uncached)
