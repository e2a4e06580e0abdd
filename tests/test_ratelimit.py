"""Rate limits and flood control, shared by every worker through the database.

Flask-Limiter reads RATELIMIT_ENABLED once, in `init_app`: an app built with it off
(TestingConfig) gets no storage and no request hook, so setting `limiter.enabled = True`
afterwards does nothing for it. The tests that need limits build their apps with the
limits on, and restore the shared `limiter` object afterwards.
"""
import re
from contextlib import contextmanager
from datetime import timedelta

import pytest
from flask_babel import gettext
from markupsafe import escape
from sqlalchemy import update

import config
from config import Config
from forum import create_app
from forum import ratelimit
from forum.auth.services import _address_key, _name_key, name_digest
from forum.extensions import db, limiter
from forum.keyed import hashed
from forum.models import Post, RateCounter, Thread, User
from forum.models.base import utcnow
from forum.ratelimit import DatabaseStorage
from tests.checks import says_the_wait
from tests.conftest import IsolatedClient, login, post_form
from tests.factories import make_thread, make_user


class LimitedConfig(config.TestingConfig):
    """The test configuration with rate limits on, as in production."""

    def __init__(self):
        super().__init__()
        self.RATELIMIT_ENABLED = True


@contextmanager
def limited_workers(n=2):
    """n app instances on the same database, as gunicorn workers are, with limits on.

    `limiter` is one object for the whole process: while it is enabled and initialised,
    its decorators limit the views of every app, so it is put back afterwards.
    """
    saved = (limiter.enabled, limiter.initialized)
    apps = []
    try:
        for _ in range(n):
            worker = create_app(LimitedConfig())
            worker.test_client_class = IsolatedClient
            apps.append(worker)
        assert limiter.enabled and limiter.initialized
        yield apps
    finally:
        limiter.enabled, limiter.initialized = saved
        for worker in apps:
            with worker.app_context():
                db.engine.dispose()


@pytest.fixture()
def two_workers():
    with limited_workers() as apps:
        yield apps


@pytest.fixture()
def storage():
    return DatabaseStorage("forumdb://")


def wrong_login(client):
    return post_form(client, "/login", {"username": "member", "password": "wrong password"})


# Shared between workers


def test_failed_logins_are_counted_across_two_workers(app, member, two_workers):
    first, second = (worker.test_client() for worker in two_workers)
    statuses = [wrong_login(first if n % 2 else second).status_code for n in range(10)]
    assert statuses == [200] * 10  # each worker saw only 5
    refused = wrong_login(first)
    assert refused.status_code == 429
    assert says_the_wait(refused.get_data(as_text=True))
    assert wrong_login(second).status_code == 429
    # The limit is per address and account: another address still gets through.
    other = post_form(first, "/login", {"username": "member", "password": "wrong password"},
                      environ_base={"REMOTE_ADDR": "10.7.7.7"})
    assert other.status_code == 200


def test_registration_is_limited_per_address_across_workers(app, two_workers):
    clients = [worker.test_client() for worker in two_workers]
    statuses = []
    for n in range(11):
        data = {"username": f"newcomer{n}", "password": "long enough 1", "confirm": "long enough 1"}
        statuses.append(post_form(clients[n % 2], "/register", data).status_code)
    assert statuses == [302] * 10 + [429]
    assert db.session.execute(db.select(db.func.count(User.id))).scalar_one() == 10


def test_the_counters_live_in_the_database(app, member, two_workers):
    wrong_login(two_workers[0].test_client())
    db.session.expire_all()
    counters = db.session.execute(db.select(RateCounter)).scalars().all()
    # Beside the login's own counts of wrong passwords (forum.auth.services).
    own = {hashed(key) for key in (_address_key("127.0.0.1"),
                                             _name_key(name_digest("member")))}
    assert [c.count for c in counters if c.key not in own] == [1, 1, 1]  # the three login limits


