"""File inputs in Chinese at 1280 and 360 px: a 选择文件 button and the chosen names,
opened by keyboard; without JavaScript the browser's own input."""
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout, expect

from tests.attachments.samples import image_bytes
from tests.browser.helpers import assert_fits_width, log_in, screenshot
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_user


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_avatar_input_is_labelled_in_chinese_and_opens_by_keyboard(new_page, seeded, axe, zh,
                                                                      device, tmp_path):
    picture = tmp_path / "头像.png"
    picture.write_bytes(image_bytes())
    page = new_page(device)
    log_in(page, make_user(username="张干部"))
    page.goto("/account")
    picker = page.locator(".avatar-form .file-picker")
    expect(picker.locator(".file-button")).to_have_text(zh("Choose a file"))
    expect(picker.locator(".file-names")).to_have_text(zh("No file chosen"))
    page.wait_for_load_state("load")  # the picker's script is ready before the key
    open_by_keyboard(page, picker.locator("input[type=file]")).set_files(str(picture))
    expect(picker.locator(".file-names")).to_have_text("头像.png")
    assert_fits_width(page, "the account page")
    screenshot(page, f"file-input-{device}")
    assert not blocking_violations(axe, page)


def open_by_keyboard(page, file_input, tries=3):
    """The file chooser that Space on the focused input opens. Chromium sometimes lets a
    key pressed on a page of a busy machine go without opening it (two CI runs of many
    timed out waiting): the key is pressed again, a few times at most, so that an input
    that never opens by keyboard still fails."""
    page.bring_to_front()
    for attempt in range(tries):
        file_input.focus()
        expect(file_input).to_be_focused()
        try:
            with page.expect_file_chooser(timeout=5000) as chooser:
                page.keyboard.press("Space")
            return chooser.value
        except PlaywrightTimeout:
            if attempt == tries - 1:
                raise


def test_without_javascript_the_browsers_own_input_shows(browser, live_server, seeded):
    context = browser.new_context(base_url=live_server, locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, make_user(username="张干部"))
        page.goto("/b/papers/new")
        expect(page.locator("#files")).to_be_visible()
        expect(page.locator(".file-picker .file-button")).to_be_hidden()
    finally:
        context.close()
