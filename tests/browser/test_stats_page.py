"""/stats in Chromium at 1280 and 360 px: no serious axe violation, charts drawn inside the
screen, the table alternative opens; screenshots for a person to look at."""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from forum.boards.services import reply
from forum.extensions import db
from forum.models import Unit
from forum.stats import hits
from tests import factories
from tests.browser.test_accessibility import blocking_violations

SHOTS = os.environ.get("STATS_SHOTS")  # a folder to keep screenshots in, if set


@pytest.fixture()
def figures(seeded):
    """Members of two seeded units writing."""
    units = db.session.execute(db.select(Unit).order_by(Unit.id).limit(2)).scalars().all()
    for n, unit in enumerate(units):
        member = factories.make_user(unit_id=unit.id)
        thread = factories.make_thread(author=member)
        for _ in range(n + 1):
            reply(thread, member, "收到")
    db.session.remove()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_stats_reads_without_violations_at_1280_and_360_px(device, new_page, figures, axe):
    page = new_page(device)
    page.goto("/")
    hits.flush()
    page.goto("/stats")
    expect(page.locator("main svg.chart")).to_have_count(3)
    width = page.viewport_size["width"]
    for box in (page.locator("main svg.chart").nth(n).bounding_box() for n in range(3)):
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    page.locator("details.chart-table summary").first.click()
    expect(page.locator("details.chart-table table").first).to_be_visible()
    assert blocking_violations(axe, page) == ""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/stats-{device}.png", full_page=True)
        page.locator("svg.chart-bar").screenshot(path=f"{SHOTS}/units-{device}.png")
