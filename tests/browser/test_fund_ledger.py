"""党内关怀基金 in a real browser, at 1280 and 360 px: a treasurer starts an appeal,
records ten donations (one anonymous) and reverses one, records a disbursement that a
second treasurer approves; a guest then finds the ledger, the month chart and the CSV
file agreeing to the fen with the totals shown. The pages pass axe and fit the width."""
import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from forum.fund.money import money
from tests.browser.helpers import assert_fits_width, log_in
from tests.browser.test_accessibility import blocking_violations
from tests.fund.conftest import (fund_board, keeper, org_unit, second_treasurer,  # noqa: F401
                                 treasurer)

GIFTS = ["1,000", "200.50", "88.88", "500", "66", "1,234.56", "10", "300", "12.34", "99.9"]
ANONYMOUS, WRONG = 2, 4  # the third gift is anonymous; the fifth is reversed
PAID = "800"


def fen(yuan):
    return int(Decimal(yuan.replace(",", "")) * 100)


def _record_gift(page, zh, appeal_path, n, amount):
    page.goto(f"{appeal_path}/donations")
    page.locator("#amount").fill(amount)
    page.locator("#occurred_on").fill(date.today().isoformat())
    page.locator("#donor_kind").select_option("anonymous" if n == ANONYMOUS else "person")
    if n != ANONYMOUS:
        page.locator("#donor_name").fill(f"捐款人{n}")
    page.locator("#channel").select_option("transfer" if n % 2 else "performance")
    page.locator("#receipt_number").fill(f"R{n:03d}")
    page.get_by_role("button", name=zh("Record the donation")).click()
    expect(page.locator(".flash").first).to_contain_text(zh("The donation is recorded."))


def _shown(page):
    """The first totals block on the page: {label: value}."""
    terms = page.locator(".fund-totals").first
    return dict(zip(terms.locator("dt").all_inner_texts(), terms.locator("dd").all_inner_texts()))


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_an_appeal_its_gifts_a_reversal_and_an_approved_disbursement_agree_everywhere(
        new_page, axe, zh, fund_board, treasurer, second_treasurer, device):  # noqa: F811
    page = new_page(device)
    log_in(page, treasurer)
    page.goto(f"/b/{fund_board.slug}/new")
    found = [blocking_violations(axe, page)]
    assert_fits_width(page, "the appeal form")
    page.locator("#title").fill("2026年关爱困难党员倡议")
    page.locator("#body").fill("动员社会各界关爱困难党员。")
    page.locator("#target").fill("10,000")
    page.locator("#starts_on").fill("2026-01-01")
    page.locator("#ends_on").fill("2026-12-31")
    page.locator("#how_to_give").fill("转账或义演现场捐款")
    page.get_by_role("button", name=zh("Start the appeal")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2026年关爱困难党员倡议")
    appeal_path = page.get_by_role("link", name=zh("Record a donation")).get_attribute("href")
    appeal_path = appeal_path.rsplit("/", 1)[0]
    thread_url = page.url

    for n, amount in enumerate(GIFTS):
        _record_gift(page, zh, appeal_path, n, amount)
    found.append(blocking_violations(axe, page))
    page.goto(f"{appeal_path}/reversals")
    assert_fits_width(page, "the reversal form")
    page.locator("#entry").fill(str(WRONG + 1))
    page.locator("#reason").fill("重复登记")
    page.get_by_role("button", name=zh("Record the reversal")).click()
    page.goto(f"{appeal_path}/disbursements")
    page.locator("#amount").fill(PAID)
    page.locator("#occurred_on").fill(date.today().isoformat())
    page.locator("#approval_ref").fill("组字〔2026〕8号")
    page.locator("#purpose").fill("春节慰问")
    page.locator("#recipient").fill("某乡镇困难党员")
    page.get_by_role("button", name=zh("Record the disbursement")).click()
    expect(page).to_have_url(thread_url)

    second = new_page(device)
    log_in(second, second_treasurer)
    second.goto(f"/fund/{fund_board.slug}/approvals")
    found.append(blocking_violations(axe, second))
    assert_fits_width(second, "the approval queue")
    second.get_by_role("button", name=zh("Approve disbursement #%(n)d", n=12)).click()
    expect(second.locator("main")).to_contain_text(zh("No disbursement is waiting."))

    given = sum(fen(g) for g in GIFTS) - fen(GIFTS[WRONG])
    spent = fen(PAID)
    expected = {zh("Total given"): money(given), zh("Total spent"): money(spent),
                zh("Balance"): money(given - spent), zh("Donations"): str(len(GIFTS) - 1)}
    guest = new_page(device)
    for path in (thread_url, f"/b/{fund_board.slug}", f"/fund/{fund_board.slug}/ledger"):
        guest.goto(path)
        assert _shown(guest) == expected, path
        assert_fits_width(guest, path)
        found.append(blocking_violations(axe, guest))
    ledger = guest.locator("table.ledger")
    expect(ledger).to_contain_text(zh("Anonymous (匿名)"))
    expect(ledger).to_contain_text(zh("Reverses #%(n)d", n=WRONG + 1))
    month = guest.locator("table.month-table tbody tr").last
    expect(month.locator("td").nth(0)).to_have_text(money(given))
    expect(month.locator("td").nth(1)).to_have_text(money(spent))

    text = guest.request.get(f"/fund/{fund_board.slug}/ledger.csv").text().lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    signs = {zh("Money in"): 1, zh("Money out"): -1}
    assert len(rows) == len(GIFTS) + 2
    assert sum(signs[r[4]] * fen(r[5]) for r in rows) == given - spent
    assert not any(found), "\n".join(found)
