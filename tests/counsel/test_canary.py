"""The canary (issue 15): a talk whose pseudonym, member's and counsellor's words carry
unique markers, and an unanswered question with one; then every page that answers GET,
the feeds, search, the logs and their CSV, notifications and profiles, as every role that
reads neither: no marker may show. No table but the room's own holds one, in any text or
JSON column."""
import pytest
from sqlalchemy import JSON, String, Text, cast, func

from forum.boards.roles import grant
from forum.counsel.models import Talk
from forum.extensions import db
from forum.models import Board, Notification, User
from tests.conftest import login, post_form
from tests.counsel.helpers import open_talk, talk_id_of
from tests.factories import make_user
from tests.test_access_matrix import ROLES, ROUTES, build_world

PSEUDONYM, WORDS, ANSWER, QUESTION = "CANARYPSEUDO", "CANARYTALK", "CANARYREPLY", "CANARYASK"
MARKERS = [PSEUDONYM, WORDS, ANSWER, QUESTION]
OWN_TABLES = {"talk", "talk_message", "session_question"}
OTHER_ROLES = ROLES + ["board_moderator", "other_counsellor"]


def _canary(app, people, ids):
    """A talk with the matrix room's counsellor, answered, and an unanswered question;
    people gains the board's moderator and another counsellor of the room."""
    board = db.session.execute(db.select(Board).where(Board.slug == ids["counsel"])).scalar_one()
    counsellor = db.session.execute(db.select(User).where(User.username == "matrix_tanxin")).scalar_one()
    people["board_moderator"] = make_user(username="board_moderator", is_verified=True)
    grant(people["board_moderator"], board, "moderator")
    people["other_counsellor"] = make_user(username="other_counsellor", is_verified=True)
    grant(people["other_counsellor"], board, "counsellor")
    db.session.commit()
    writer = login(app.test_client(), make_user(username="canary_member"))
    talk_id = talk_id_of(open_talk(writer, board, pseudonym=PSEUDONYM, body=f"{WORDS} 心里话",
                                   counsellor=counsellor.id))
    staff = login(app.test_client(), counsellor)
    post_form(staff, f"/counsel/talks/{talk_id}/messages", {"body": f"{ANSWER} 回复"})
    post_form(writer, f"/counsel/talks/{talk_id}/messages", {"body": f"{WORDS} 再说"})
    post_form(writer, f"/counsel/sessions/{ids['counsel_session']}", {"body": f"{QUESTION} 提问"})
    assert WORDS in staff.get(f"/counsel/talks/{talk_id}").get_data(as_text=True)
    return talk_id, counsellor


def _urls(ids, talk_id):
    pages = [path.format(**ids) for rows in ROUTES.values()
             for method, path, _form, _statuses in rows if method == "GET"]
    pages += ["/mod/log?kind=security", "/mod/log?format=csv", "/mod/log?kind=security&format=csv",
              "/notifications", "/u/canary_member", "/u/matrix_tanxin", "/stats", "/",
              "/b/counsel", "/feeds/counsel.atom", "/counsel/mine",
              f"/counsel/sessions/{ids['counsel_session']}", "/counsel/counsel/queue"]
    private = [f"/counsel/talks/{talk_id}"]
    private += [f"/notifications/{n}" for n in db.session.execute(
        db.select(Notification.id).where(Notification.kind == "counsel_message")).scalars()]
    return pages, private


def _rows_holding(marker):
    """Tables (but the room's own) with a text or JSON column holding the marker."""
    found = []
    for table in db.metadata.sorted_tables:
        if table.name in OWN_TABLES:
            continue
        for column in table.columns:
            if isinstance(column.type, (String, Text, JSON)):
                hits = db.session.execute(db.select(func.count()).select_from(table).where(
                    cast(column, Text).contains(marker))).scalar_one()
                if hits:
                    found.append(f"{table.name}.{column.name}")
    return found


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_no_talk_or_unanswered_question_shows_anywhere_to_a_role_that_may_not_read_it(app, role):
    people, ids = build_world()
    talk_id, _counsellor = _canary(app, people, ids)
    pages, private = _urls(ids, talk_id)
    client = app.test_client()
    if role != "guest":
        login(client, people[role])
    leaks = []
    for url in pages + private:
        response = client.get(url)
        body = response.get_data().decode("utf-8", "replace")
        leaks += [f"{url}: {marker}" for marker in MARKERS if marker in body]
        if url in private and response.status_code not in (302, 403, 404):
            leaks.append(f"{url}: {response.status_code}")
    for marker in MARKERS:  # the search page repeats the query: it must find nothing
        if 'class="result"' in client.get(f"/search?q={marker}").get_data(as_text=True):
            leaks.append(f"search: {marker}")
    db.session.expire_all()
    leaks += [f"row {where}: {marker}" for marker in MARKERS for where in _rows_holding(marker)]
    assert not leaks, f"{role}: " + "; ".join(leaks)


def test_the_crawl_would_see_a_canary_where_one_is_allowed(app):
    """The control: the talk's counsellor reads every marker but the question, the host
    reads the question, and the table scan finds the words in the room's own rows."""
    people, ids = build_world()
    talk_id, counsellor = _canary(app, people, ids)
    staff = login(app.test_client(), counsellor)
    page = staff.get(f"/counsel/talks/{talk_id}").get_data(as_text=True)
    assert all(marker in page for marker in (PSEUDONYM, WORDS, ANSWER))
    assert QUESTION in staff.get(f"/counsel/sessions/{ids['counsel_session']}").get_data(as_text=True)
    assert db.session.execute(db.select(func.count(Talk.id)).where(
        Talk.pseudonym == PSEUDONYM)).scalar_one() == 1
