"""The session cookie is verified once per worker and then remembered
(forum/session_cookies.py): what a remembered cookie must still not get past."""
import time

from flask import flash, session

from forum import session_cookies
from tests.conftest import login


def signed_in(client):
    return client.get("/account").status_code == 200


def test_a_remembered_cookie_still_expires(client, member, monkeypatch):
    login(client, member)
    assert signed_in(client) and signed_in(client)  # verified, then remembered
    lifetime = client.application.permanent_session_lifetime.total_seconds()
    later = time.time() + lifetime + 60
    monkeypatch.setattr(session_cookies.time, "time", lambda: later)
    assert not signed_in(client)


def test_a_cookie_from_the_future_is_refused(client, member, monkeypatch):
    login(client, member)
    assert signed_in(client)
    earlier = time.time() - 120
    monkeypatch.setattr(session_cookies.time, "time", lambda: earlier)
    assert not signed_in(client)


def test_a_changed_cookie_is_refused(client, member):
    login(client, member)
    assert signed_in(client)
    cookie = client.get_cookie("session").value
    forged = cookie[:-2] + ("AA" if cookie[-2:] != "AA" else "BB")
    client.set_cookie("session", forged)
    assert not signed_in(client)


def test_a_remembered_cookie_is_refused_once_the_secret_key_changes(client, member):
    login(client, member)
    assert signed_in(client)
    client.application.secret_key = "another key entirely, 2026"
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
