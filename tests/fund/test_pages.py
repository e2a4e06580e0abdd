"""The public ledger's pages through HTTP: the board page, an appeal, the fund's ledger,
its CSV file, the index row and /stats; and the statements each costs."""
import csv
import io

import pytest
from flask_babel import gettext

from forum.stats import view_counts
from tests.boards.test_query_counts import statements_for
from tests.checks import says
from tests.conftest import login
from tests.factories import make_board
from tests.fund.conftest import disburse, donate
from forum.fund.services import reverse_entry


@pytest.fixture()
def books(appeal, treasurer, second_treasurer):
    """Three gifts (one anonymous), one reversed, and an approved disbursement."""
    donate(appeal, treasurer, "1,234.56", donor_name="王某")
    donate(appeal, treasurer, "500", donor_kind="anonymous", donor_name="")
    wrong = donate(appeal, treasurer, "99", donor_kind="unit", donor_name="某镇党委")
    reverse_entry(appeal, treasurer, entry_id=wrong.id, reason="重复录入")
    disburse(appeal, treasurer, "300", approved_by=second_treasurer)
    return appeal


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def test_the_board_page_shows_the_funds_totals_and_each_appeals_progress(client, books,
                                                                         fund_board):
    html = page(client, f"/b/{fund_board.slug}")
    assert "¥1,734.56" in html  # given
    assert "¥300.00" in html and "¥1,434.56" in html  # spent, balance
    assert says(html, "Raised %(raised)s of %(target)s", raised="¥1,734.56", target="¥100,000.00")
    assert "2026-03" in html  # the month chart's table


def test_the_appeal_page_shows_its_text_totals_and_ledger_newest_first(client, books):
    html = page(client, f"/t/{books.thread_id}")
    assert "请伸出援手。" in html and "6200 0000 0000" in html
    rows = [html.index(f'id="entry-{n}"') for n in (5, 4, 3, 2, 1)]
    assert rows == sorted(rows)
    assert says(html, "Reverses #%(n)d", n=3) and says(html, "Reversed by #%(n)d", n=4)
    assert says(html, "Anonymous (匿名)") and "王某" in html
    assert says(html, "Approved by %(name)s", name="caiwu2")


def test_a_waiting_disbursement_is_shown_nowhere_public(client, appeal, treasurer, fund_board):
    donate(appeal, treasurer, "100")
    disburse(appeal, treasurer, "40", purpose="待批的支出")
    for path in (f"/t/{appeal.thread_id}", f"/fund/{fund_board.slug}/ledger",
                 f"/fund/{fund_board.slug}/ledger.csv", f"/b/{fund_board.slug}"):
        assert "待批的支出" not in page(client, path)


def test_the_appeal_ledger_pages_through_its_entries(client, app, appeal, treasurer):
    per_page = app.config["POSTS_PER_PAGE"]
    for n in range(per_page + 1):
        donate(appeal, treasurer, str(n + 1), receipt_number=f"R{n:03d}")
    first, second = (page(client, f"/t/{appeal.thread_id}?entries={n}") for n in (1, 2))
    assert f'id="entry-{per_page + 1}"' in first and 'id="entry-1"' not in first
    assert 'id="entry-1"' in second and says(first, "Older entries")


def test_the_fund_ledger_and_its_csv_agree_to_the_fen(client, books, fund_board):
    html = page(client, f"/fund/{fund_board.slug}/ledger")
    assert "-¥300.00" in html and "-¥99.00" in html
    response = client.get(f"/fund/{fund_board.slug}/ledger.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    signed = [("-" if row[4] == gettext("Money out") else "") + row[5] for row in rows[1:]]
    assert signed == ["-300.00", "-99.00", "99.00", "500.00", "1234.56"]
    assert sum(int(a.replace(".", "")) for a in signed) == 143456
    assert rows[3][6] == "某镇党委" and rows[4][6] == gettext("Anonymous (匿名)")


def test_the_index_row_shows_what_the_fund_raised(client, books, fund_board):
    html = page(client, "/")
    assert f"{gettext('Raised')} <strong>¥1,734.56</strong>" in html


def test_stats_shows_the_funds_totals(client, books):
    html = page(client, "/stats")
    assert says(html, "Care funds") and "¥1,734.56" in html and "¥1,434.56" in html


def test_the_index_figure_is_one_statement_for_every_fund_board(client, seeded, books,
                                                                 count_queries, org_unit):
    few = statements_for(client, count_queries, "/")
    make_board(type="fund", unit=org_unit)
    assert statements_for(client, count_queries, "/") == few <= 13  # the index budget (tests/boards)


@pytest.mark.parametrize("gifts", [2, 30])
def test_the_funds_pages_cost_a_fixed_number_of_statements(client, appeal, treasurer,
                                                           second_treasurer, fund_board,
                                                           count_queries, gifts):
    for n in range(gifts):
        donate(appeal, treasurer, str(n + 1))
    disburse(appeal, treasurer, "1", approved_by=second_treasurer)
    budgets = {f"/b/{fund_board.slug}": 10, f"/t/{appeal.thread_id}": 10,
               f"/fund/{fund_board.slug}/ledger": 7}
    for path, budget in budgets.items():
        assert statements_for(client, count_queries, path) <= budget, path
    login(client, treasurer)
    budgets = {f"/b/{fund_board.slug}": 16, f"/t/{appeal.thread_id}": 14,
               f"/fund/{fund_board.slug}/approvals": 6}
    for path, budget in budgets.items():
        assert statements_for(client, count_queries, path) <= budget, path
    view_counts.flush()
