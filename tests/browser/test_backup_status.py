"""The system admin reads the last backup's time and size on the control panel's home,
and is warned while there is none, at 1280 and 360 px (issue 24)."""
from pathlib import Path

import pytest
from jinja2.filters import do_filesizeformat
from playwright.sync_api import expect

from forum.backups.create import create_backup
from tests.browser.helpers import assert_fits_width, log_in
from tests.factories import make_user

SHOTS = Path("/tmp/ops-shots")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_system_admin_sees_when_the_last_backup_was_made(new_page, zh, tmp_path, device):
    admin = make_user(username="系统管理员", admin_role="system")
    page = new_page(device)
    log_in(page, admin)
    page.goto("/admin/")
    no_backup = page.get_by_role("alert").filter(has_text=zh("No backup yet: run forum backup (see the README)."))
    expect(no_backup).to_be_visible()
    made = create_backup(tmp_path / "backup")
    page.goto("/admin/")
    expect(page.locator("main .last-backup")).to_contain_text(do_filesizeformat(made["size"]))
    expect(no_backup).to_have_count(0)
    assert_fits_width(page, "the control panel's home")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"admin-home-{device}.png", full_page=True)
