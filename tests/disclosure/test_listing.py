"""Reading disclosures: the board page by kind, year and 公示中, the index row, the feed,
search, and the statements each page costs (the budgets of tests/boards)."""
from datetime import date

import pytest

from forum.disclosure.models import Disclosure
from forum.extensions import db
from forum.search import adapter
from forum.stats import view_counts
from tests.boards.test_query_counts import statements_for
from tests.checks import says
from tests.conftest import login
from tests.factories import make_board, make_user


@pytest.fixture(params=["guest", "member"])
def reader(request, client):
    return login(client, make_user(username="reader")) if request.param == "member" else client


def test_the_board_lists_by_kind_and_year_and_filters_those_under_notice(
        client, disclosure_board, make_disclosure, today):
    make_disclosure(title="任前公示甲")
    make_disclosure(kind="party_affairs", title="党费收缴情况")
    ended = make_disclosure(title="任前公示乙", starts_on=date(2024, 5, 6))
    db.session.get(Disclosure, ended.id).created_at = db.session.get(Disclosure, ended.id).created_at.replace(year=2023)
    db.session.commit()
    slug = disclosure_board.slug
    titles = lambda query: [t for t in ("任前公示甲", "党费收缴情况", "任前公示乙")  # noqa: E731
                            if t in client.get(f"/b/{slug}{query}").get_data(as_text=True)]
    assert titles("") == ["任前公示甲", "党费收缴情况", "任前公示乙"]
    assert titles("?kind=party_affairs") == ["党费收缴情况"]
    assert titles("?open=1") == ["任前公示甲"]
    assert titles("?year=2023") == ["任前公示乙"]
    assert titles("?kind=nonsense&year=abc") == ["任前公示甲", "党费收缴情况", "任前公示乙"]


def test_the_board_pages_its_list(client, app, disclosure_board, make_disclosure, today):
    app.config["THREADS_PER_PAGE"], per_page = 2, app.config["THREADS_PER_PAGE"]
    try:
        for n in range(3):
            make_disclosure(kind="party_affairs", title=f"公开事项{n}")
        second = client.get(f"/b/{disclosure_board.slug}?page=2").get_data(as_text=True)
        assert "公开事项0" in second and "公开事项2" not in second
        assert client.get(f"/b/{disclosure_board.slug}?page=3").status_code == 404
    finally:
        app.config["THREADS_PER_PAGE"] = per_page


def test_the_index_row_shows_how_many_are_under_public_notice(client, make_disclosure, today):
    make_disclosure()
    make_disclosure(starts_on=date(2024, 5, 6))  # ended on 10 May
    make_disclosure(kind="party_affairs")
    page = client.get("/").get_data(as_text=True)
    assert says(page, "Under public notice") and "<strong>1</strong>" in page


def test_the_feed_lists_disclosures(client, disclosure_board, make_disclosure, today):
    make_disclosure(title="关于张三同志任前公示")
    feed = client.get(f"/feeds/{disclosure_board.slug}.atom").get_data(as_text=True)
    assert "关于张三同志任前公示" in feed


def test_search_finds_a_disclosure(client, make_disclosure, today):
    adapter.backend().clear()
    make_disclosure(title="发展党员公示", kind="new_members", body="拟发展王五同志为预备党员")
    page = client.get("/search?q=预备党员").get_data(as_text=True)
    assert "发展党员公示" in page


def test_the_index_figure_is_one_statement_for_every_disclosure_board_however_many_notices(
        reader, seeded, make_disclosure, count_queries, today):
    make_disclosure()
    few = statements_for(reader, count_queries, "/")
    make_board(type="disclosure", unit=db.session.get(Disclosure, 1).unit)
    for n in range(5):
        make_disclosure(title=f"公示{n}")
    assert statements_for(reader, count_queries, "/") == few <= 13  # the index budget (tests/boards)


@pytest.mark.parametrize("count", [3, 25])
def test_the_board_page_takes_at_most_13_statements(reader, disclosure_board, make_disclosure,
                                                    count_queries, today, count):
    for n in range(count):
        make_disclosure(title=f"公示{n}")
    for query in ("", "?open=1", "?kind=pre_appointment&year=2024&page=1"):
        # 13: one of them reads the entered holiday schedules (forum.workdays), once a page.
        assert statements_for(reader, count_queries, f"/b/{disclosure_board.slug}{query}") <= 13


def test_a_disclosure_page_takes_at_most_13_statements(reader, issuer, make_disclosure,
                                                       count_queries, today):
    disclosure = make_disclosure()
    from forum.disclosure.services import correct_disclosure
    from tests.disclosure.conftest import TWO_PEOPLE
    correct_disclosure(db.session.get(Disclosure, disclosure.id), issuer, title="更正",
                       body="更正", people=TWO_PEOPLE, reason="更正")
    assert statements_for(reader, count_queries, f"/t/{disclosure.thread_id}") <= 13  # holidays: 1
    view_counts.flush()


def test_a_disclosure_page_costs_its_issuer_no_more_than_14_statements(client, issuer,
                                                                      make_disclosure, count_queries, today):
    disclosure = make_disclosure()
    # 14: a unit account's header counts the petitions waiting for its answer too (issue 25).
    assert statements_for(login(client, issuer), count_queries, f"/t/{disclosure.thread_id}") <= 14
    view_counts.flush()
