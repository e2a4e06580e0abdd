"""The post editor at 1280 and 360 px: a toolbar that inserts Markdown, by mouse, keyboard
shortcut or the arrow keys; a character count; the textarea alone without JavaScript;
the preview beside the text on a wide screen."""
import pytest
from playwright.sync_api import expect

from forum.extensions import db
from forum.models import Board
from tests.browser.helpers import assert_fits_width, log_in, screenshot
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_thread, make_user

PREVIEW = "button[name=preview], input[name=preview]"


@pytest.fixture()
def writer(seeded):
    return make_user(username="王支书", is_verified=True)


def _papers():
    return db.session.execute(db.select(Board).filter_by(slug="papers")).scalar_one()


def test_the_toolbar_and_shortcuts_insert_markdown_by_keyboard_alone(page, writer, axe, zh):
    log_in(page, writer)
    page.goto("/b/papers/new")
    body = page.locator("#body")
    body.fill("重点")
    body.press("Control+a")
    body.press("Control+b")
    expect(body).to_have_value("**重点**")
    body.press("End")
    body.press("Shift+Tab")  # into the toolbar: its first button
    expect(page.locator(".editor-toolbar button").first).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")  # 斜体 with nothing chosen: a placeholder, selected
    expect(body).to_have_value("**重点***text*")
    expect(page.locator(".char-count")).to_have_text(zh("%(count)s of %(max)s characters",
                                                       count="12", max="20000"))
    assert not blocking_violations(axe, page)


def test_the_character_count_turns_red_past_the_limit(page, writer):
    log_in(page, writer)
    page.goto("/b/papers/new")
    page.locator("#body").fill("字" * 20001)
    expect(page.locator(".char-count")).to_have_class("char-count over")


def test_without_javascript_the_editor_is_a_plain_textarea(browser, live_server, writer):
    context = browser.new_context(base_url=live_server, locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, writer)
        page.goto("/b/papers/new")
        expect(page.locator(".editor-toolbar")).to_be_hidden()
        expect(page.locator(".char-count")).to_be_hidden()
        page.locator("#body").fill("**纯文本**")
        expect(page.locator("#body")).to_have_value("**纯文本**")
    finally:
        context.close()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_preview_stands_beside_the_text_only_on_a_wide_screen(new_page, writer, device):
    page = new_page(device)
    log_in(page, writer)
    page.goto("/b/papers/new")
    page.locator("#title").fill("三会一课记录")
    page.locator("#body").fill("**重点**\n\n- 第一项\n- 第二项\n\n| 项目 | 完成 |\n| --- | --- |\n| 学习 | 是 |")
    page.locator(PREVIEW).click()
    text, preview = page.locator("#body").bounding_box(), page.locator("section.preview").bounding_box()
    beside = preview["x"] > text["x"] + text["width"] - 1
    assert beside == (device == "desktop")
    assert_fits_width(page, "the editor with its preview")
    screenshot(page, f"editor-{device}")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_board_and_a_thread_page_read_well(new_page, writer, axe, device):
    board = _papers()
    for n in range(3):
        make_thread(board=board, author=writer, title=f"学习贯彻全会精神的体会（{n + 1}）", replies=n)
    thread = make_thread(board=board, author=writer, title="三会一课记录", body="**重点**：按时召开。", replies=2)
    page = new_page(device)
    log_in(page, make_user(username="李党员"))
    page.goto("/b/papers")
    expect(page.locator(".thread-row")).to_have_count(4)
    assert_fits_width(page, "a board page")
    screenshot(page, f"board-{device}")
    assert not blocking_violations(axe, page)
    page.goto(f"/t/{thread.id}")
    assert_fits_width(page, "a thread page")
    screenshot(page, f"thread-{device}")
