"""The urgent banner: marked by the system admin or the 党政信息发布 unit with an end,
one at a time, on every page (guests' too) until it ends, read without a query per page."""
from datetime import timedelta

import pytest

from forum import pagecache
from forum.extensions import db
from forum.receipts import banners
from forum.receipts.models import UrgentBanner
from tests.checks import log, says
from tests.conftest import CachingConfig, login, post_form
from tests.factories import make_board, make_thread, make_unit, make_user
from tests.receipts.helpers import local


@pytest.fixture()
def news_unit():
    return make_unit(name="县委宣传部", kind="党委部门", slug="xianweixuanchuanbu")


@pytest.fixture()
def news_board(news_unit):
    return make_board(type="notice", slug="news", name="党政信息发布", unit=news_unit)


@pytest.fixture()
def news_account(news_unit):
    return make_user(username="xuanchuanbu", unit_id=news_unit.id, is_unit_account=True)


@pytest.fixture()
def news(news_board, news_account):
    return make_thread(board=news_board, author=news_account, title="关于防范雪凝灾害的紧急通知")


def mark(client, thread, ends_at, **kwargs):
    return post_form(client, f"/notices/{thread.id}/urgent",
                     {"ends_at": local(ends_at) if ends_at else ""}, **kwargs)


def test_the_news_unit_marks_a_notice_urgent_and_guests_see_the_banner_until_its_end(
        client, news, news_account, now):
    assert mark(login(client, news_account), news, now.moment + timedelta(hours=2)).status_code == 302
    guest = client.application.test_client()
    page = guest.get("/").get_data(as_text=True)
    assert 'class="urgent-banner"' in page and "关于防范雪凝灾害的紧急通知" in page
    assert "Set-Cookie" not in guest.get("/").headers
    assert [a.target_id for a in log("urgent_mark")] == [news.id]
    now.move(hours=2, minutes=1)
    assert 'class="urgent-banner"' not in guest.get("/").get_data(as_text=True)


def test_a_banner_without_an_end_is_refused_and_nothing_is_stored(client, news, news_account, now):
    response = mark(login(client, news_account), news, None, follow_redirects=True)
    assert says(response.get_data(as_text=True), "Give the time the banner ends.")
    past = mark(client, news, now.moment - timedelta(minutes=5), follow_redirects=True)
    assert says(past.get_data(as_text=True), "The banner's end has already passed: choose a later time.")
    assert db.session.execute(db.select(UrgentBanner)).first() is None


def test_only_one_banner_at_a_time_and_ending_it_frees_the_place(client, news, news_board,
                                                                 news_account, now):
    other = make_thread(board=news_board, author=news_account, title="矿山事故情况通报")
    login(client, news_account)
    mark(client, news, now.moment + timedelta(hours=2))
    second = mark(client, other, now.moment + timedelta(hours=1), follow_redirects=True)
    assert says(second.get_data(as_text=True), "“%(title)s” is the banner until it ends; end it first.",
                title=news.title)
    assert db.session.execute(db.select(db.func.count(UrgentBanner.id))).scalar() == 1
    post_form(client, f"/notices/{news.id}/urgent/end", {})
    mark(client, other, now.moment + timedelta(hours=1))
    assert "矿山事故情况通报" in client.application.test_client().get("/").get_data(as_text=True)


def test_other_units_and_members_may_not_mark_notices_urgent(client, news, notices_board, issuer,
                                                             member, now):
    work_notice = make_thread(board=notices_board, author=issuer, title="工作通知")
    assert mark(login(client, member), news, now.moment + timedelta(hours=1)).status_code == 403
    issuer_client = login(client.application.test_client(), issuer)
    assert mark(issuer_client, work_notice, now.moment + timedelta(hours=1)).status_code == 403
    assert db.session.execute(db.select(UrgentBanner)).first() is None


def test_the_system_admin_marks_a_notice_of_any_notice_board(client, notices_board, issuer,
                                                             system_admin, now):
    work_notice = make_thread(board=notices_board, author=issuer, title="全县干部大会通知")
    assert mark(login(client, system_admin), work_notice, now.moment + timedelta(hours=1)).status_code == 302
    assert "全县干部大会通知" in client.application.test_client().get("/").get_data(as_text=True)


def test_pages_read_the_banner_without_a_query(client, news, news_account, now, count_queries):
    mark(login(client, news_account), news, now.moment + timedelta(hours=2))
    guest = client.application.test_client()
    guest.get("/")
    with count_queries() as queries:
        guest.get("/")
    assert not [s for s in queries.statements if "urgent_banner" in s]


@pytest.fixture()
def caching_app(caching_app):
    """The caching app (tests/conftest.py), with no banner remembered before or after."""
    banners.forget()
    yield caching_app
    banners.forget()


def test_with_the_page_cache_a_guest_sees_a_new_banner_once_the_cache_window_passes(
        caching_app, news, news_account, monkeypatch):
    """Guests' pages and the worker's banner are both kept at most PAGE_CACHE_SECONDS: the
    window passes (moved on the caches' monotonic clock) and the banner is there."""
    guest = caching_app.test_client()
    assert 'class="urgent-banner"' not in guest.get("/").get_data(as_text=True)
    with caching_app.app_context():  # marked through another worker: this one's copy is stale
        db.session.add(UrgentBanner(thread_id=news.id, marked_by_id=news_account.id,
                                    ends_at=banners.clock.now() + timedelta(hours=1)))
        db.session.commit()
    assert 'class="urgent-banner"' not in guest.get("/").get_data(as_text=True)  # cached page
    later = banners.time.monotonic() + CachingConfig().PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(banners.time, "monotonic", lambda: later)
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: later)
    assert 'class="urgent-banner"' in guest.get("/").get_data(as_text=True)
