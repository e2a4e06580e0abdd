"""Every route of the URL map, as a guest and as a member, with CSRF on.

The table is checked against app.url_map: a new route without a row fails here.
"""
import pytest

from forum.extensions import db
from forum.models import Post
from tests.conftest import login, post_form
from tests.factories import make_board, make_thread, make_user

# endpoint: (method, path, guest status, member status); {board}, {thread}, {post} are filled in.
ROUTES = {
    "boards.index": [("GET", "/", 200, 200)],
    "boards.board": [("GET", "/b/{board}", 200, 200)],
    "boards.new_thread": [("GET", "/b/{board}/new", 302, 200),
                          ("POST", "/b/{board}/new", 302, 302)],
    "boards.thread": [("GET", "/t/{thread}", 200, 200)],
    "boards.reply_to": [("GET", "/t/{thread}/reply", 302, 200),
                        ("POST", "/t/{thread}/reply", 302, 302)],
    "boards.post": [("GET", "/p/{post}", 302, 302)],
    "boards.edit": [("GET", "/p/{post}/edit", 302, 403),
                    ("POST", "/p/{post}/edit", 302, 403)],
    "auth.register": [("GET", "/register", 200, 200)],
    "auth.login": [("GET", "/login", 200, 200)],
    "auth.logout": [("POST", "/logout", 302, 302)],
    "i18n.switch_language": [("POST", "/lang", 302, 302)],
}
FORM = {"title": "标题", "body": "内容", "lang": "en", "next": "/"}


def test_every_route_has_a_row(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    assert endpoints == set(ROUTES)


@pytest.mark.parametrize("as_member", [False, True], ids=["guest", "member"])
@pytest.mark.parametrize("endpoint,method,path,guest,member",
                         [(e, *row) for e, rows in ROUTES.items() for row in rows])
def test_route_answers_as_expected(client, endpoint, method, path, guest, member, as_member):
    board = make_board()
    thread = make_thread(board=board, author=make_user())
    post = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    if as_member:
        login(client, make_user())
    url = path.format(board=board.slug, thread=thread.id, post=post.id)
    response = post_form(client, url, FORM) if method == "POST" else client.get(url)
    assert response.status_code == (member if as_member else guest)
