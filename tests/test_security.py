"""Security baseline: headers, trusted hosts, CSRF on every form."""
import itertools
import re
import time

import pytest
from itsdangerous import TimestampSigner

from forum.extensions import db
from tests.conftest import csrf_token, login, post_form
from tests.factories import make_thread, make_user


def test_every_page_sends_a_strict_content_security_policy(client):
    headers = client.get("/").headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_error_pages_carry_the_headers_too(client):
    assert "Content-Security-Policy" in client.get("/b/none").headers


def test_pages_have_no_inline_script_or_style(client, seeded):
    page = client.get("/").get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\ssrc=)", page), "a script without src (only files may run)"
    assert "<style" not in page and " style=" not in page


def test_an_unknown_host_is_refused(client):
    response = client.get("/", headers={"Host": "evil.example"})
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/register", "/login"])
def test_forms_carry_a_csrf_token(client, path):
    assert re.search(r'name="csrf_token"', client.get(path).get_data(as_text=True))


def test_every_form_on_a_thread_page_carries_a_csrf_token(member_client):
    thread = make_thread()
    page = member_client.get(f"/t/{thread.id}").get_data(as_text=True)
    # Search forms are GET: they change nothing and must set no cookie for guests.
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", page, re.S)
    # The language switch checks the form's origin instead: guests' pages set no cookie.
    forms = [form for form in forms if 'action="/lang/' not in form]
    assert forms and all('name="csrf_token"' in form for form in forms)


def test_post_without_csrf_token_is_refused(member_client):
    thread = make_thread()
    assert member_client.post(f"/t/{thread.id}/reply", data={"body": "x"}).status_code == 400


def test_a_session_signs_its_csrf_token_once_and_forms_accept_it(member_client, monkeypatch):
    # Flask-WTF puts the time in each signature: a clock that moves a second on every
    # call would give every page a new token, were each page to sign it again
    # (forum/csrf_tokens.py). The session's cookie is signed on this clock too.
    ticks = itertools.count(int(time.time()))
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda _signer: next(ticks))
    thread = make_thread()
    first = csrf_token(member_client, f"/t/{thread.id}/reply")
    assert csrf_token(member_client, f"/t/{thread.id}") == first
    response = member_client.post(f"/t/{thread.id}/reply", data={"csrf_token": first, "body": "收到"})
    assert response.status_code == 302


def test_a_csrf_token_of_one_session_is_refused_in_another(app, member):
    other = make_user()
    mine, theirs = login(app.test_client(), member), login(app.test_client(), other)
    thread = make_thread()
    token = csrf_token(theirs, f"/t/{thread.id}")
    assert csrf_token(mine, f"/t/{thread.id}") != token
    response = mine.post(f"/t/{thread.id}/reply", data={"csrf_token": token, "body": "冒用"})
    assert response.status_code == 400
    db.session.refresh(thread)  # the request ran in a session of its own
    assert thread.reply_count == 0


def test_session_cookie_is_http_only(client, member):
    login(client, member)
    cookie = client.get_cookie("session")
    assert cookie.http_only


# Remote images (issue 12, item 6): a page loads images from this site only


TRACKER = "https://tracker.example/p.gif"


def remote_images(page):
    return re.findall(r"<img[^>]*\bsrc=\"(?!/)[^\"]*\"", page)


def test_the_csp_lets_images_load_from_this_site_only(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "img-src 'self';" in csp


def test_a_thread_with_remote_images_shows_links_not_images(member_client, board):
    body = f"![跟踪]({TRACKER})\n\n<img src=\"{TRACKER}\" width=\"1\" height=\"1\">"
    response = post_form(member_client, f"/b/{board.slug}/new", {"title": "图片", "body": body})
    page = member_client.get(response.headers["Location"]).get_data(as_text=True)
    assert not remote_images(page)
    assert f'href="{TRACKER}"' in page


def test_a_signature_with_a_remote_image_shows_a_link_under_posts(member_client, member):
    post_form(member_client, "/account/signature", {"signature": f"![签名图]({TRACKER})"})
    page = member_client.get(f"/t/{make_thread(author=member).id}").get_data(as_text=True)
    assert not remote_images(page) and f'href="{TRACKER}"' in page