def test_stored_keys_name_no_address_account_or_endpoint(app, member, two_workers):
    client = two_workers[0].test_client()
    client.environ_base["REMOTE_ADDR"] = "10.20.30.40"
    wrong_login(client)
    DatabaseStorage().incr(f"login-unknown:{member.username}", 60)
    db.session.expire_all()
    keys = db.session.execute(db.select(RateCounter.key)).scalars().all()
    assert len(keys) >= 2  # the limiter's, this one, and the login's own counts
    for key in keys:
        assert re.fullmatch(r"[0-9a-f]{64}", key), key


def test_the_same_key_is_counted_in_one_row_under_its_keyed_hash(app, storage, clock):
    storage.incr("LIMITER/10.20.30.40/auth.login", 60)
    storage.incr("LIMITER/10.20.30.40/auth.login", 60)
    row = db.session.execute(db.select(RateCounter)).scalar_one()
    assert row.key == hashed("LIMITER/10.20.30.40/auth.login") and row.count == 2
    with app.test_request_context():
        app.config["SECRET_KEY"], saved = "another secret", app.config["SECRET_KEY"]
        try:
            assert hashed("LIMITER/10.20.30.40/auth.login") != row.key
        finally:
            app.config["SECRET_KEY"] = saved


def test_enabling_the_limiter_alone_limits_nothing_in_an_app_built_with_limits_off(app, client, member):
    saved = limiter.enabled
    limiter.enabled = True
    try:
        if not limiter.initialized:  # no earlier test built an app with limits on
            assert [wrong_login(client).status_code for _ in range(21)] == [200] * 21
    finally:
        limiter.enabled = saved


def test_the_test_app_is_not_limited_once_the_limited_workers_are_gone(app, client, member):
    with limited_workers(1) as (worker,):
        for _ in range(10):
            wrong_login(worker.test_client())
        assert wrong_login(client).status_code == 429  # same limiter, same address, same table
    assert [wrong_login(client).status_code for _ in range(5)] == [200] * 5


def test_rate_limits_are_on_unless_forum_rate_limits_is_off(monkeypatch):
    monkeypatch.delenv("FORUM_RATE_LIMITS", raising=False)
    assert Config().RATELIMIT_ENABLED is True
    for value in ("off", "OFF", "0", "false", "no"):
        monkeypatch.setenv("FORUM_RATE_LIMITS", value)
        assert Config().RATELIMIT_ENABLED is False, value
    monkeypatch.setenv("FORUM_RATE_LIMITS", "on")
    assert Config().RATELIMIT_ENABLED is True


