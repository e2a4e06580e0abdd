"""The canary (issue 14): feedback whose words, writer's name and phone carry unique
markers, sent by a guest and by a named member and answered by the issuer; then every
page that answers GET, the feeds, search, the logs and their CSV, and notifications, as
every role but the issuer's: no marker may show. No table but disclosure_feedback holds
one, in any text column."""
import pytest
from sqlalchemy import JSON, String, Text, cast, func

from forum import captcha
from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Notification
from tests.conftest import login, post_form
from tests.disclosure.feedback_fixtures import (make_disclosure, make_disclosure_board,
                                                make_feedback_handler, make_unit_account)
from tests.disclosure.helpers import CAPTCHA_TEXT, send, stored
from tests.factories import make_unit, make_user
from tests.test_access_matrix import ROLES, ROUTES, build_world

BODY, NAME, PHONE, ANSWER = "CANARYFEEDBACK", "CANARYNAME", "13987654321", "CANARYANSWER"
MARKERS = [BODY, NAME, PHONE, ANSWER]
OTHER_ROLES = ROLES + ["board_moderator", "other_unit_handler"]


@pytest.fixture(autouse=True)
def known_captcha(monkeypatch):
    monkeypatch.setattr(captcha, "text_for", lambda challenge_id: CAPTCHA_TEXT)


def _canary(app, people):
    """The 组织部's disclosure with a guest's and a named member's feedback, read and
    answered by the issuer; people gains the board's moderator and another unit's handler."""
    board = make_disclosure_board(slug="disclosure")
    disclosure = make_disclosure(board=board)
    issuer = make_unit_account(disclosure.unit, username="canary_issuer")
    people["board_moderator"] = make_user(username="board_moderator", is_verified=True)
    grant(people["board_moderator"], board, "moderator")
    people["other_unit_handler"] = make_feedback_handler(board, make_unit(), "other_handler")
    send(app.test_client(), disclosure, body=f"{BODY} 反映意见", anonymous="y")
    writer = login(app.test_client(), make_user(username="canary_writer"))
    send(writer, disclosure, guest=False, body=f"{BODY} 实名意见", name=NAME, phone=PHONE)
    staff = login(app.test_client(), issuer)
    assert BODY in staff.get(f"/disclosures/{disclosure.id}/feedback/list").get_data(as_text=True)
    for feedback in _feedback_of(disclosure):
        post_form(staff, f"/disclosures/feedback/{feedback.id}/answer", {"body": f"{ANSWER} 答复"})
    return disclosure, issuer


def _feedback_of(disclosure):
    return [feedback for feedback in stored() if feedback.disclosure_id == disclosure.id]


def _urls(ids, disclosure):
    pages = [path.format(**ids) for rows in ROUTES.values()
             for method, path, _form, _statuses in rows if method == "GET"]
    pages += ["/mod/log?kind=security", "/mod/log?format=csv", "/mod/log?kind=security&format=csv",
              "/notifications", "/u/canary_writer", "/letters/mine", "/stats", "/",
              "/b/disclosure", f"/t/{disclosure.thread_id}", "/feeds/disclosure.atom",
              f"/disclosures/{disclosure.id}/feedback", "/disclosures/track"]
    private = [f"/disclosures/{disclosure.id}/feedback/list"]
    private += [f"/notifications/{n}" for n in db.session.execute(
        db.select(Notification.id).where(Notification.kind == "disclosure_feedback")).scalars()]
    return pages, private


def _rows_holding(marker):
    """Tables (but disclosure_feedback) with a text column holding the marker."""
    found = []
    for table in db.metadata.sorted_tables:
        if table.name == "disclosure_feedback":
            continue
        for column in table.columns:
            if isinstance(column.type, (String, Text, JSON)):
                hits = db.session.execute(db.select(func.count()).select_from(table).where(
                    cast(column, Text).contains(marker))).scalar_one()
                if hits:
                    found.append(f"{table.name}.{column.name}")
    return found


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_no_feedback_shows_anywhere_to_a_role_that_may_not_read_it(app, role):
    people, ids = build_world()
    disclosure, _issuer = _canary(app, people)
    pages, private = _urls(ids, disclosure)
    client = app.test_client()
    if role != "guest":
        login(client, people[role])
    leaks = []
    for url in pages + private:
        response = client.get(url)
        body = response.get_data().decode("utf-8", "replace")
        leaks += [f"{url}: {marker}" for marker in MARKERS if marker in body]
        if url in private and response.status_code not in (302, 404):
            leaks.append(f"{url}: {response.status_code}")
    for marker in MARKERS:  # the search page repeats the query: it must find nothing
        if 'class="result"' in client.get(f"/search?q={marker}").get_data(as_text=True):
            leaks.append(f"search: {marker}")
    for feedback in _feedback_of(disclosure):
        status = post_form(client, f"/disclosures/feedback/{feedback.id}/answer",
                           {"body": "越权答复"}).status_code
        if status not in (302, 404) or (status == 302 and role != "guest"):
            leaks.append(f"answer {feedback.id}: {status}")
    db.session.expire_all()
    leaks += [f"row {where}: {marker}" for marker in MARKERS for where in _rows_holding(marker)]
    assert not leaks, f"{role}: " + "; ".join(leaks)


def test_the_crawl_would_see_a_canary_where_one_is_allowed(app):
    """The control: the issuer and its handler read every marker on the list, and the
    table scan finds the markers in disclosure_feedback's own row."""
    people, _ids = build_world()
    disclosure, issuer = _canary(app, people)
    handler = make_feedback_handler(disclosure.thread.board, disclosure.unit, "canary_handler")
    for reader in (issuer, handler):
        page = login(app.test_client(), reader).get(f"/disclosures/{disclosure.id}/feedback/list")
        assert all(marker in page.get_data(as_text=True) for marker in MARKERS)
    assert db.session.execute(db.select(func.count()).select_from(
        db.metadata.tables["disclosure_feedback"]).where(
        db.metadata.tables["disclosure_feedback"].c.body.contains(BODY))).scalar_one() == 2
