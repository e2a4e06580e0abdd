"""No page scans a table that grows with use (issue 22's plan guard).

A query count is not a plan: the index once counted every post on every view with a
fixed number of statements. Here a few thousand posts (enough for the planners to
choose), the pages people use most are requested, and every SELECT they sent is
explained: SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans
priced out, so a Seq Scan left means no index could serve. A walk that stops at a
LIMIT (the newest threads of a board through their index) is no scan.
"""
import json
import random
import re
from datetime import timedelta

from sqlalchemy import event, insert, text

from forum.boards.recount import recount
from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Board, Notification, Post, Subscription, Thread, User
from forum.models.base import utcnow
from tests.conftest import login
from tests.factories import make_board, make_thread, make_user

GROWING = {"post", "thread", "user", "notification", "letter", "message", "thread_read",
           "board_read", "attachment", "mod_action", "security_event", "queue_item",
           "report", "subscription", "presence", "study_record", "study_session",
           "disclosure", "disclosure_feedback", "petition"}
POSTS, THREADS, USERS = 4000, 200, 300


def test_the_busiest_pages_scan_no_growing_table(app, seeded):
    member, moderator, thread, board = _instance()
    pages = [(None, "/"), (None, f"/b/{board.slug}"), (None, f"/b/{board.slug}?page=3"),
             (None, f"/b/{board.slug}?order=started&page=2"), (None, f"/b/{board.slug}?order=replies"),
             (None, f"/b/{board.slug}?unanswered=1"), (None, f"/b/{board.slug}?featured=1"),
             (None, f"/t/{thread.id}"), (None, f"/t/{thread.id}?page=5"),
             (None, "/search?q=党建"), (None, "/stats"),
             (member, "/"), (member, f"/b/{board.slug}"), (member, f"/t/{thread.id}"),
             (member, "/notifications"), (moderator, "/mod/"), (moderator, f"/t/{thread.id}"),
             (member, "/me/threads"), (member, "/me/replies?page=2"), (member, "/me/follows")]
    scans = []
    for user, path in pages:
        client = app.test_client()
        if user:
            login(client, user)
        for statement, parameters in _statements(client, path):
            scans += [f"{path}: {table} in {statement!r}"
                      for table in _scanned(statement, parameters) if table in GROWING]
    assert not scans, "\n".join(scans)


def _instance():
    """A board with THREADS threads and POSTS posts by USERS people, a member who wrote
    a third of them and has notifications, and a moderator; counters recounted and
    statistics gathered."""
    board = make_board(slug="busy")
    member = make_user(username="reader")
    people = [{"username": f"p{n}", "username_key": f"p{n}", "password_hash": "x"}
              for n in range(USERS)]
    db.session.execute(insert(User), people)
    ids = db.session.execute(db.select(User.id)).scalars().all()
    start, rng = utcnow() - timedelta(days=30), random.Random(22)
    db.session.execute(insert(Thread), [
        {"board_id": board.id, "author_id": rng.choice(ids), "title": f"主题{n}",
         "is_featured": n % 20 == 0, "last_post_at": start + timedelta(hours=n), "created_at": start + timedelta(hours=n)}
        for n in range(THREADS)])
    thread_ids = db.session.execute(db.select(Thread.id)).scalars().all()
    floors = dict.fromkeys(thread_ids, 0)
    rows = []
    for n in range(POSTS):
        thread_id = thread_ids[0] if n % 4 == 0 else rng.choice(thread_ids)  # one long thread
        floors[thread_id] += 1
        author_id = member.id if n % 3 == 0 else rng.choice(ids)
        rows.append({"thread_id": thread_id, "author_id": author_id, "number": floors[thread_id],
                     "body": "党建工作", "body_html": "<p>党建工作</p>",
                     "created_at": start + timedelta(minutes=n)})
    db.session.execute(insert(Post), rows)
    db.session.execute(insert(Subscription), [{"user_id": member.id, "thread_id": thread_id}
                                              for thread_id in thread_ids[::10]])
    db.session.execute(insert(Notification), [
        {"user_id": member.id if n % 10 == 0 else rng.choice(ids), "kind": "reply",
         "thread_id": rng.choice(thread_ids), "data": {"title": "主题"}} for n in range(2000)])
    db.session.commit()
    recount()
    moderator = make_user(username="banzhu")
    grant(moderator, board, "moderator")
    make_thread(board=board, author=member, replies=2)  # through the services, like a person
    with db.engine.begin() as connection:
        connection.execute(text("ANALYZE"))
        if connection.dialect.name == "sqlite":
            # As on a forum that grew since its last ANALYZE: the small tables (boards,
            # categories) have no statistics, and SQLite takes them for big ones.
            connection.execute(text("DELETE FROM sqlite_stat1 WHERE tbl NOT IN ("
                                    + ", ".join(f"'{name}'" for name in sorted(GROWING)) + ")"))
    db.session.commit()
    db.engine.dispose()  # every connection loads the statistics afresh
    thread = db.session.get(Thread, thread_ids[0])
    return member, moderator, thread, db.session.get(Board, board.id)


def _statements(client, path):
    """The SELECTs one request of `path` sends, with their parameters."""
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, parameters))
    event.listen(db.engine, "before_cursor_execute", record)
    try:
        assert client.get(path).status_code == 200, path
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return seen


def _scanned(statement, parameters):
    """The tables the statement's plan reads whole."""
    with db.engine.connect() as connection:
        cursor = connection.connection.cursor()
        if connection.dialect.name == "postgresql":
            cursor.execute("SET enable_seqscan = off")
            cursor.execute("EXPLAIN (FORMAT JSON) " + statement, parameters)
            plan = cursor.fetchone()[0]
            plan = plan if isinstance(plan, list) else json.loads(plan)
            return set(_pg_seq_scans(plan[0]["Plan"]))
        cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
        details = [row[-1] for row in cursor.fetchall()]
    # A Bloom filter is built by reading its whole table before the join runs (SQLite
    # builds one when a table without statistics looks big on the other side of a join).
    blooms = {match.group(1) for detail in details
              if (match := re.match(r"BLOOM FILTER ON (\w+)", detail))}
    if re.search(r"\bLIMIT\b", statement) and not any("FOR ORDER BY" in d for d in details):
        return blooms  # else a walk in index order that stops after a page
    return blooms | {match.group(1) for detail in details
                     if (match := re.match(r"SCAN (\w+)(?! USING (?:COVERING )?INDEX \w+ \()", detail))}


def _pg_seq_scans(node):
    """Relations read row by row: with sequential scans priced out, one left means no
    index could serve. (Whole walks of an index are left to SQLite's plans, which name
    them: at a few thousand rows PostgreSQL rightly prefers them for its joins.)"""
    if node["Node Type"] == "Seq Scan":
        yield node["Relation Name"]
    for child in node.get("Plans", ()):
        yield from _pg_seq_scans(child)