def test_without_redis_the_limits_are_kept_in_the_forums_database(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert Config().RATELIMIT_STORAGE_URI == "forumdb://"
    monkeypatch.setenv("REDIS_URL", "redis://cache:6379/0")
    assert Config().RATELIMIT_STORAGE_URI == "redis://cache:6379/0"


# The storage itself


def test_incr_counts_up_within_a_window(storage, clock):
    assert [storage.incr("k", 60) for _ in range(3)] == [1, 2, 3]
    assert storage.incr("k", 60, amount=5) == 8
    assert storage.get("k") == 8


def test_keys_are_counted_apart(storage, clock):
    storage.incr("a", 60)
    storage.incr("a", 60)
    storage.incr("b", 60)
    assert (storage.get("a"), storage.get("b"), storage.get("never")) == (2, 1, 0)


def test_the_window_ends_at_its_expiry_and_a_new_one_starts(storage, clock):
    storage.incr("k", 10)
    assert storage.get_expiry("k") == pytest.approx(clock[0] + 10)
    clock[0] += 9
    assert storage.incr("k", 10) == 2  # same window: its end does not move
    assert storage.get_expiry("k") == pytest.approx(clock[0] + 1)
    clock[0] += 1.5
    assert storage.get("k") == 0
    assert storage.incr("k", 10) == 1
    assert storage.get_expiry("k") == pytest.approx(1_000_020)


def test_windows_are_aligned_to_their_length_not_to_the_first_hit(storage, clock):
    clock[0] = 1_700_012_345.678
    storage.incr("hour", 3600)
    storage.incr("quarter", 900)
    assert storage.get_expiry("hour") == 1_700_013_600  # the next whole hour (UTC)
    assert storage.get_expiry("quarter") == 1_700_012_700
    stored = db.session.execute(db.select(RateCounter.expires_at)).scalars().all()
    assert all(value % 900 == 0 for value in stored)


def test_the_expiry_of_an_unknown_or_ended_window_is_now(storage, clock):
    assert storage.get_expiry("never") == pytest.approx(clock[0])
    storage.incr("k", 5)
    clock[0] += 60
    assert storage.get_expiry("k") == pytest.approx(clock[0])


def test_clear_forgets_one_key_and_reset_forgets_all(storage, clock):
    storage.incr("a", 60)
    storage.incr("b", 60)
    storage.clear("a")
    assert (storage.get("a"), storage.get("b")) == (0, 1)
    storage.incr("c", 60)
    assert storage.reset() == 2
    assert storage.get("b") == 0 and storage.get("c") == 0


def test_ended_windows_are_swept_now_and_then(storage, clock, monkeypatch):
    storage.incr("old", 5)
    clock[0] += 10
    monkeypatch.setattr(ratelimit.random, "random", lambda: 0.0)
    storage.incr("new", 5)
    db.session.expire_all()
    assert [c.key for c in db.session.execute(db.select(RateCounter)).scalars()] == [
        hashed("new")]


def test_the_storage_is_found_by_its_scheme_and_is_healthy(storage):
    from limits.storage import storage_from_string

    assert isinstance(storage_from_string("forumdb://"), DatabaseStorage)
    assert storage.check() is True


def test_two_app_instances_share_one_counter(app, storage, clock):
    other = create_app(config.TestingConfig())
    storage.incr("shared", 60)
    with other.app_context():
        assert DatabaseStorage("forumdb://").incr("shared", 60) == 2
        db.engine.dispose()
    assert storage.get("shared") == 2


# Flood control


@pytest.fixture()
def flood_control(app):
    saved = app.config["RATELIMIT_ENABLED"]
    app.config["RATELIMIT_ENABLED"] = True
    try:
        yield
    finally:
        app.config["RATELIMIT_ENABLED"] = saved


def test_posting_twice_within_the_interval_is_refused_with_a_message(
        member, member_client, board, flood_control):
    first = post_form(member_client, f"/b/{board.slug}/new", {"title": "第一帖", "body": "内容"})
    assert first.status_code == 302
    second = post_form(member_client, f"/b/{board.slug}/new", {"title": "第二帖", "body": "内容"})
    assert second.status_code == 200
    message = gettext("You are posting too fast. Please wait a few seconds and try again.")
    assert str(escape(message)) in second.get_data(as_text=True)
    thread = db.session.execute(db.select(Thread)).scalar_one()
    reply = post_form(member_client, f"/t/{thread.id}/reply", {"body": "紧接着回复"})
    assert reply.status_code == 200 and str(escape(message)) in reply.get_data(as_text=True)
    db.session.expire_all()
    assert [t.title for t in db.session.execute(db.select(Thread)).scalars()] == ["第一帖"]
    assert db.session.get(User, member.id).post_count == 1


def test_after_the_interval_the_member_posts_again(member, member_client, board, flood_control):
    post_form(member_client, f"/b/{board.slug}/new", {"title": "第一帖", "body": "内容"})
    db.session.execute(update(User).where(User.id == member.id)
                       .values(last_posted_at=utcnow() - timedelta(seconds=16)))
    db.session.commit()
    assert post_form(member_client, f"/b/{board.slug}/new", {"title": "第二帖", "body": "内容"}
                     ).status_code == 302
    db.session.expire_all()
    assert len(db.session.execute(db.select(Thread)).scalars().all()) == 2


def test_the_interval_is_per_account(app, member_client, board, flood_control):
    post_form(member_client, f"/b/{board.slug}/new", {"title": "甲的帖", "body": "内容"})
    other = login(app.test_client(), make_user())
    assert post_form(other, f"/b/{board.slug}/new", {"title": "乙的帖", "body": "内容"}).status_code == 302


def test_the_interval_follows_the_site_setting(member, member_client, board, flood_control):
    from forum.settings import put_setting

    put_setting("post_interval_seconds", 60)
    db.session.commit()
    post_form(member_client, f"/b/{board.slug}/new", {"title": "第一帖", "body": "内容"})
    db.session.execute(update(User).where(User.id == member.id)
                       .values(last_posted_at=utcnow() - timedelta(seconds=30)))
    db.session.commit()
    assert post_form(member_client, f"/b/{board.slug}/new", {"title": "第二帖", "body": "内容"}
                     ).status_code == 200


def test_a_post_refused_by_the_word_filter_does_not_use_up_the_interval(
        member, member_client, board, flood_control):
    from forum.moderation.words import add_word

    add_word("赌博", "block")
    assert post_form(member_client, f"/b/{board.slug}/new", {"title": "t", "body": "赌博"}
                     ).status_code == 200
    assert post_form(member_client, f"/b/{board.slug}/new", {"title": "t", "body": "正常内容"}
                     ).status_code == 302


def test_a_reply_too_soon_is_refused_before_the_other_checks_read_anything(
        member, member_client, board, flood_control, count_queries):
    """The account the request loaded says it posted a moment ago: refused at once (the
    followers are not looked up), with the flood message rather than the unknown name's."""
    thread = make_thread(board=board)
    assert post_form(member_client, f"/t/{thread.id}/reply", {"body": "第一条回复"}).status_code == 302
    with count_queries() as queries:
        again = post_form(member_client, f"/t/{thread.id}/reply", {"body": "@nobody_at_all 第二条"})
    message = gettext("You are posting too fast. Please wait a few seconds and try again.")
    assert again.status_code == 200 and str(escape(message)) in again.get_data(as_text=True)
    assert not [s for s in queries.statements if "subscription" in s]  # the followers


def test_without_flood_control_posts_follow_each_other_freely(member_client, board):
    for n in range(3):
        assert post_form(member_client, f"/b/{board.slug}/new", {"title": f"帖{n}", "body": "内容"}
                         ).status_code == 302


def test_new_threads_are_limited_per_address_across_workers(app, member, board, two_workers):
    from forum.settings import put_setting

    put_setting("post_interval_seconds", 0)  # only the per-address limit is tested here
    db.session.commit()
    clients = [login(worker.test_client(), member) for worker in two_workers]
    statuses = [post_form(clients[n % 2], f"/b/{board.slug}/new", {"title": f"帖{n}", "body": "内容"}
                          ).status_code for n in range(31)]
    assert statuses == [302] * 30 + [429]
    assert db.session.execute(db.select(db.func.count(Thread.id))).scalar_one() == 30


# Previews render Markdown as posting does, and are limited as posting is


@pytest.mark.parametrize("preview", ["1", None], ids=["preview", "save"])
def test_edits_and_their_previews_are_limited_as_replies_are(app, member, preview):
    thread = make_thread(author=member)
    post = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    with limited_workers(1) as (worker,):
        client = login(worker.test_client(), member)
        data = {"title": "基层党建工作推进会", "body": "**预览**"}
        if preview:
            data["preview"] = preview
        statuses = [post_form(client, f"/p/{post.id}/edit", data).status_code for _ in range(121)]
    assert set(statuses[:120]) <= {200, 302} and statuses[120] == 429


def test_the_limiters_client_key_is_a_keyed_hash_of_the_address_for_every_store(app):
    # Redis (REDIS_URL) stores the limiter's keys as they are: the key names no address.
    keys = []
    for address in ("10.20.30.40", "10.20.30.41"):
        with app.test_request_context(environ_base={"REMOTE_ADDR": address}):
            keys.append(limiter._key_func())
    assert all("10.20.30" not in key for key in keys) and keys[0] != keys[1]
