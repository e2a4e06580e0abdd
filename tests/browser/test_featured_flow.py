"""精华 at 1280 and 360 px: a moderator marks a thread featured from its page, and the
board's Featured only filter lists it with its badge."""
import pytest
from playwright.sync_api import expect

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Board
from tests.browser.helpers import assert_fits_width, log_in, screenshot
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_thread, make_user


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_moderator_marks_a_thread_featured_and_the_filter_shows_it(new_page, seeded, axe, zh, device):
    board = db.session.execute(db.select(Board).filter_by(slug="papers")).scalar_one()
    moderator = make_user(username="版主老李", is_verified=True)
    grant(moderator, board, "moderator")
    make_thread(board=board, title="普通的主题")
    thread = make_thread(board=board, title="值得推广的经验")
    page = new_page(device)
    log_in(page, moderator)
    page.goto(f"/t/{thread.id}")
    page.get_by_role("button", name=zh("Mark featured")).click()
    expect(page.locator("h1 + p .badge.featured, .badge.featured").first).to_have_text(zh("Featured"))
    page.goto("/b/papers")
    page.get_by_label(zh("Featured only")).check()
    page.get_by_role("button", name=zh("Show")).click()
    rows = page.locator(".thread-row")
    expect(rows).to_have_count(1)
    expect(rows.locator(".thread-title")).to_have_text("值得推广的经验")
    expect(rows.locator(".badge.featured")).to_have_text(zh("Featured"))
    assert_fits_width(page, "a board filtered to featured threads")
    screenshot(page, f"featured-{device}")
    assert not blocking_violations(axe, page)
