"""PostgreSQL restarted under load (issue 24): members post replies to a gunicorn app
server (two workers, as the kill test runs it) whose database, a cluster of the test's
own, is stopped (`pg_ctl -m fast`) for a few seconds and started again. While it is gone
every answer is the translated 503 page, never a 500 or a traceback, and /healthz says
unhealthy; once it is back the same server answers 200 again, without a restart; every
reply a member saw acknowledged is in the database once and found by search (the search
outbox drains what the outage left). Run with -s to see the counts."""
import json
import threading
import time

import pytest

from forum.extensions import db
from tests.deploy.load import Member, Tally, wait_for_an_empty_outbox
from tests.deploy.servers import Browser, gunicorn_server
from tests.factories import make_board, make_thread, make_user
from tests.faults.cluster import forum_on, postgres_cluster

CLIENTS = 4
AWAY_SECONDS = 4
BACK_SECONDS = 20  # the longest the app may take to serve again once the database is back
UNAVAILABLE = "论坛暂时无法访问"  # the 503 page's title, in Chinese


@pytest.fixture()
def forum(monkeypatch, tmp_path):
    """A forum on a cluster of its own: (cluster, thread id, members' names)."""
    with postgres_cluster() as cluster, forum_on(cluster, monkeypatch, tmp_path):
        thread_id = make_thread(board=make_board(), title="数据库重启测试").id
        names = [make_user(username=f"restart{n}").username for n in range(CLIENTS)]
        db.session.commit()
        yield cluster, thread_id, names


def _unavailable_page(status, page):
    return status == 503 and UNAVAILABLE in page and "Traceback" not in page


def _serves_again(url):
    """Does the URL answer 200 within BACK_SECONDS?"""
    deadline, guest = time.monotonic() + BACK_SECONDS, Browser()
    while time.monotonic() < deadline:
        if guest.get(url)[0] == 200:
            return True
        time.sleep(0.2)
    return False


def test_replies_survive_a_database_restart_and_the_app_serves_again_by_itself(forum):
    cluster, thread_id, names = forum
    stop, guest = threading.Event(), Browser()

    with gunicorn_server(workers=2) as server:
        members = [Member(server.base, name, thread_id, stop) for name in names]
        for member in members:
            member.start()
        time.sleep(3)
        cluster.stop()
        time.sleep(AWAY_SECONDS / 2)
        thread_page = guest.get(f"{server.base}/t/{thread_id}")
        health_status, health = guest.get(f"{server.base}/healthz")
        time.sleep(AWAY_SECONDS / 2)
        cluster.start()
        back = _serves_again(f"{server.base}/t/{thread_id}")
        time.sleep(3)  # replies after the restart are acknowledged again
        stop.set()
        for member in members:
            member.join(60)
        drained = wait_for_an_empty_outbox()

    tally = Tally(members, thread_id)
    print(f"\ndatabase restart: {tally}")
    assert _unavailable_page(*thread_page), thread_page[1][:1000]
    assert health_status == 503 and json.loads(health)["checks"]["database"] == "failed"
    assert back, "the app did not serve again after the database came back"
    assert set(tally.answers) == {302, 503}, tally.answers  # no 500, no dropped connection
    assert _unavailable_page(503, next(m.pages[503] for m in members if 503 in m.pages))
    assert drained and tally.all_kept_once_and_found(), str(tally)
    assert len(tally.acknowledged) > 20
