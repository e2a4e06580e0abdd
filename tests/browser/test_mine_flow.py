"""我的 lists at 1280 and 360 px: reached from the nav's 我的 menu; a follow is dropped
from the list with its button."""
import pytest
from playwright.sync_api import expect

from forum.boards.services import reply
from forum.extensions import db
from forum.models import Board
from forum.notifications.subscriptions import subscribe
from tests.browser.helpers import assert_fits_width, log_in, screenshot
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_thread, make_user


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_member_finds_their_threads_replies_and_follows(new_page, seeded, axe, zh, device):
    board = db.session.execute(db.select(Board).filter_by(slug="papers")).scalar_one()
    me = make_user(username="张干部")
    make_thread(board=board, author=me, title="我发起的讨论")
    other = make_thread(board=board, title="别人发起的讨论")
    reply(other, me, "我的一点看法")
    subscribe(me, thread=other)
    subscribe(me, board=board)
    page = new_page(device)
    log_in(page, me)
    page.goto("/")
    if device == "phone":
        page.locator(".nav-toggle-label").click()
    page.locator(".nav-mine summary").click()
    page.locator("nav.site-nav a[href='/me/threads']").click()
    expect(page.locator(".mine-title")).to_have_text(["我发起的讨论"])
    assert not blocking_violations(axe, page)
    page.get_by_role("link", name=zh("My replies")).click()
    expect(page.locator(".mine-title")).to_have_count(1)
    expect(page.locator(".mine-list")).to_contain_text("我的一点看法")
    assert_fits_width(page, "my replies")
    screenshot(page, f"mine-replies-{device}")
    page.get_by_role("link", name=zh("My follows")).click()
    expect(page.locator(".mine-title")).to_have_count(2)
    screenshot(page, f"mine-follows-{device}")
    assert not blocking_violations(axe, page)
    page.get_by_role("button", name=zh("Stop following %(name)s", name="别人发起的讨论")).click()
    expect(page.locator(".mine-title")).to_have_count(1)
