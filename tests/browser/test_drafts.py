"""The editor keeps a draft in the browser and offers it back; a successful post clears it."""
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
    page.goto(f"/b/{thread.board.slug}/new")
    expect(page.locator(".draft-offer")).to_be_visible()
