"""Site settings and invitations in a real browser, at 1280 and 360 px: the system admin
sets the site's name and footer and a guest sees them on the index; the system admin
sets registration to invitation; the security admin makes 3 invitations; a visitor
registers with one, and a second visitor reusing it is refused."""
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_fits_width, log_in
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_user

NEW_PASSWORD = "Xin-Mima_2026"
SHOTS = Path("/tmp/settings-shots")
FOOTER = "主办单位：中共织金县委组织部\n黔ICP备12345678号 https://www.zhijin.gov.cn"


@pytest.fixture()
def admins():
    return {role: make_user(username=f"{role}_admin", admin_role=role) for role in ("system", "security")}


def shot(page, device, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{device}-{name}.png"), full_page=True)


def _set_site(page, zh, device):
    page.goto("/admin/settings")
    page.locator("#site_name").fill("织金县党建网")
    page.locator("#site_footer").fill(FOOTER)
    page.locator("#registration").select_option("invitation")
    assert_fits_width(page, "the site settings")
    shot(page, device, "settings")
    page.locator("main form.post-form button[type=submit]").first.click()
    expect(page.locator(".flash")).to_contain_text(zh("The settings have been saved."))


def _make_invitations(page, zh, device):
    page.goto("/admin/invitations")
    page.locator("#count").fill("3")
    page.locator("#days").fill("7")
    page.locator("#note").fill("新发展党员")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#invitation-links tbody tr")).to_have_count(3)
    assert_fits_width(page, "the invitation links")
    shot(page, device, "invitation-links")
    link = urlsplit(page.locator(".invitation-link").first.inner_text())  # on FORUM_BASE_URL
    return f"{link.path}?{link.query}"


def _register(page, link, username):
    page.goto(link)
    page.locator("#username").fill(username)
    page.locator("#password").fill(NEW_PASSWORD)
    page.locator("#confirm").fill(NEW_PASSWORD)
    page.locator("main form button[type=submit]").click()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_site_is_named_and_a_visitor_registers_once_with_an_invitation(new_page, zh, admins, device):
    system = new_page(device)
    log_in(system, admins["system"])
    _set_site(system, zh, device)

    guest = new_page(device)
    guest.goto("/")
    expect(guest.locator("header .site-name")).to_have_text("织金县党建网")
    assert guest.title().endswith("织金县党建网")
    expect(guest.locator(".site-footer-text")).to_contain_text("黔ICP备12345678号")
    expect(guest.locator(".site-footer-text a")).to_have_attribute("href", "https://www.zhijin.gov.cn")
    assert_fits_width(guest, "the index with a footer")
    shot(guest, device, "index-footer")
    guest.goto("/register")
    expect(guest.locator("main .notice")).to_have_text(zh(
        "Registration is by invitation: open the link of your invitation from the security administrator."))

    security = new_page(device)
    log_in(security, admins["security"])
    link = _make_invitations(security, zh, device)

    visitor = new_page(device)
    _register(visitor, link, "新党员")
    expect(visitor.locator("nav.account .me")).to_have_text("新党员")

    reuser = new_page(device)
    reuser.goto(link)
    expect(reuser.locator("main .notice")).to_have_text(zh(
        "This invitation cannot be used: it was used already, has expired or was revoked."))
    assert_fits_width(reuser, "a used invitation")
    shot(reuser, device, "invitation-used")

    security.goto("/admin/invitations")
    expect(security.locator("#invitations tbody tr", has_text="新党员")).to_have_count(1)
    assert_fits_width(security, "the invitation list")
    shot(security, device, "invitation-list")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_settings_and_invitation_pages_pass_axe(new_page, admins, axe, device):
    for role, path in (("system", "/admin/settings"), ("security", "/admin/invitations")):
        page = new_page(device)
        log_in(page, admins[role])
        page.goto(path)
        assert not blocking_violations(axe, page), path
        assert_fits_width(page, path)
