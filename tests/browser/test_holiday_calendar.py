"""The system admin, warned on the control panel that next year's holidays are missing,
enters them on the holiday calendar page at 1280 and 360 px."""
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from forum.dates import local_today
from tests.browser.helpers import assert_fits_width, log_in
from tests.factories import make_user


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_system_admin_is_warned_and_enters_next_years_holidays(new_page, zh, app, device):
    with app.app_context():
        year = local_today().year + 1
    admin = make_user(username="系统管理员", admin_role="system")
    page = new_page(device)
    log_in(page, admin)
    page.goto("/admin/")
    warning = page.locator("main .notice", has_text=str(year))  # beside the backup's warning
    expect(warning).to_contain_text(str(year))
    warning.get_by_role("link", name=zh("Enter it")).click()
    expect(page.locator("#year")).to_have_value(str(year))
    assert_fits_width(page, "the holiday calendar")
    page.locator("#holidays").fill(f"{year}-01-01\n{year}-02-06 ~ {year}-02-12")
    page.locator("#workdays").fill(_saturday_after(date(year, 2, 12)).isoformat())
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".flash")).to_contain_text(
        zh("The holiday schedule has been saved; open deadlines were counted again."))
    expect(page.locator("main table")).to_contain_text(str(year))
    assert_fits_width(page, "the holiday calendar with a year entered")
    page.goto("/admin/")
    expect(page.locator("main .notice", has_text=str(year))).to_have_count(0)


def _saturday_after(day):
    return day + timedelta(days=(5 - day.weekday()) % 7 or 7)
