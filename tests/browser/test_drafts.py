"""The editor keeps a draft in the browser and offers it back; a successful post clears it.
Drafts are the account's own, forgotten at logout, and never kept of a letter."""
import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.helpers import log_in

SUBMIT = "button[name=submit], input[name=submit]"


@pytest.fixture()
def thread():
    return factories.make_thread(title="草稿测试主题")


def test_a_reply_draft_is_restored_after_leaving_the_page_and_cleared_after_posting(page, thread, zh):
    log_in(page, factories.make_user(username="草稿用户"))
    page.goto(f"/t/{thread.id}/reply")
    page.locator("#body").fill("写了一半的回复，**还没发**。")
    page.wait_for_timeout(3500)  # the draft is saved every few seconds
    page.goto("/")

    # The thread page's quick reply posts to the same place: it offers the same draft.
    page.goto(f"/t/{thread.id}")
    offer = page.locator(".draft-offer")
    expect(offer).to_be_visible()
    offer.locator("button.draft-restore").click()
    expect(page.locator(".quick-reply #body")).to_have_value("写了一半的回复，**还没发**。")
    expect(page.locator(".draft-offer")).to_have_count(0)

    page.locator(f".quick-reply {SUBMIT}").first.click()
    expect(page.locator(".post-body", has_text="写了一半的回复")).to_be_visible()
    page.goto(f"/t/{thread.id}/reply")
    expect(page.locator("#body")).to_have_value("")
    expect(page.locator(".draft-offer")).to_have_count(0)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('forum-draft:'))") == []


def test_a_new_thread_draft_keeps_its_title_and_can_be_discarded(page, thread, zh):
    log_in(page, factories.make_user(username="草稿用户"))
    slug = thread.board.slug
    page.goto(f"/b/{slug}/new")
    page.locator("#title").fill("未完成的主题")
    page.locator("#body").fill("草稿正文")
    page.wait_for_timeout(3500)
    page.reload()
    saved_from = zh("A draft from %(time)s is saved in this browser.", time="TIME").split("TIME")[0]
    expect(page.locator(".draft-offer span")).to_contain_text(saved_from.strip())
    page.locator(".draft-offer button.draft-restore").click()
    expect(page.locator("#title")).to_have_value("未完成的主题")
    expect(page.locator("#body")).to_have_value("草稿正文")

    page.reload()
    page.locator(".draft-offer button.draft-discard").click()
    page.reload()
    expect(page.locator(".draft-offer")).to_have_count(0)


def test_a_refused_post_keeps_its_draft(page, thread):
    log_in(page, factories.make_user(username="草稿用户"))
    page.goto(f"/b/{thread.board.slug}/new")
    page.locator("#body").fill("没有标题的草稿")  # no title: the form comes back with an error
    page.wait_for_timeout(3500)
    page.locator(SUBMIT).click()
    expect(page.locator(".field.has-error")).to_have_count(1)
    # The refused page's script has seen the sent draft come back and kept it; leaving
    # before it ran would have the next page take the post for a success.
    page.wait_for_function("() => !sessionStorage.getItem('forum-draft-sent')")
    page.goto(f"/b/{thread.board.slug}/new")
    expect(page.locator(".draft-offer")).to_be_visible()


DRAFT_KEYS = "Object.keys(localStorage).filter(k => k.startsWith('forum-draft:'))"


def _log_out(page):
    page.locator("nav.account form button[type=submit]").click()
    expect(page.locator("nav.account .me")).to_have_count(0)


def _leave_a_reply_draft(page, thread, text):
    page.goto(f"/t/{thread.id}/reply")
    page.locator("#body").fill(text)
    page.wait_for_timeout(3500)  # the draft is saved every few seconds
    assert page.evaluate(DRAFT_KEYS) != []


def test_logging_out_forgets_the_drafts_so_the_next_person_is_offered_none(page, thread):
    log_in(page, factories.make_user(username="第一人"))
    _leave_a_reply_draft(page, thread, "举报材料写了一半")
    _log_out(page)
    assert page.evaluate(DRAFT_KEYS) == []
    log_in(page, factories.make_user(username="第二人"))
    page.goto(f"/t/{thread.id}/reply")
    expect(page.locator(".draft-offer")).to_have_count(0)
    expect(page.locator("#body")).to_have_value("")


def test_a_draft_belongs_to_its_account_even_when_the_session_ended_without_logout(page, thread):
    log_in(page, factories.make_user(username="第一人"))
    _leave_a_reply_draft(page, thread, "举报材料写了一半")
    page.context.clear_cookies()  # the session ran out; nobody logged out
    log_in(page, factories.make_user(username="第二人"))
    page.goto(f"/t/{thread.id}/reply")
    expect(page.locator(".draft-offer")).to_have_count(0)
    assert page.evaluate(DRAFT_KEYS) == []  # the other account's drafts are gone


def test_no_draft_is_kept_of_a_letter_and_an_old_one_is_thrown_away(page):
    box = factories.make_board(type="mailbox", slug="report",
                               settings={"whistleblower": True, "anonymous": True})
    log_in(page, factories.make_user(username="写信人"))
    page.evaluate("""() => localStorage.setItem('forum-draft:/b/report/new',
        JSON.stringify({title: '旧草稿', body: '旧的举报草稿', saved: Date.now()}))""")
    page.goto(f"/b/{box.slug}/new")
    expect(page.locator("#body")).to_be_visible()
    page.locator("#title").fill("举报某干部")
    page.locator("#body").fill("举报内容，不应留在浏览器里。")
    page.wait_for_timeout(3500)
    assert page.evaluate(DRAFT_KEYS) == []
    page.reload()
    expect(page.locator(".draft-offer")).to_have_count(0)
