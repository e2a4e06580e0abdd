"""The live preview: beside the text at 1280 px, rendered as one types, no script run;
at 360 px the Preview button alone, as before."""
from playwright.sync_api import expect

from tests.browser.helpers import assert_fits_width, log_in, screenshot
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_user

PREVIEW = "button[name=preview], input[name=preview]"
TEXT = "**要点**\n\n- 第一项\n\n<script>window.previewRan = true</script><img src=x onerror=\"window.previewRan = true\">"


def test_text_typed_appears_rendered_beside_it_on_a_wide_screen(page, seeded, axe):
    log_in(page, make_user(username="王支书", is_verified=True))
    page.goto("/b/papers/new")
    panel = page.locator("section.preview")
    expect(panel).to_be_visible()
    page.locator("#body").fill(TEXT)
    expect(panel.locator(".post-body strong")).to_have_text("要点")
    expect(panel.locator(".post-body li")).to_have_text("第一项")
    assert page.evaluate("window.previewRan === undefined")
    assert panel.locator("script").count() == 0
    text, shown = page.locator("#body").bounding_box(), panel.bounding_box()
    assert shown["x"] > text["x"] + text["width"] - 1
    expect(panel.locator(".post-body")).to_have_attribute("aria-live", "polite")
    screenshot(page, "live-preview-desktop")
    assert not blocking_violations(axe, page)


def test_on_a_phone_the_preview_waits_for_its_button(phone_page, seeded):
    log_in(phone_page, make_user(username="王支书", is_verified=True))
    phone_page.goto("/b/papers/new")
    phone_page.locator("#title").fill("手机上的预览")
    phone_page.locator("#body").fill("**要点**")
    expect(phone_page.locator("section.preview")).to_be_hidden()
    phone_page.locator(PREVIEW).click()
    expect(phone_page.locator("section.preview .post-body strong")).to_have_text("要点")
    assert_fits_width(phone_page, "the editor with its preview")
    screenshot(phone_page, "live-preview-phone")
