"""The board index with Zhijin's 150 boards at 1280 and 360 px (issue 23): short enough to
scan, every board reachable, unit groups collapsible by keyboard and remembered."""
import pytest
from playwright.sync_api import expect

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Board, Unit
from tests.browser.helpers import log_in, screenshot
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_thread, make_user

HEIGHT_LIMITS = {"desktop": 3000, "phone": 6000}


@pytest.fixture()
def busy_index(seeded):
    """Posts in a few boards of each kind today, and a moderator for a topic board."""
    author = make_user(username="王支书")
    for slug in ("papers", "integrity", "notices"):
        make_thread(board=_board(slug), author=author, title="学习贯彻全会精神")
    unit_boards = db.select(Board).join(Unit, Unit.id == Board.unit_id).where(Unit.name == Board.name)
    for board in db.session.execute(unit_boards.order_by(Board.id).limit(6)).scalars():
        make_thread(board=board, author=author, title="本周组织生活会安排")
    grant(make_user(username="李版主"), _board("papers"), "moderator")
    return author


def _board(slug):
    return db.session.execute(db.select(Board).filter_by(slug=slug)).scalar_one()


def _document_height(page):
    return page.evaluate("document.documentElement.scrollHeight")


@pytest.mark.parametrize("device", HEIGHT_LIMITS)
def test_the_index_of_150_boards_stays_within_its_height_and_shows_every_board(
        new_page, busy_index, axe, device):
    page = new_page(device)
    page.goto("/")
    screenshot(page, f"index-{device}")
    assert _document_height(page) < HEIGHT_LIMITS[device]
    slugs = db.session.execute(db.select(Board.slug)).scalars().all()
    assert len(slugs) == 150
    for slug in slugs:
        expect(page.locator(f"main a[href='/b/{slug}']").first).to_be_visible()
    screenshot(page, f"index-{device}")
    assert not blocking_violations(axe, page)


def test_the_index_shows_moderators_today_counts_and_column_headers(page, busy_index, zh):
    page.goto("/")
    papers = page.locator(".board-row", has=page.locator("a[href='/b/papers']"))
    expect(papers.locator(".moderators")).to_contain_text("李版主")
    expect(papers.locator(".today")).to_contain_text("1")
    expect(page.locator(".board-head").first).to_contain_text(zh("Last post"))
    expect(page.locator(".board-grid .today")).to_have_count(6)


def test_a_unit_group_closes_by_keyboard_and_stays_closed_in_this_browser(page, seeded):
    page.goto("/")
    group = page.locator("details.board-group").first
    summary = group.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(group).not_to_have_attribute("open", "")
    # The browser fires "toggle" in a task of its own, after the attribute goes: wait for
    # the script to have remembered the group before reloading.
    page.wait_for_function("() => localStorage.getItem('board-group-' + document.querySelector("
                           "'details.board-group').dataset.remember) === 'closed'")
    page.reload()
    expect(page.locator("details.board-group").first).not_to_have_attribute("open", "")
    expect(page.locator("details.board-group").nth(1)).to_have_attribute("open", "")


def test_a_member_sees_new_post_marks_on_the_boards_with_posts_unread(page, busy_index):
    reader = make_user(username="读者")
    make_thread(board=_board("talent"), author=busy_index, title="人才风采展示")
    log_in(page, reader)
    page.goto("/")
    expect(page.locator(".board-row", has=page.locator("a[href='/b/talent']"))
           .locator(".new-mark")).to_be_visible()
    page.goto("/b/talent")
    page.locator("a.thread-title").first.click()
    page.goto("/")
    expect(page.locator(".board-row", has=page.locator("a[href='/b/talent']"))
           .locator(".new-mark")).to_have_count(0)
