"""Two members read the same thread and board with the page caches on (as in production):
each sees their own header, follow button and marks, and the other's new reply at once."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DEVICES, served
from tests.browser.helpers import assert_fits_width, log_in, screenshot
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_thread, make_user


@pytest.fixture()
def caching_server(caching_app):
    """The caching app (tests/conftest.py) on a free port of 127.0.0.1."""
    with served(caching_app) as base_url:
        yield base_url


def test_two_members_share_a_thread_page_but_each_sees_their_own(browser, caching_server, axe, zh):
    thread = make_thread(title="三会一课的体会", body="第一楼的正文", replies=1)
    ann, bob = make_user(username="ann"), make_user(username="bob")
    pages = {}
    for user, device in ((ann, "desktop"), (bob, "phone")):
        context = browser.new_context(base_url=caching_server, locale="zh-CN", **DEVICES[device])
        context.set_default_timeout(10_000)
        pages[user.username] = context.new_page()
        log_in(pages[user.username], user)
    ann_page, bob_page = pages["ann"], pages["bob"]
    path = f"/t/{thread.id}"

    # Ann follows the thread and replies; her page says so, under her name.
    ann_page.goto(path)
    follow = ann_page.locator("form.follow button")
    expect(follow).to_have_text(zh("Follow"))
    follow.click()
    expect(ann_page.locator("form.follow button")).to_have_text(zh("Following"))
    ann_page.goto(path)
    ann_page.locator("#body").fill("安的回复：学习要落到实处。")
    ann_page.locator(".quick-reply input[name=submit]").click()
    expect(ann_page.locator(".post-body").last).to_contain_text("安的回复")

    # Bob, on a phone, gets the same page built once: Ann's reply at once, his own name,
    # his own follow button and no trace of Ann's.
    bob_page.goto(path)
    expect(bob_page.locator(".post-body").last).to_contain_text("安的回复")
    expect(bob_page.locator("nav.account .me")).to_have_text("bob")
    expect(bob_page.locator("form.follow button")).to_have_text(zh("Follow"))
    assert "ann" not in bob_page.locator("header.site-header").inner_text()
    assert_fits_width(bob_page, "a shared thread page")
    assert not blocking_violations(axe, bob_page)
    screenshot(bob_page, "shared-thread-phone")

    # Bob reports Ann's reply with the token of his own session, filled into the shared page.
    report = bob_page.locator("details.report").last
    report.locator("summary").click()
    report.locator("select[name=reason]").select_option("spam")
    report.locator("button[type=submit]").click()
    expect(bob_page.locator(".flash")).to_be_visible()

    # Both have read the thread since its last post: the board lists it unmarked for each.
    board_path = f"/b/{thread.board.slug}"
    for page in (ann_page, bob_page):
        page.goto(board_path)
        expect(page.locator("ul.threads .thread-row")).to_have_count(1)
        expect(page.locator("ul.threads .thread-row.unread")).to_have_count(0)
    screenshot(ann_page, "shared-board-desktop")
