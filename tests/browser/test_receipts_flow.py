"""工作通知 receipts and the urgent banner in a real browser, at 1280 and 360 px: the
organisation department sends a notice to all 32 townships with a deadline; three
township accounts sign, one of them 已落实 with a note and a file; the issuer's table shows 3/32,
its CSV agrees, the others are marked overdue once the clock passes the deadline; an
urgent banner appears on a guest's page and is gone at its end. The pages pass axe."""
import csv
import io
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from forum.extensions import db
from forum.models import Board, Unit
from forum.models.base import utcnow
from forum.receipts import banners
from tests.attachments.samples import PDF
from tests.browser.helpers import assert_fits_width, log_in
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_thread, make_user
from tests.receipts.conftest import issuer, notices_board, now, org_unit  # noqa: F401
from tests.receipts.helpers import local


@pytest.fixture(autouse=True)
def _fresh_banner():
    banners.forget()
    yield
    banners.forget()


@pytest.fixture()
def real_now(now):  # noqa: F811 (fixture)
    """The receipts' clock at this minute: the browser's own clock ends the banner too."""
    now.set(utcnow().replace(second=0, microsecond=0))
    return now


def township_accounts(count):
    townships = db.session.execute(db.select(Unit).where(Unit.kind.in_(("镇", "乡", "民族乡")))
                                   .order_by(Unit.position).limit(count)).scalars().all()
    return [make_user(username=f"township{n}", unit_id=unit.id, is_unit_account=True,
                      is_verified=True) for n, unit in enumerate(townships)]


def issue_to_all_townships(page, zh, deadline):
    page.goto("/b/notices/new")
    page.locator("#title").fill("关于开展基层党建工作检查的通知")
    page.locator("#doc_number").fill("织组通〔2026〕18号")
    page.locator("#body").fill("请各乡镇于规定时间内完成自查并报送情况。")
    page.locator("#mode").select_option("done")
    page.get_by_label(zh("All townships")).check()
    page.locator("#deadline").fill(local(deadline))
    page.get_by_role("button", name=zh("Issue the notice")).click()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_notice_to_32_townships_is_signed_by_three_and_the_issuer_sees_3_of_32(
        seeded, new_page, axe, zh, notices_board, issuer, real_now, device):  # noqa: F811
    accounts = township_accounts(3)
    deadline = real_now.moment + timedelta(days=1)
    page = new_page(device)
    log_in(page, issuer)
    issue_to_all_townships(page, zh, deadline)
    missing = page.locator("#confirm-error")
    expect(missing).to_contain_text("29")
    assert accounts[0].unit.name not in missing.inner_text()
    found = blocking_violations(axe, page)
    assert_fits_width(page, "the issuing form")
    page.get_by_label(zh("Send it also to the units without an account")).check()
    page.get_by_role("button", name=zh("Issue the notice")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("关于开展基层党建工作检查的通知")
    notice_url = page.url

    for n, account in enumerate(accounts):
        township = new_page(device)
        log_in(township, account)
        expect(township.locator(".receipts-link .count")).to_have_text("1")
        township.locator(".receipts-link").click()
        township.wait_for_url("**/receipts")
        if n == 0:
            found += blocking_violations(axe, township)
            assert_fits_width(township, "a unit's inbox")
        township.get_by_role("link", name="关于开展基层党建工作检查的通知").click()
        if n < 2:
            township.get_by_role("button", name=zh("Sign (已阅)")).click()
        else:
            township.get_by_label(zh("What your unit has done")).fill("已组织全乡党员干部开展自查。")
            township.get_by_label(zh("A file (optional)")).set_input_files(
                files=[{"name": "自查报告.pdf", "mimeType": "application/pdf", "buffer": PDF}])
            township.get_by_role("button", name=zh("Record as carried out (已落实)")).click()
        expect(township.locator(".flash-success")).to_be_visible()
        expect(township.locator(".receipts-link .count")).to_have_count(0)

    page.goto(notice_url)
    page.get_by_role("link", name=zh("Who has signed")).click()
    counts = page.locator(".receipt-counts")
    expect(counts).to_contain_text(zh("Signed: %(signed)d/%(total)d", signed=3, total=32))
    expect(page.locator("table.receipts-table")).to_contain_text("已组织全乡党员干部开展自查。")
    report = page.get_by_role("link", name="自查报告.pdf")
    assert page.request.get(report.get_attribute("href")).body() == PDF
    found += blocking_violations(axe, page)
    assert_fits_width(page, "the issuer's table")
    table_url = page.url
    download = page.request.get(table_url.replace("/receipts", "/receipts.csv"))
    rows = list(csv.reader(io.StringIO(download.text().lstrip("\ufeff"))))
    unread = str(zh("Unread"))
    assert len(rows) == 1 + 32 and sum(row[1] != unread for row in rows[1:]) == 3

    real_now.move(days=1, minutes=1)
    page.reload()
    expect(counts).to_contain_text(zh("Overdue: %(n)d", n=31))  # two only read: 已落实 was asked
    expect(page.locator("tr.overdue")).to_have_count(31)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_an_urgent_banner_reaches_a_guests_page_and_is_gone_at_its_end(
        seeded, new_page, axe, zh, real_now, device):
    news = db.session.execute(db.select(Board).where(Board.slug == "news")).scalar_one()
    account = make_user(username="xuanchuanbu", unit_id=news.unit_id, is_unit_account=True)
    thread = make_thread(board=news, author=account, title="关于防范雪凝灾害的紧急通知")
    page = new_page(device)
    log_in(page, account)
    page.goto(f"/t/{thread.id}")
    page.get_by_label(zh("Banner ends at (Beijing time)")).fill(local(real_now.moment + timedelta(hours=1)))
    page.get_by_role("button", name=zh("Show as the urgent banner")).click()
    expect(page.locator(".urgent-banner")).to_contain_text("关于防范雪凝灾害的紧急通知")

    guest = new_page(device)
    guest.goto("/b/papers")
    banner = guest.locator(".urgent-banner")
    expect(banner).to_contain_text("关于防范雪凝灾害的紧急通知")
    found = blocking_violations(axe, guest)
    assert_fits_width(guest, "a page with the banner")
    assert guest.context.cookies() == []

    closer = new_page(device)
    closer.goto("/")
    closer.get_by_role("button", name=zh("Close", context="close the banner")).click()
    expect(closer.locator(".urgent-banner")).to_have_count(0)
    closer.reload()
    expect(closer.locator(".urgent-banner")).to_have_count(0)
    assert closer.context.cookies() == []

    real_now.move(hours=1, minutes=1)
    guest.reload()
    expect(banner).to_have_count(0)
    assert not found, "\n".join(found)
