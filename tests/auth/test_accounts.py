"""Registering, logging in and out, through HTTP with CSRF on."""
import pytest

from forum.extensions import db
from forum.models import User
from tests.conftest import csrf_token, login, post_form
from tests.factories import PASSWORD, make_user


def users():
    return db.session.execute(db.select(User.username)).scalars().all()


def register(client, username, password="good pass 123", confirm=None):
    return post_form(client, "/register", {
        "username": username, "password": password,
        "confirm": password if confirm is None else confirm})


def test_register_with_a_chinese_username_logs_the_user_in(client):
    response = register(client, "织金党员_01")
    assert response.status_code == 302
    assert users() == ["织金党员_01"]
    page = client.get("/").get_data(as_text=True)
    assert "织金党员_01" in page and 'action="/logout"' in page


@pytest.mark.parametrize("taken", ["Zhang", "zhang", "ZHANG", " zhang "])
def test_register_refuses_a_username_taken_in_any_case(client, taken):
    make_user(username="Zhang")
    response = register(client, taken)
    assert response.status_code == 200
    assert "already taken" in response.get_data(as_text=True) or "已被" in response.get_data(as_text=True)
    assert users() == ["Zhang"]


@pytest.mark.parametrize("username", ["a", "x" * 21, "有 空格", "<script>", "a/b", ""])
def test_register_refuses_bad_usernames_and_stores_nothing(client, username):
    response = register(client, username)
    assert response.status_code == 200
    assert 'class="error"' in response.get_data(as_text=True)
    assert users() == []


def test_register_refuses_mismatched_passwords(client):
    response = register(client, "member1", confirm="something else 1")
    assert 'class="error"' in response.get_data(as_text=True)
    assert users() == []


def test_register_without_csrf_token_is_refused_and_stores_nothing(client):
    response = client.post("/register", data={"username": "member1", "password": "good pass 123",
                                              "confirm": "good pass 123"})
    assert response.status_code == 400
    assert users() == []


def test_register_with_forged_csrf_token_is_refused(client):
    csrf_token(client)
    response = client.post("/register", data={"csrf_token": "forged", "username": "member1",
                                              "password": "good pass 123", "confirm": "good pass 123"})
    assert response.status_code == 400
    assert users() == []


def test_login_with_the_right_password_works(client, member):
    login(client, member)
    assert member.username in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("username,password", [("member", "wrong password"), ("nobody", PASSWORD)])
def test_login_gives_one_message_for_unknown_user_and_wrong_password(client, member, username, password):
    response = post_form(client, "/login", {"username": username, "password": password})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'class="error"' in page
    assert 'action="/logout"' not in page


def test_login_ignores_a_next_url_on_another_site(client, member):
    response = post_form(client, "/login?next=//evil.example/x",
                         {"username": member.username, "password": PASSWORD})
    assert response.headers["Location"] == "/"


def test_a_session_cookie_saved_before_logout_no_longer_works(app, member):
    browser = app.test_client()
    login(browser, member)
    saved = browser.get_cookie("session").value
    assert post_form(browser, "/logout", {}).status_code == 302

    thief = app.test_client()
    thief.set_cookie("session", saved)
    page = thief.get("/").get_data(as_text=True)
    assert 'action="/logout"' not in page


def test_logout_ends_every_session_of_the_account(app, member):
    laptop, phone = app.test_client(), app.test_client()
    login(laptop, member)
    login(phone, member)
    post_form(laptop, "/logout", {})
    assert 'action="/logout"' not in phone.get("/").get_data(as_text=True)


def test_logout_is_a_post_only(member_client):
    assert member_client.get("/logout").status_code == 405


def test_passwords_are_stored_hashed_with_a_modern_algorithm(member):
    assert member.password_hash.startswith("pbkdf2:sha256:")  # scrypt outside tests
    assert PASSWORD not in member.password_hash


def test_production_hashes_passwords_with_scrypt():
    from config import Config

    assert Config.PASSWORD_HASH_METHOD == "scrypt"


def test_login_rotates_the_csrf_token_and_the_old_one_no_longer_works(client, member):
    before = csrf_token(client)
    response = client.post("/login", data={"csrf_token": before, "username": "member",
                                           "password": PASSWORD})
    assert response.status_code == 302
    assert csrf_token(client, "/account") != before
    client.post("/logout", data={"csrf_token": before})
    assert 'action="/logout"' in client.get("/").get_data(as_text=True)  # the old token was refused
