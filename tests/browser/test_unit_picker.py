"""The unit picker of study campaigns and notices: a trainer opens a collapsed group,
ticks a unit and "all townships", and the campaign targets exactly those, at 1280 and
360 px; the groups fit the phone's width and every box is big enough to tap."""
import pytest
from playwright.sync_api import expect

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Campaign
from tests.browser.helpers import assert_fits_width, log_in, screenshot
from tests.factories import make_board, make_unit, make_user
from tests.training.conftest import make_lesson


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_trainer_picks_all_townships_and_one_department(device, new_page, zh):
    board = make_board(type="training", slug="training", name="干部在线教育培训中心")
    trainer = make_user(username="trainer", is_verified=True)
    grant(trainer, board, "trainer")
    make_lesson(board, trainer, minutes=3, title="学习党章")
    towns = {make_unit(name=f"{n}镇", kind="镇").id for n in ("八步", "猫场", "龙场", "牛场", "珠藏")}
    department = make_unit(name="县委组织部", kind="党群").id
    make_unit(name="县财政局", kind="政府")

    page = new_page(device)
    log_in(page, trainer)
    db.session.remove()
    page.goto("/b/training/campaigns/new")
    page.locator("select[name=lessons]").select_option(label="学习党章")
    page.fill("input[name=title]", "学习十七大精神")
    page.get_by_label(zh("Chosen units")).check()
    page.get_by_label(zh("All townships")).check()
    page.locator("summary", has_text="党群").click()  # the collapsed group opens
    box = page.get_by_label("县委组织部")
    expect(box).to_be_visible()
    assert box.bounding_box()["height"] >= 13
    box.check()
    assert_fits_width(page, f"the unit picker ({device})")
    screenshot(page, f"unit-picker-{device}")
    page.fill("input[name=starts_on]", "2026-11-01")
    page.fill("input[name=ends_on]", "2026-12-31")
    page.fill("input[name=required_hours]", "0.5")
    page.get_by_role("button", name=zh("Create campaign")).click()
    expect(page.get_by_role("heading", name="学习十七大精神")).to_be_visible()
    campaign = db.session.execute(db.select(Campaign)).scalar_one()
    assert {u.id for u in campaign.units} == towns | {department}
