"""A visitor registers, starts a thread, replies, quotes, edits and previews, in Chromium.

Elements are found by id, name and href (the forms' own fields), and what a person sees is
checked against the zh_CN catalog through the `zh` fixture, so the flow keeps passing while
the translations are written and checks the Chinese words once they are.
"""
import re

import pytest
from playwright.sync_api import expect

from forum.extensions import db
from forum.models import Post, Thread
from tests.browser.helpers import DATETIME_RE, assert_fits_width, screenshot, text_pattern

USERNAME = "测试用户1"
PASSWORD = "党建论坛2024pw"
BOARD_SLUG = "papers"  # 论文原创, a discussion board of the seeded index
BOARD_NAME = "论文原创"
TITLE = "关于基层党组织标准化建设的调研"
FIRST_BODY = "第一段：**加强**基层组织建设。\n\n- 规范组织生活\n- 落实三会一课"
REPLY_BODY = "赞同楼主的看法，我们支部也在推进。"
QUOTE_ADDITION = "引用一楼，补充一点：要抓好党员教育。"
EDITED_BODY = "修改后的回复：我们支部已完成标准化建设验收。"

SUBMIT = "button[name=submit], input[name=submit]"
PREVIEW = "button[name=preview], input[name=preview]"


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_register_post_reply_quote_edit(device, new_page, seeded, zh):
    page = new_page(device)
    phone = device == "phone"

    # The index, in Chinese by default; a visitor goes to the register page.
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.locator(f"a[href='/b/{BOARD_SLUG}']")).to_have_text(BOARD_NAME)
    if phone:
        assert_fits_width(page, "the board index")
    screenshot(page, f"index-{device}", full_page=False)  # the first screen of 150 boards
    register_link = page.locator("nav.account a[href^='/register']")
    expect(register_link).to_have_text(zh("Register"))
    register_link.click()

    # Register with a Chinese username; the account is made and the visitor is logged in.
    expect(page).to_have_url(re.compile(r"/register$"))
    expect(page.locator("h1")).to_have_text(zh("Register"))
    if phone:
        assert_fits_width(page, "the register page")
    page.locator("#username").fill(USERNAME)
    page.locator("#password").fill(PASSWORD)
    page.locator("#confirm").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".flash")).to_have_text(
        zh("Welcome, %(name)s! Your account is ready.", name=USERNAME))
    expect(page).to_have_url(re.compile(r"^http://127\.0\.0\.1:\d+/$"))
    expect(page.locator("nav.account .me")).to_have_text(USERNAME)
    expect(page.locator("nav.account a[href^='/register']")).to_have_count(0)

    # Open the board; it has no threads yet.
    page.locator(f"a[href='/b/{BOARD_SLUG}']").click()
    expect(page.locator("h1")).to_have_text(BOARD_NAME)
    expect(page.locator(".empty")).to_have_text(zh("No threads yet. Be the first to post."))
    if phone:
        assert_fits_width(page, "the board page")

    # Start a thread: preview first (nothing is saved), then post it.
    new_thread = page.locator(f"a[href='/b/{BOARD_SLUG}/new']")
    expect(new_thread).to_have_text(zh("New thread"))
    new_thread.click()
    page.locator("#title").fill(TITLE)
    page.locator("#body").fill(FIRST_BODY)
    page.locator(PREVIEW).click()
    preview = page.locator("section.preview")
    expect(preview.locator("h2")).to_have_text(zh("Preview"))
    expect(preview.locator(".post-body strong")).to_have_text("加强")
    expect(preview.locator(".post-body li")).to_have_text(["规范组织生活", "落实三会一课"])
    expect(page.locator("#title")).to_have_value(TITLE)
    expect(page.locator("#body")).to_have_value(FIRST_BODY)
    if phone:
        assert_fits_width(page, "the new-thread page with a preview")
    assert db.session.scalar(db.select(db.func.count()).select_from(Thread)) == 0
    db.session.rollback()

    expect(page.locator(SUBMIT)).to_have_value(zh("Start thread"))
    page.locator(SUBMIT).click()

    # The thread page: the title, and the first post on floor 1 (1楼).
    expect(page).to_have_url(re.compile(r"/t/\d+$"))
    expect(page.locator("h1")).to_have_text(TITLE)
    posts = page.locator("article.post")
    expect(posts).to_have_count(1)
    expect(posts.nth(0).locator(".floor")).to_have_text("1楼")
    expect(posts.nth(0).locator(".author-name")).to_have_text(USERNAME)
    expect(posts.nth(0).locator(".post-body strong")).to_have_text("加强")
    expect(page.locator("section.preview")).to_have_count(0)
    if phone:
        assert_fits_width(page, "the thread page")

    # Reply from the quick-reply form under the posts.
    quick_reply = page.locator("section.quick-reply")
    expect(quick_reply.locator("h2")).to_have_text(zh("Reply"))
    quick_reply.locator("textarea[name=body]").fill(REPLY_BODY)
    quick_reply.locator(SUBMIT).click()
    expect(page).to_have_url(re.compile(r"/t/\d+\?page=1#p\d+$"))
    expect(posts).to_have_count(2)
    expect(posts.nth(1).locator(".floor")).to_have_text(zh("Floor %(n)s", n=2))
    expect(posts.nth(1).locator(".post-body")).to_have_text(REPLY_BODY)

    # Quote the first post: the reply form comes prefilled with the quote.
    quote = posts.nth(0).locator(".post-actions a[href*='quote=']")
    expect(quote).to_have_text(zh("Quote"))
    quote.click()
    expect(page).to_have_url(re.compile(r"/t/\d+/reply\?quote=\d+$"))
    expect(page.locator("h1")).to_have_text(zh("Reply to %(title)s", title=TITLE))
    body = page.locator("#body")
    expect(body).to_have_value(re.compile(
        rf"^> \*\*{USERNAME}\*\* #1\n>\n> 第一段：\*\*加强\*\*基层组织建设。\n"))
    body.fill(body.input_value() + QUOTE_ADDITION)
    page.locator(SUBMIT).click()
    expect(posts).to_have_count(3)
    third = posts.nth(2)
    expect(third.locator(".floor")).to_have_text(zh("Floor %(n)s", n=3))
    expect(third.locator(".post-body blockquote strong").first).to_have_text(USERNAME)
    expect(third.locator(".post-body blockquote")).to_contain_text("基层组织建设")
    expect(third.locator(".post-body > p").last).to_have_text(QUOTE_ADDITION)

    # Edit the reply on floor 2: the new text shows, with an "edited by" line.
    edit = posts.nth(1).locator(".post-actions a[href$='/edit']")
    expect(edit).to_have_text(zh("Edit"))
    edit.click()
    expect(page.locator("h1")).to_have_text(zh("Edit post"))
    expect(page.locator("#title")).to_have_count(0)  # only a first post edits the title
    expect(page.locator("#body")).to_have_value(REPLY_BODY)
    page.locator("#body").fill(EDITED_BODY)
    expect(page.locator(SUBMIT)).to_have_value(zh("Save changes"))
    page.locator(SUBMIT).click()
    expect(page.locator(".flash")).to_have_text(zh("Your changes have been saved."))
    expect(posts).to_have_count(3)
    expect(posts.nth(1).locator(".post-body")).to_have_text(EDITED_BODY)
    expect(posts.nth(1).locator(".edited")).to_have_text(text_pattern(
        zh("Edited by %(name)s at %(time)s", name=USERNAME, time="TIME"), TIME=DATETIME_RE))
    expect(page.get_by_text(REPLY_BODY)).to_have_count(0)
    if phone:
        assert_fits_width(page, "the thread page with a quote and an edit")
    screenshot(page, f"thread-{device}")

    # What the browser did is what the database holds: one thread, three posts.
    # (Browsers send a textarea's line breaks as CRLF.)
    bodies = [text.replace("\r\n", "\n") for text in
              db.session.scalars(db.select(Post.body).order_by(Post.number))]
    db.session.rollback()
    assert bodies[:2] == [FIRST_BODY, EDITED_BODY] and len(bodies) == 3


def test_chinese_by_default_and_english_on_request(new_page, seeded):
    """Chinese whatever the browser asks for; the footer's English link switches."""
    page = new_page("desktop", locale="en-US")  # Chromium sends Accept-Language: en-US
    page.goto(f"/b/{BOARD_SLUG}")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "zh-CN")
    expect(page.locator("nav.account a[href^='/login']")).to_have_text("登录")
    expect(page.locator("nav.account a[href^='/register']")).to_have_text("注册")

    page.locator("footer .lang-switch button[lang=en]").click()
    expect(html).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(rf"/b/{BOARD_SLUG}$"))  # back where the visitor was
    expect(page.locator("nav.account a[href^='/login']")).to_have_text("Log in")
    expect(page.locator("nav.account a[href^='/register']")).to_have_text("Register")
    expect(page.locator("footer .lang-switch button[lang=en]")).to_have_text("English")

    page.goto("/")  # the choice is remembered
    expect(html).to_have_attribute("lang", "en")
    page.locator("footer .lang-switch button[lang=zh-CN]").click()
    expect(html).to_have_attribute("lang", "zh-CN")
    expect(page.locator("nav.account a[href^='/login']")).to_have_text("登录")
