"""/admin/settings: registration open or closed, a CAPTCHA on registration, a test mail
through the configured server; each change logged before and after."""
import types
from pathlib import Path

import pytest

from forum import captcha, settings
from forum.extensions import db
from forum.models import SiteSetting, User
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


def test_a_setting_changed_by_another_worker_is_seen_after_the_cache_seconds(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(settings, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    assert get_setting("registration") == "open"
    with db.engine.begin() as connection:  # another worker's write: this session never sees it
        connection.execute(db.insert(SiteSetting).values(key="registration", value="closed"))
    assert get_setting("registration") == "open"
    now[0] += settings.CACHE_SECONDS + 1
    assert get_setting("registration") == "closed"


def test_a_setting_put_and_rolled_back_leaves_the_cache_with_the_stored_value():
    put_setting("registration", "closed")
    assert get_setting("registration") == "closed"  # read inside the unit of work
    db.session.rollback()
    assert get_setting("registration") == "open"


def test_the_settings_page_says_other_workers_see_a_change_within_the_cache_seconds(system):
    page = system.get("/admin/settings").get_data(as_text=True)
    assert says(page, "A saved change applies at once; other server processes see it within %(seconds)d seconds.",
                seconds=5)
