"""The navigation bar at 1280 and 360 px: every place reachable by keyboard, the phone
menu folding without JavaScript, 我的 for members."""
from playwright.sync_api import expect

from tests.browser.helpers import assert_fits_width, log_in, screenshot
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_user

PLACES = ["/", "/b/notices", "/b/secretary", "/b/disclosure", "/b/training", "/b/counsel", "/search"]


def test_the_bar_links_every_place_and_a_members_own_pages_at_1280(page, seeded, axe, zh):
    member = make_user(username="张干部")
    log_in(page, member)
    page.goto("/b/notices")
    nav = page.locator("nav.site-nav")
    for path in PLACES:
        expect(nav.locator(f"a[href='{path}']")).to_be_visible()
    expect(nav.locator("a[aria-current=page]")).to_have_attribute("href", "/b/notices")
    nav.locator(".nav-mine summary").focus()
    page.keyboard.press("Enter")
    expect(nav.locator("a[href='/letters/mine']")).to_be_visible()
    screenshot(page, "nav-desktop")
    assert not blocking_violations(axe, page)


def test_the_phone_menu_opens_by_keyboard_without_javascript(browser, live_server, seeded):
    context = browser.new_context(base_url=live_server, locale="zh-CN", java_script_enabled=False,
                                  viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto("/")
        links = page.locator("nav.site-nav .nav-links")
        expect(links).to_be_hidden()
        page.locator("#nav-toggle").focus()
        page.keyboard.press("Space")
        for path in PLACES:
            expect(links.locator(f"a[href='{path}']")).to_be_visible()
        screenshot(page, "nav-phone", full_page=False)
    finally:
        context.close()


def test_the_phone_menu_fits_and_passes_axe_open(phone_page, seeded, axe):
    phone_page.goto("/")
    phone_page.locator(".nav-toggle-label").click()
    expect(phone_page.locator("nav.site-nav a[href='/b/counsel']")).to_be_visible()
    assert_fits_width(phone_page, "the phone menu")
    assert not blocking_violations(axe, phone_page)
