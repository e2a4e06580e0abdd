"""Every `next` parameter leads to a path on this site, never another (issue 12: an open
redirect through /lang/zh_CN?next=/%09/host; a newline in next= was a 500)."""
import pytest

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import QueueItem
from forum.settings import put_setting
from tests.conftest import login, post_form
from tests.factories import PASSWORD, make_board, make_thread, make_user

OFF_SITE = [
    "//evil.example", "///evil.example", "/\t/evil.example", "/\n/evil.example",
    "/\r\n/evil.example", "\t//evil.example", " //evil.example", "/ /evil.example",
    "/\\evil.example", "\\\\evil.example", "/\\/evil.example", "https://evil.example",
    "http:evil.example", "javascript:alert(1)", "evil.example", "/\u3000/evil.example",
    "data:text/html,x", "/\x0b/evil.example",
]
ON_SITE = ["/t/5?page=2", "/b/notices", "/search?q=%E4%BC%9A"]


def _went(response, default):
    """Where a redirect sends the browser; a refusal of the whole request also keeps it here."""
    if response.status_code == 400:
        return default
    assert response.status_code == 302
    return response.headers["Location"]


def _login(client, target):
    user = make_user()
    return post_form(client, "/login", {"username": user.username, "password": PASSWORD},
                     query_string={"next": target})


def _register(client, target):
    data = {"username": "newcomer", "password": PASSWORD, "confirm": PASSWORD}
    return post_form(client, "/register", data, query_string={"next": target})


def _language(client, target):
    return client.post("/lang/en", data={"next": target})


def _queue_decision(client, target):
    put_setting("new_account_review_posts", 3)
    board = make_board()
    make_thread(board=board, author=make_user())
    moderator = make_user(is_verified=True)
    grant(moderator, board, "moderator")
    item = db.session.execute(db.select(QueueItem)).scalar_one()
    login(client, moderator)
    return post_form(client, f"/q/{item.id}/approve", {"next": target})


ROUTES = {"login": (_login, "/"), "register": (_register, "/"), "language": (_language, "/"),
          "queue": (_queue_decision, "/mod/")}


@pytest.mark.parametrize("target", OFF_SITE)
@pytest.mark.parametrize("route", ROUTES)
def test_a_next_off_this_site_goes_to_the_default_page(client, route, target):
    send, default = ROUTES[route]
    assert _went(send(client, target), default) == default


@pytest.mark.parametrize("target", ON_SITE)
@pytest.mark.parametrize("route", ROUTES)
def test_a_next_on_this_site_is_followed(client, route, target):
    send, _ = ROUTES[route]
    assert _went(send(client, target), None) == target
