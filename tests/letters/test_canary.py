"""Canary letters: unique markers in every field of letters to each kind of box, then every
page of the site, as every role that may not read them. No marker may show anywhere."""
import pytest

from forum.boards.roles import grant
from forum.extensions import db
from forum.letters import triage
from forum.letters.writing import write_letter
from forum.models import Board, Letter, Post, User
from tests.conftest import login, post_form
from tests.factories import make_board, make_unit, make_user
from tests.test_access_matrix import ROLES, ROUTES, build_world

MARKERS = ["CANARYTITLE", "CANARYBODY", "13999887766", "CANARYANSWER", "CANARYDRAFT",
           "CANARYREASON"]


def _canary_letters(box, whistle, handler, unit):
    writer = make_user(username="canary_writer")
    fields = dict(kind="complain", title="CANARYTITLE 反映", body="CANARYBODY 内容",
                  phone="13999887766", consent=True)
    letters = [write_letter(box, writer, **fields)[0], write_letter(box, None, **fields)[0],
               write_letter(whistle, writer, **{**fields, "kind": "report"})[0],
               write_letter(whistle, writer, **{**fields, "kind": "report"}, anonymous=True)[0]]
    answered, drafted, refused = letters[0], letters[1], letters[2]
    triage.accept_letter(answered, handler)
    triage.send_answer(answered, handler, "CANARYANSWER 答复")
    triage.accept_letter(drafted, handler)
    triage.transfer_letter(drafted, handler, unit.id)
    triage.draft_answer(drafted, handler, "CANARYDRAFT 草稿")
    triage.refuse_letter(refused, handler, "CANARYREASON 理由")
    return writer, letters


def _urls(ids, letters):
    pages = [path.format(**ids) for rows in ROUTES.values()
             for method, path, _form, _statuses in rows if method == "GET"]
    pages += ["/mod/log?kind=security", "/mod/log?format=csv", "/notifications",
              "/u/canary_writer", "/stats", "/letters/mine"]
    private = []
    for letter in letters:
        post_id = db.session.execute(db.select(Post.id).where(
            Post.thread_id == letter.thread_id)).scalar_one()
        private += [f"/letters/{letter.id}", f"/t/{letter.thread_id}", f"/p/{post_id}",
                    f"/p/{post_id}/edit", f"/t/{letter.thread_id}/reply",
                    f"/t/{letter.thread_id}/unread"]
        # The reply page of a public thread opens; the quote of a letter must stay empty.
        pages.append(f"/t/{ids['thread']}/reply?quote={post_id}")
    return pages, private


@pytest.mark.parametrize("role", ROLES)
def test_no_letter_shows_anywhere_to_a_role_that_may_not_read_it(app, role):
    people, ids = build_world()
    box = db.session.get(Board, db.session.execute(db.select(Letter.board_id)).scalar_one())
    whistle = make_board(type="mailbox", unit=box.unit,
                         settings={"whistleblower": True, "anonymous": True})
    handler = make_user(username="canary_handler")
    grant(handler, box, "handler")
    grant(handler, whistle, "handler")
    _writer, letters = _canary_letters(box, whistle, handler, make_unit())
    pages, private = _urls(ids, letters)
    client = app.test_client()
    if role != "guest":
        login(client, people[role])
    leaks = []
    for url in pages + private:
        response = client.get(url)
        body = response.get_data().decode("utf-8", "replace")
        leaks += [f"{url}: {marker}" for marker in MARKERS if marker in body]
        if url in private and response.status_code == 200:
            leaks.append(f"{url}: 200")
    for letter in letters:
        post_id = db.session.execute(db.select(Post.id).where(
            Post.thread_id == letter.thread_id)).scalar_one()
        for action in (f"/p/{post_id}/report", f"/t/{letter.thread_id}/subscribe"):
            status = post_form(client, action, {"reason": "spam"}).status_code
            if status not in (302, 404) or (status == 302 and role != "guest"):
                leaks.append(f"{action}: {status}")
    assert not leaks, f"{role}: " + "; ".join(leaks)


def test_the_writer_profile_counts_no_letter(app):
    box = make_board(type="mailbox")
    writer = make_user(username="canary_writer")
    write_letter(box, writer, kind="consult", title="CANARYTITLE", body="CANARYBODY")
    assert db.session.get(User, writer.id).post_count == 0
    page = app.test_client().get("/u/canary_writer").get_data(as_text=True)
    assert "CANARYTITLE" not in page


def test_the_crawl_would_see_a_canary_where_one_is_allowed(app):
    """The control: the box's handler reads every marker on the letter pages."""
    _people, _ids = build_world()
    box = db.session.get(Board, db.session.execute(db.select(Letter.board_id)).scalar_one())
    whistle = make_board(type="mailbox", settings={"whistleblower": True, "anonymous": True})
    handler = make_user(username="canary_handler", is_verified=True)
    grant(handler, box, "handler")
    grant(handler, whistle, "handler")
    _writer, letters = _canary_letters(box, whistle, handler, make_unit())
    client = login(app.test_client(), handler)
    seen = "".join(client.get(f"/letters/{letter.id}").get_data(as_text=True) for letter in letters)
    assert all(marker in seen for marker in MARKERS)
