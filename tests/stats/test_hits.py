"""The hit counter: exact counts on a known sequence of requests, nothing per view written
before the flush, robots, static files, feeds and the benchmark left out, visitors hashed."""
from datetime import timedelta

import pytest

from forum.dates import local_today
from forum.extensions import db
from forum.models import BoardDay, SiteDay, VisitorDay
from forum.stats import hits
from forum.stats.hits import BENCH_HEADER
from tests.factories import make_thread

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"
SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
BAIDUSPIDER = "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)"


def _get(client, path, agent=FIREFOX, address="10.0.0.1", **headers):
    return client.get(path, headers={"User-Agent": agent, **headers},
                      environ_base={"REMOTE_ADDR": address})


def _today():
    return db.session.get(SiteDay, local_today())


def test_a_known_sequence_of_requests_is_counted_exactly(client):
    thread = make_thread()
    board = thread.board
    counted = [("/", FIREFOX, "10.0.0.1"), (f"/b/{board.slug}", FIREFOX, "10.0.0.1"),
               (f"/t/{thread.id}", SAFARI, "10.0.0.1"), (f"/t/{thread.id}", FIREFOX, "10.0.0.2"),
               ("/", FIREFOX, "10.0.0.1")]
    for path, agent, address in counted:
        assert _get(client, path, agent, address).status_code == 200
    left_out = [_get(client, f"/t/{thread.id}", GOOGLEBOT), _get(client, "/", BAIDUSPIDER),
                _get(client, "/", ""), _get(client, "/static/forum.css"),
                _get(client, "/stats.json"), _get(client, "/b/no-such-board"),
                _get(client, f"/t/{thread.id}", **{BENCH_HEADER: "1"})]
    assert [r.status_code for r in left_out] == [200, 200, 200, 200, 200, 404, 200]
    assert _today() is None or _today().hits == 0  # nothing written per view
    hits.flush()
    db.session.expire_all()
    assert (_today().hits, _today().uniques) == (5, 3)
    assert db.session.get(BoardDay, (local_today(), board.id)).hits == 3


def test_a_visitor_counted_by_an_earlier_flush_is_not_counted_again(client):
    _get(client, "/")
    hits.flush()
    _get(client, "/")
    _get(client, "/", address="10.0.0.9")
    hits.flush()
    db.session.expire_all()
    assert (_today().hits, _today().uniques) == (3, 2)


def test_visitors_are_kept_as_keyed_hashes_and_forgotten_after_the_next_day(client):
    old = local_today() - timedelta(days=2)
    db.session.add(VisitorDay(day=old, digest="0" * 32))
    db.session.commit()
    _get(client, "/", address="10.11.12.13")
    hits.flush()
    rows = db.session.execute(db.select(VisitorDay)).scalars().all()
    assert [row.day for row in rows] == [local_today()]
    assert len(rows[0].digest) == 32 and "10.11.12.13" not in rows[0].digest


def test_the_same_visitor_hashes_differently_on_another_day(app):
    with app.test_request_context(headers={"User-Agent": FIREFOX}):
        today = local_today()
        assert hits._digest(today) != hits._digest(today + timedelta(days=1))


def test_a_failed_flush_keeps_the_counts_for_the_next(client, monkeypatch):
    _get(client, "/")

    def broken(*args):
        raise RuntimeError("database away")
    monkeypatch.setattr(hits, "_write", broken)
    with pytest.raises(RuntimeError):
        hits.flush()
    monkeypatch.undo()
    hits.flush()
    db.session.expire_all()
    assert (_today().hits, _today().uniques) == (1, 1)
