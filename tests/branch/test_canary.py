"""The canary (issue 16): a branch thread, a reply, a meeting's agenda and minutes, a
leave reason, an application, a refusal and a transfer enquiry carry unique markers; then
every page that answers GET, the feeds, search, the logs and their CSV, notifications and
profiles, as every role that is neither a member nor the secretary: no marker may show.
No table but the branch's own and the post and thread rows holds one (notifications only
for the branch's readers)."""
import pytest
from sqlalchemy import JSON, String, Text, cast, func

from forum.boards.roles import grant
from forum.branch.models import Membership
from forum.extensions import db
from forum.models import Board, Notification, Post, Report
from tests.branch.test_threads import start
from tests.conftest import login, post_form
from tests.factories import make_user
from tests.test_access_matrix import ROLES, ROUTES, build_world

TITLE, WORDS, REPLY, AGENDA, MINUTES, LEAVE, HOME, REFUSAL, ENQUIRY = (
    "CANARYTITLE", "CANARYPOST", "CANARYREPLY", "CANARYAGENDA", "CANARYMINUTES",
    "CANARYLEAVE", "CANARYHOME", "CANARYREFUSAL", "CANARYENQUIRY")
MARKERS = [TITLE, WORDS, REPLY, AGENDA, MINUTES, LEAVE, HOME, REFUSAL, ENQUIRY]
OWN_TABLES = {"post", "thread", "meeting", "attendance", "membership", "transfer_enquiry"}
READERS = {"verified", "unit_account", "moderator"}  # tests/branch/matrix.py
OTHER_ROLES = [r for r in ROLES if r not in READERS] + ["board_moderator", "applicant"]


def _canary(app, people, ids):
    """Everything a branch holds, written through HTTP with markers; people gains a
    moderator of the branch board (granted on the command line) and the applicant."""
    board = db.session.execute(db.select(Board).where(Board.slug == ids["branch_board"])).scalar_one()
    people["board_moderator"] = make_user(username="board_moderator", is_verified=True)
    grant(people["board_moderator"], board, "moderator")
    db.session.commit()
    member = login(app.test_client(), people["verified"])
    secretary = login(app.test_client(), people["moderator"])
    thread_id = start(member, type("B", (), {"id": ids["branch"]}), title=f"{TITLE} 学习",
                      body=f"{WORDS} 心得 @member")
    post_form(secretary, f"/t/{thread_id}/reply", {"body": f"{REPLY} 回复 @member"})
    post_form(secretary, f"/branch/{ids['branch']}/meetings/new", {
        "kind": "lecture", "title": "党课", "starts_at": "2020-01-01T10:00",
        "ends_at": "2020-01-01T12:00", "agenda": f"{AGENDA} 议程"})
    meeting = ids["meeting"]
    post_form(member, f"/branch/meetings/{meeting}/leave", {"reason": f"{LEAVE} 加班"})
    post_form(secretary, f"/branch/meetings/{meeting}/minutes", {"minutes": f"{MINUTES} 纪要"})
    post_form(member, f"/branch/{ids['branch']}/enquiries/new",
              {"subject": "转接", "body": f"{ENQUIRY} 想转到宁波"})
    people["applicant"] = make_user(username="canary_applicant")
    applicant = login(app.test_client(), people["applicant"])
    post_form(applicant, f"/branch/{ids['branch']}/apply", {"home": f"{HOME} 毕节"})
    row = db.session.execute(db.select(Membership.id).where(
        Membership.user_id == people["applicant"].id)).scalar_one()
    post_form(secretary, f"/branch/members/{row}/refuse", {"reason": f"{REFUSAL} 不符"})
    return thread_id


def _urls(ids, thread_id):
    pages = [path.format(**ids) for rows in ROUTES.values()
             for method, path, _form, _statuses in rows if method == "GET"]
    pages += ["/mod/", "/mod/log?kind=security", "/mod/log?format=csv",
              "/mod/log?kind=security&format=csv", "/notifications", "/u/verified", "/u/moderator",
              "/u/member", "/stats", "/", f"/b/{ids['branch_board']}", "/feeds/latest.atom",
              f"/feeds/{ids['branch_board']}.atom", "/branch/mine", f"/branch/{ids['branch']}",
              "/new", "/search?q=CANARY"]
    private = [f"/t/{thread_id}", f"/branch/meetings/{ids['meeting']}",
               f"/branch/enquiries/{ids['enquiry'] + 1}", f"/branch/{ids['branch']}/attendance",
               f"/branch/{ids['branch']}/attendance.csv", f"/branch/{ids['branch']}/members",
               f"/branch/{ids['branch']}/enquiries"]
    return pages, private


