"""The shape of a grown deployment (docs/deploy.md): two gunicorn app servers on two
ports against one PostgreSQL and one Redis act as one forum. A session made on one is
valid on the other; rate limits and flood control count across both; a post made through
one is found by search through the other; a page cached by one is not served stale by
the other beyond the guest cache's seconds; a view on each is counted once each.

PostgreSQL only (SQLite is one machine's database). Redis is started here on a free
port; `.ci/run` installs redis-server. Without it the test skips locally and fails in CI.
"""
import os
import shutil
import time
import urllib.parse
from contextlib import contextmanager

import pytest

from forum.extensions import db
from forum.models import Thread
from tests.browser.helpers import require_or_skip
from tests.checks import says
from tests.deploy.load import wait_for_an_empty_outbox
from tests.deploy.servers import Browser, gunicorn, redis_server
from tests.factories import PASSWORD, make_board, make_thread, make_user

PAGE_CACHE_SECONDS = 2

pytestmark = pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                                reason="two app servers share a PostgreSQL database")


@pytest.fixture()
def redis_url():
    server = shutil.which("redis-server")
    require_or_skip(server is not None, "redis-server is missing: apt-get install redis-server")
    with redis_server(server) as url:
        yield url


@contextmanager
def app_server(redis_url):
    """One gunicorn app server (one worker) on a free port, as docs/deploy.md runs them."""
    with gunicorn(REDIS_URL=redis_url, FORUM_RATE_LIMITS="on",
                  FORUM_PAGE_CACHE_SECONDS=str(PAGE_CACHE_SECONDS)) as base:
        yield base


def _view_count(thread_id):
    db.session.expire_all()
    return db.session.get(Thread, thread_id).view_count


def test_two_app_servers_on_one_postgresql_and_redis_act_as_one_forum(redis_url):
    board = make_board(slug="bajie", name="八步镇")
    make_user(username="liming")
    other = make_user(username="wanghong")
    thread = make_thread(board=board, author=other, title="关于村道硬化的建议")
    viewed = make_thread(board=board, author=other, title="八步镇党委换届公告")
    db.session.commit()
    with app_server(redis_url) as a, app_server(redis_url) as b:
        person = Browser()
        status, _ = person.post(f"{a}/login", f"{a}/login",
                                {"username": "liming", "password": PASSWORD})
        assert status == 302
        assert person.get(f"{b}/account")[0] == 200  # the session made on A holds on B

        status, _ = person.post(f"{a}/t/{thread.id}/reply", f"{a}/t/{thread.id}/reply",
                                {"body": "建议先修通组组路，再硬化入户路。"})
        assert status == 302
        wait_for_an_empty_outbox()  # A's outbox thread indexes it just after the reply
        found = person.get(f"{b}/search?q=" + urllib.parse.quote("组组路"))[1]
        assert "关于村道硬化的建议" in found  # posted through A, found through B
        status, page = person.post(f"{b}/t/{thread.id}/reply", f"{b}/t/{thread.id}/reply",
                                   {"body": "补充一句。"})
        assert status == 200 and says(page, "You are posting too fast. Please wait a few "
                                            "seconds and try again.")  # counted across servers

        stranger = Browser()
        answers = [stranger.post(f"{server}/login", f"{server}/login",
                                 {"username": "wanghong", "password": "wrong-password"})[0]
                   for server in (a, b) * 5]
        assert 429 not in answers
        assert stranger.post(f"{a}/login", f"{b}/login",
                             {"username": "wanghong", "password": "wrong-password"})[0] == 429

        guest = Browser()
        assert "新的通知" not in guest.get(f"{b}/b/bajie")[1]  # B caches the board page
        make_thread(board=board, author=other, title="新的通知")
        time.sleep(PAGE_CACHE_SECONDS + 0.5)
        assert "新的通知" in guest.get(f"{b}/b/bajie")[1]

        assert guest.get(f"{a}/t/{viewed.id}")[0] == 200
        assert Browser().get(f"{b}/t/{viewed.id}")[0] == 200
    assert _view_count(viewed.id) == 2
