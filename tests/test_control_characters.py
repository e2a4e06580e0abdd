"""Control characters in what a request brings (issue 12): PostgreSQL refuses a NUL (it
was a 500) and the other C0 characters break the Atom feed. A path holding one is a 404,
a field holding one is refused with a message and changes nothing."""
import xml.etree.ElementTree as ET

import pytest

from forum.extensions import db
from forum.models import Post, Thread, User
from tests.checks import says
from tests.conftest import csrf_token, login, post_form
from tests.factories import make_board, make_thread, make_user

CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f"]
REFUSAL = ("What you sent holds invisible control characters, which no field accepts, or a "
           "line break in a one-line field such as a title. Remove them and try again.")


def _count(model):
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


@pytest.mark.parametrize("path", ["/u/%00", "/u/member%00", "/b/%00", "/b/x%1b/new",
                                  "/feeds/%00.atom", "/search%00"])
def test_a_path_with_a_control_character_is_a_404(client, member, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("char", CONTROLS)
@pytest.mark.parametrize("field", ["title", "body"])
def test_a_new_thread_with_a_control_character_is_refused_and_not_saved(member_client, field, char):
    board = make_board()
    data = {"title": "会议通知", "body": "会议内容", field: f"会议{char}内容"}
    response = post_form(member_client, f"/b/{board.slug}/new", data)
    assert response.status_code == 400
    assert says(response.get_data(as_text=True), REFUSAL)
    assert _count(Thread) == 0


@pytest.mark.parametrize("char", ["\t", "\n", "\r"])
def test_a_title_is_one_line(member_client, char):
    board = make_board()
    response = post_form(member_client, f"/b/{board.slug}/new", {"title": f"会议{char}通知", "body": "内容"})
    assert response.status_code == 400
    assert _count(Thread) == 0


def test_a_body_keeps_tabs_and_line_breaks(member_client):
    board = make_board()
    response = post_form(member_client, f"/b/{board.slug}/new",
                         {"title": "会议通知", "body": "第一行\r\n\t第二行\n第三行"})
    assert response.status_code == 302
    assert _count(Thread) == 1


def test_a_reply_with_a_nul_is_refused(member_client):
    thread = make_thread()
    response = post_form(member_client, f"/t/{thread.id}/reply", {"body": "回复\x00"})
    assert response.status_code == 400
    assert _count(Post) == 1


@pytest.mark.parametrize("field", ["username", "password"])
def test_a_login_with_a_nul_is_refused(client, member, field):
    data = {"username": member.username, "password": "x", field: "member\x00"}
    assert post_form(client, "/login", data).status_code == 400


@pytest.mark.parametrize("query", [{"q": "会议\x00"}, {"author": "\x00"}, {"board": "x\x1b"},
                                   {"q\x00": "会议"}])
def test_a_query_parameter_with_a_control_character_is_refused(client, query):
    assert client.get("/search", query_string=query).status_code == 400


def test_a_json_body_with_a_nul_is_refused(member_client):
    response = member_client.post("/study/beat", json={"token": "\x00", "seq": 1},
                                  headers={"X-CSRFToken": csrf_token(member_client, "/training/mine")})
    assert response.status_code == 400


def test_a_stored_title_with_control_characters_still_gives_a_valid_feed(client):
    board = make_board()
    make_thread(board=board, title="会议\x0b通知\x1b", body="内容\x1b\x01")
    body = client.get(f"/feeds/{board.slug}.atom").get_data(as_text=True)
    root = ET.fromstring(body)
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert "会议通知" in titles


def test_a_username_with_a_nul_on_registration_is_refused(client):
    data = {"username": "new\x00user", "password": "correct horse 9", "confirm": "correct horse 9"}
    assert post_form(client, "/register", data).status_code == 400
    assert _count(User) == 0


def test_a_logged_in_page_with_a_nul_in_the_query_is_refused(app):
    client = login(app.test_client(), make_user(username="reader"))
    assert client.get("/u/reader", query_string={"tab": "\x00"}).status_code == 400