def _rows_holding(marker, reader_ids):
    """Tables (but the branch's own) with a text or JSON column holding the marker;
    notifications count only where they are for someone outside the branch."""
    found = []
    for table in db.metadata.sorted_tables:
        if table.name in OWN_TABLES:
            continue
        for column in table.columns:
            if isinstance(column.type, (String, Text, JSON)):
                query = db.select(func.count()).select_from(table).where(
                    cast(column, Text).contains(marker))
                if table.name == "notification":
                    query = query.where(table.c.user_id.not_in(reader_ids))
                if db.session.execute(query).scalar_one():
                    found.append(f"{table.name}.{column.name}")
    return found


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_no_branch_content_shows_anywhere_to_someone_outside_the_branch(app, role):
    people, ids = build_world()
    thread_id = _canary(app, people, ids)
    pages, private = _urls(ids, thread_id)
    client = app.test_client()
    if role != "guest":
        login(client, people[role])
    # The applicant reads what they wrote and why they were refused, nothing else.
    markers = [m for m in MARKERS if role != "applicant" or m not in (HOME, REFUSAL)]
    leaks = []
    for url in pages + private:
        response = client.get(url)
        body = response.get_data().decode("utf-8", "replace")
        leaks += [f"{url}: {marker}" for marker in markers if marker in body]
        if url in private and response.status_code not in (302, 403, 404):
            leaks.append(f"{url}: {response.status_code}")
    for marker in markers:  # the search page repeats the query: it must find nothing
        if 'class="result"' in client.get(f"/search?q={marker}").get_data(as_text=True):
            leaks.append(f"search: {marker}")
    db.session.expire_all()
    reader_ids = [people[r].id for r in READERS]
    leaks += [f"row {where}: {marker}" for marker in MARKERS
              for where in _rows_holding(marker, reader_ids)]
    assert not leaks, f"{role}: " + "; ".join(leaks)


def test_the_crawl_would_see_the_canary_where_it_is_allowed(app):
    """The control: the member reads the thread and the enquiry; the secretary the
    minutes, the leave reason and the application; the author was told of the reply."""
    people, ids = build_world()
    thread_id = _canary(app, people, ids)
    member = login(app.test_client(), people["verified"])
    secretary = login(app.test_client(), people["moderator"])
    thread = member.get(f"/t/{thread_id}").get_data(as_text=True)
    assert all(m in thread for m in (TITLE, WORDS, REPLY))
    meeting = secretary.get(f"/branch/meetings/{ids['meeting']}").get_data(as_text=True)
    assert MINUTES in meeting and LEAVE in meeting
    assert HOME in secretary.get(f"/branch/{ids['branch']}/members").get_data(as_text=True)
    assert ENQUIRY in member.get(f"/branch/enquiries/{ids['enquiry'] + 1}").get_data(as_text=True)
    # The secretary's reply told the thread's author: notifications did run.
    told = db.session.execute(db.select(Notification.data).where(
        Notification.user_id == people["verified"].id, Notification.kind == "reply")).scalars()
    assert sum(TITLE in data["title"] for data in told) == 1


def test_a_reported_branch_post_stays_out_of_the_admins_moderation_queue(app):
    people, ids = build_world()
    thread_id = _canary(app, people, ids)
    member = login(app.test_client(), people["verified"])
    post_id = db.session.execute(db.select(Post.id).where(Post.thread_id == thread_id,
                                                          Post.number == 1)).scalar_one()
    post_form(member, f"/p/{post_id}/report", {"reason": "spam", "text": "举报"})
    report = db.session.execute(db.select(Report).where(Report.post_id == post_id)).scalar_one()
    admin = login(app.test_client(), people["system"])
    assert WORDS not in admin.get("/mod/").get_data(as_text=True)
    assert post_form(admin, f"/mod/reports/{report.id}/dismiss", {"reason": "无"}).status_code == 404
    assert db.session.get(Report, report.id).status == "open"
