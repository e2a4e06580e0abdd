"""Atom feeds of public boards: valid XML, RFC 3339 dates, escaped content, stable ids,
nothing private."""
import re
import xml.etree.ElementTree as ET

import pytest

from forum.boards.services import edit_post
from forum.extensions import db
from forum.models import Post
from tests.factories import make_board, make_thread, make_user

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def feed(client, slug):
    response = client.get(f"/feeds/{slug}.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    return ET.fromstring(response.get_data())


def entries(root):
    return root.findall(f"{ATOM}entry")


def test_a_board_feed_is_valid_atom_with_its_published_threads(client):
    board = make_board()
    author = make_user(username="writer")
    make_thread(board=board, author=author, title="第一个主题", body="正文 <b>粗</b> & **强调**")
    make_thread(board=board, author=author, title="第二个主题")
    root = feed(client, board.slug)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}").text
    titles = [e.find(f"{ATOM}title").text for e in entries(root)]
    assert titles == ["第二个主题", "第一个主题"]
    first = entries(root)[1]
    assert first.find(f"{ATOM}author/{ATOM}name").text == "writer"
    content = first.find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert "<strong>强调</strong>" in content.text and "&amp;" in content.text
    assert first.find(f"{ATOM}link").get("href").startswith("http")


def test_every_date_in_a_feed_is_rfc_3339_with_a_time_zone(client):
    board = make_board()
    make_thread(board=board)
    root = feed(client, board.slug)
    dates = [e.text for e in root.iter() if e.tag in (f"{ATOM}updated", f"{ATOM}published")]
    assert len(dates) == 3
    assert all(RFC3339.match(d) for d in dates), dates


def test_entry_ids_are_stable_and_an_edit_moves_updated(client):
    board = make_board()
    thread = make_thread(board=board)
    before = entries(feed(client, board.slug))[0]
    post = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    edit_post(post, post.author, "改过的正文")
    after = entries(feed(client, board.slug))[0]
    assert after.find(f"{ATOM}id").text == before.find(f"{ATOM}id").text
    assert after.find(f"{ATOM}published").text == before.find(f"{ATOM}published").text
    assert "改过的正文" in after.find(f"{ATOM}content").text


def test_an_empty_board_still_has_a_valid_feed(client):
    root = feed(client, make_board().slug)
    assert entries(root) == [] and RFC3339.match(root.find(f"{ATOM}updated").text)


def test_the_site_notices_have_a_feed(client, seeded):
    assert feed(client, "notices").find(f"{ATOM}title").text.startswith("工作通知")


def test_hidden_and_pending_threads_stay_out_of_the_feed(client):
    board = make_board()
    shown = make_thread(board=board, title="公开的")
    hidden = make_thread(board=board, title="隐藏的")
    hidden.status = "hidden"
    board.settings = {"premoderated": True}
    db.session.commit()
    make_thread(board=board, title="待审核的")
    titles = [e.find(f"{ATOM}title").text for e in entries(feed(client, board.slug))]
    assert titles == [shown.title]


@pytest.mark.parametrize("board_type", ["mailbox", "counsel", "branch"])
def test_boards_that_are_not_public_have_no_feed(client, board_type):
    board = make_board(type=board_type)
    assert client.get(f"/feeds/{board.slug}.atom").status_code == 404


def test_an_unknown_board_has_no_feed(client):
    assert client.get("/feeds/nothing.atom").status_code == 404


def test_the_board_page_links_its_feed(client):
    board = make_board()
    page = client.get(f"/b/{board.slug}").get_data(as_text=True)
    assert f'<link rel="alternate" type="application/atom+xml" title="{board.name}" href="/feeds/{board.slug}.atom">' in page
