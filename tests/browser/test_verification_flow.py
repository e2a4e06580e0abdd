"""Real-name verification in a real browser: a member asks, the security admin approves,
the 实名 badge appears beside the member's name."""
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.factories import make_thread, make_unit, make_user




@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_verify_then_the_admin_approves_and_the_badge_appears(new_page, device):
    unit = make_unit(name="城关镇")
    member = make_user(username="城关党员")
    admin = make_user(username="安全管理员", admin_role="security")
    thread = make_thread(author=member, title="学习心得")

    page = new_page(device)
    log_in(page, member)
    page.goto("/account/verify")
    page.locator("#real_name").fill("王小明")
    page.locator("#phone").fill("138 1234 5678")
    page.locator("#unit_id").select_option(label="城关镇")
    page.locator("#id_number").fill("11010519491231002X")
    page.locator("#consent").check()
    page.locator("form.post-form button[type=submit]").click()
    expect(page.locator(".flash")).to_be_visible()
    page.goto(f"/t/{thread.id}")
    expect(page.locator(".author-card .badge-verified")).to_have_count(0)

    desk = new_page(device)
    log_in(desk, admin)
    desk.goto("/admin/verifications")
    request = desk.locator(".mod-item", has_text="王小明")
    expect(request).to_contain_text("110105********002X")
    expect(request).not_to_contain_text("11010519491231002X")
    request.locator("button.primary").click()
    expect(desk.locator(".empty")).to_be_visible()

    page.goto(f"/t/{thread.id}")
    expect(page.locator(".author-card .badge-verified")).to_be_visible()
    expect(page.locator(".author-card .author-unit")).to_have_text(unit.name)
    expect(page.locator("main")).not_to_contain_text("王小明")  # real name stays in the back
