"""Two members in two browsers: one quotes the other, whose bell counts it; mentions
complete in the editor; following a thread marks it unread when someone replies."""
import re

from playwright.sync_api import expect

from forum.boards.services import reply
from tests.browser.helpers import assert_fits_width, log_in
from tests.factories import make_board, make_thread, make_user


def bell(page):
    return page.locator("nav.account .bell-count")


def test_the_bell_counts_a_quote_and_the_notification_leads_to_it(new_page, zh):
    author, quoter = make_user(username="liming"), make_user(username="wangfang")
    thread = make_thread(author=author, title="三会一课的记录怎么写")
    first = thread.last_post_id
    author_page, quoter_page = new_page("desktop"), new_page("phone")
    log_in(author_page, author)
    expect(bell(author_page)).to_have_text("0")

    log_in(quoter_page, quoter)
    quoter_page.goto(f"/t/{thread.id}")
    quoter_page.locator(f"a[href='/t/{thread.id}/reply?quote={first}']").click()
    expect(quoter_page.locator("#body")).to_have_value(re.compile("#1"))
    quoter_page.locator("#body").press("End")
    quoter_page.locator("#body").type("\n同意，按要求写清楚时间和议题。")
    quoter_page.locator("button[name=submit], input[name=submit]").click()
    expect(quoter_page.locator(".post-body").last).to_contain_text("同意")

    author_page.reload()
    expect(bell(author_page)).to_have_text("1")
    author_page.locator("nav.account .bell").click()
    item = author_page.locator(".notification.unread a")
    expect(item).to_have_text(zh("%(actor)s quoted your post in “%(title)s”.",
                                 actor="wangfang", title="三会一课的记录怎么写"))
    item.click()
    expect(author_page).to_have_url(re.compile(rf"/t/{thread.id}(\?page=1)?#p\d+$"))
    expect(bell(author_page)).to_have_text("0")


def test_typing_an_at_sign_offers_names_and_enter_takes_one(new_page):
    make_user(username="zhangwei")
    writer = make_user(username="writer")
    thread = make_thread()
    page = new_page("phone")
    log_in(page, writer)
    page.goto(f"/t/{thread.id}/reply")
    page.locator("#body").type("请 @zhan")
    option = page.locator("#mention-list li")
    expect(option).to_have_text(["zhangwei"])
    assert_fits_width(page, "the reply page with name suggestions")
    page.locator("#body").press("ArrowDown")
    page.locator("#body").press("Enter")
    expect(page.locator("#body")).to_have_value("请 @zhangwei ")


def test_a_followed_thread_shows_as_unread_after_a_reply(new_page, zh):
    reader = make_user()
    board = make_board()
    thread = make_thread(board=board, title="党费收缴标准")
    page = new_page("desktop")
    log_in(page, reader)
    page.goto(f"/t/{thread.id}")
    page.locator("form.follow button").click()
    expect(page.locator("form.follow button")).to_have_text(zh("Following"))
    later = reply(thread, make_user(), "按月收缴")
    page.goto(f"/b/{board.slug}")
    jump = page.locator(f"a.unread-mark[href='/t/{thread.id}/unread']")
    expect(jump).to_have_text(zh("Jump to first unread"))
    jump.click()
    expect(page).to_have_url(re.compile(rf"#p{later.id}$"))
    expect(bell(page)).to_have_text("1")
