"""A visitor searches from the header box, narrows to a board, opens a result and
searches inside the thread, in Chromium, on a desktop and at 360 px."""
import re

import pytest
from playwright.sync_api import expect

from forum.boards.services import reply
from forum.extensions import db
from forum.models import Board
from forum.search.adapter import backend
from tests import factories
from tests.browser.helpers import assert_fits_width, screenshot
from tests.browser.test_accessibility import blocking_violations

BOARD_SLUG = "papers"


@pytest.fixture()
def threads(seeded):
    backend().clear()
    board = db.session.execute(db.select(Board).filter_by(slug=BOARD_SLUG)).scalar_one()
    author = factories.make_user(username="王支书")
    found = factories.make_thread(board=board, author=author, title="猫场镇召开组织生活会",
                                  body="猫场镇各支部召开专题组织生活会，开展批评与自我批评。")
    reply(found, author, "会后各支部要认真整改，组织生活会的问题清单要公开。")
    factories.make_thread(author=author, title="别处的组织生活会", body="另一个版块")
    ids = {"thread": found.id, "board_name": board.name}
    db.session.remove()
    return ids


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_search_from_the_header_then_inside_a_board_and_a_thread(device, new_page, threads, axe):  # noqa: F811
    page = new_page(device)
    page.goto("/")
    page.locator("#site-search").fill("组织生活会")
    page.locator("#site-search").press("Enter")

    expect(page).to_have_url(re.compile(r"/search\?q="))
    expect(page.locator("li.result")).to_have_count(3)
    expect(page.locator("li.result mark").first).to_have_text("组织生活会")
    if device == "phone":
        assert_fits_width(page, "the search page")
    assert not blocking_violations(axe, page)
    screenshot(page, f"search-{device}")

    page.locator("#board").select_option(BOARD_SLUG)
    page.locator("#sort").select_option("newest")
    page.locator("main form.search-form button[type=submit]").click()
    expect(page.locator("li.result")).to_have_count(2)
    expect(page.locator("li.result .meta a").first).to_have_text(threads["board_name"])

    page.locator("li.result a.result-title").last.click()
    expect(page).to_have_url(re.compile(rf"/t/{threads['thread']}"))
    page.locator("#search-within").fill("问题清单")
    page.locator("#search-within").press("Enter")
    expect(page.locator("li.result")).to_have_count(1)
    expect(page.locator("li.result mark")).to_have_text("问题清单")
