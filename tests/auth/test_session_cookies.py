"""The session cookie is verified once per worker and then remembered
(forum/session_cookies.py): what a remembered cookie must still not get past."""
import time
import types

import pytest
from flask import flash, session

from forum import session_cookies
from tests.conftest import login


@pytest.fixture()
def moved_clock(monkeypatch):
    """Moves forum.session_cookies' clock by the seconds given."""
    def move(seconds):
        now = time.time() + seconds
        monkeypatch.setattr(session_cookies, "time", types.SimpleNamespace(time=lambda: now))
    return move


def signed_in(client):
    return client.get("/account").status_code == 200


def test_a_remembered_cookie_still_expires(client, member, moved_clock):
    login(client, member)
    assert signed_in(client) and signed_in(client)  # verified, then remembered
    moved_clock(client.application.permanent_session_lifetime.total_seconds() + 60)
    assert not signed_in(client)


def test_a_cookie_from_the_future_is_refused(client, member, moved_clock):
    login(client, member)
    assert signed_in(client)
    moved_clock(-120)
    assert not signed_in(client)


def test_a_changed_cookie_is_refused_and_not_remembered(client, member):
    login(client, member)
    assert signed_in(client)
    cookie = client.get_cookie("session").value
    forged = cookie[:-2] + ("AA" if cookie[-2:] != "AA" else "BB")
    client.set_cookie("session", forged)
    kept = session_cookies._verified.cache_info().currsize
    assert not signed_in(client)
    assert session_cookies._verified.cache_info().currsize == kept


def test_a_remembered_cookie_is_refused_once_the_secret_key_changes(client, member, monkeypatch):
    login(client, member)
    assert signed_in(client)
    monkeypatch.setattr(client.application, "secret_key", "another key entirely, 2026")
    assert not signed_in(client)


def test_a_cookie_signed_with_a_fallback_key_is_accepted_until_the_key_is_dropped(
        client, member, monkeypatch):
    app = client.application
    old_key = app.secret_key
    login(client, member)
    assert signed_in(client)
    monkeypatch.setattr(app, "secret_key", "the new key of 2026, rotated")
    monkeypatch.setitem(app.config, "SECRET_KEY_FALLBACKS", [old_key])
    assert signed_in(client) and signed_in(client)
    app.config["SECRET_KEY_FALLBACKS"] = []
    assert not signed_in(client)


def test_each_request_gets_its_own_copy_of_the_flashed_messages(app):
    interface = app.session_interface
    with app.test_request_context("/"):
        flash("first")
        response = app.response_class()
        interface.save_session(app, session, response)
    cookie = response.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    opened = []
    for _ in range(2):
        with app.test_request_context("/", headers={"Cookie": f"session={cookie}"}) as context:
            opened.append(interface.open_session(app, context.request))
    opened[0]["_flashes"].append(("message", "second"))
    assert opened[1]["_flashes"] == [("message", "first")]
