"""The kill test (issue 24): members post replies through HTTP to an app server while its
workers are killed with SIGKILL and then the whole server is killed and started again, as
systemd restarts a unit. Afterwards every reply a member saw acknowledged (a 302) is in
the database once and intact, and found by search (the search outbox applies what the
killed workers left); `forum recount` changes nothing; SQLite's integrity check passes.
On SQLite and PostgreSQL. Its counts go to bench/RESULTS.md (run with -s to see them)."""
import http.client
import os
import signal
import threading
import time
from collections import Counter

from sqlalchemy import inspect, select, text

from forum.access import Guest
from forum.extensions import db
from forum.models import Post
from forum.search.adapter import search
from forum.search.outbox import SearchChange
from forum.settings import put_setting
from tests.deploy.servers import Browser, free_port, gunicorn_server
from tests.factories import PASSWORD, make_board, make_thread, make_user

CLIENTS = 6
WORKER_KILLS = 3
DRAIN_SECONDS = 30  # the periodic drain runs every 5 s for rows 5 s old


class Member(threading.Thread):
    """Posts numbered replies, each with a word of its own, until told to stop."""

    def __init__(self, base, username, thread_id, stop):
        super().__init__(daemon=True)
        self.url, self.stop = f"{base}/t/{thread_id}/reply", stop
        self.browser, self.name_ = Browser(), username
        status, _ = self.browser.post(f"{base}/login", f"{base}/login",
                                      {"username": username, "password": PASSWORD})
        assert status == 302
        self.token = self.browser.token(self.url)
        self.acknowledged, self.answers = [], Counter()

    def run(self):
        number = 0
        while not self.stop.is_set():
            number += 1
            body = f"杀进程测试的回复 killtest{self.name_}n{number} 内容完整"
            try:
                status, _ = self.browser.send(self.url, {"csrf_token": self.token, "body": body})
            except (OSError, http.client.HTTPException):  # killed mid-request, or restarting
                status = "no answer"
                time.sleep(0.2)
            self.answers[status] += 1
            if status == 302:
                self.acknowledged.append(body)


def _kill(*pids):
    for pid in pids:
        os.kill(pid, signal.SIGKILL)


def _rows():
    """Every table's rows; a site counter at 0 is left out, as a missing one reads 0 (the
    recount writes the training centre's, which no reply touches)."""
    with db.engine.connect() as connection:
        rows = {table: sorted(map(tuple, connection.execute(select(db.metadata.tables[table]))))
                for table in inspect(connection).get_table_names() if table in db.metadata.tables}
    rows["site_counter"] = [row for row in rows["site_counter"] if row[1] != 0]
    return rows


def _wait_for_an_empty_outbox():
    deadline = time.monotonic() + DRAIN_SECONDS
    while time.monotonic() < deadline:
        if db.session.execute(select(db.func.count(SearchChange.id))).scalar() == 0:
            return True
        db.session.rollback()
        time.sleep(0.5)
    return False


def test_every_acknowledged_reply_survives_killed_workers_and_a_killed_server(app):
    put_setting("post_interval_seconds", 0)  # flood control would refuse most replies
    thread = make_thread(board=make_board(), title="杀进程测试")
    names = [make_user(username=f"killer{n}").username for n in range(CLIENTS)]
    db.session.commit()
    port, stop = free_port(), threading.Event()

    with gunicorn_server(workers=2, port=port) as server:
        members = [Member(server.base, name, thread.id, stop) for name in names]
        for member in members:
            member.start()
        for _ in range(WORKER_KILLS):
            time.sleep(2.5)
            _kill(server.workers()[0])  # the master starts another
        time.sleep(2.5)
        _kill(server.process.pid, *server.workers())  # as systemd ends the unit's processes
    with gunicorn_server(workers=2, port=port) as server:  # restarted on the same port
        time.sleep(4)
        _kill(server.workers()[0])
        time.sleep(4)
        stop.set()
        for member in members:
            member.join(60)
        drained = _wait_for_an_empty_outbox()

    acknowledged = [body for member in members for body in member.acknowledged]
    answers = sum((member.answers for member in members), Counter())
    stored = Counter(db.session.execute(select(Post.body).where(Post.thread_id == thread.id))
                     .scalars())
    lost = [body for body in acknowledged if stored[body] == 0]
    duplicated = [body for body in acknowledged if stored[body] > 1]
    found = [body for body in acknowledged if _found(body)]
    print(f"\nkill test ({db.engine.dialect.name}): {len(acknowledged)} acknowledged, "
          f"{len(found)} found by search, {len(lost)} lost, {len(duplicated)} duplicated; "
          f"answers {dict(answers)}")

    assert len(acknowledged) > 50 and drained
    assert lost == [] and duplicated == [] and len(found) == len(acknowledged)
    assert answers[500] == 0
    before = _rows()
    assert app.test_cli_runner().invoke(args=["forum", "recount"]).exit_code == 0
    after = _rows()
    assert after == before, repr([(t, before[t], after[t]) for t in before if before[t] != after[t]])
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def _found(body):
    word = body.split()[1]
    return [hit.post.body for hit in search(word, Guest()).hits] == [body]
