"""The open redirect of issue 12, in Chromium: next=/%09/host reached the browser as
"/<tab>/host", which it reads as //host, another site. Another site's page is played by
Playwright answering for evil.example, so a wrong redirect shows its page, not an error."""
import re

from playwright.sync_api import expect

from tests.factories import PASSWORD, make_user

EVIL = "http://evil.example/"


def _play_evil_site(page, html="<p id=evil>evil</p>"):
    page.context.route("http://evil.example/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body=html))


def test_logging_in_with_a_next_that_a_browser_reads_as_another_site_stays_here(page, live_server):
    user = make_user(username="dangyuan")
    _play_evil_site(page)
    page.goto("/login?next=/%09/evil.example/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page).to_have_url(f"{live_server}/")
    expect(page.locator("#evil")).to_have_count(0)


def test_another_site_cannot_switch_the_language_or_redirect_through_it(page, live_server):
    form = (f'<form id=f method=post action="{live_server}/lang/en">'
            '<input type=hidden name=next value="/\t/evil.example/"></form>'
            "<script>document.getElementById('f').submit()</script>")
    _play_evil_site(page, form)
    page.goto(EVIL)
    expect(page).to_have_url(f"{live_server}/lang/en")  # refused: a 403 page of the forum
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")


def test_the_footer_switch_returns_to_the_page_it_was_pressed_on(page, live_server):
    page.goto("/search?q=%E4%BC%9A")
    page.locator("footer .lang-switch button[lang=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/search\?q=%E4%BC%9A$"))
