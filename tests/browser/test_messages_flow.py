"""Two members exchange private messages in Chromium; the header counts the unread one,
a block stops the next message, and the reader reports a message."""
import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.helpers import assert_fits_width, log_in


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_members_exchange_messages_block_and_report(device, new_page, zh):
    alice = factories.make_user(username="王支书")
    bob = factories.make_user(username="李党员")
    writer, reader = new_page(device), new_page(device)
    log_in(writer, alice)
    log_in(reader, bob)

    # The writer starts a conversation from the messages page.
    writer.locator("nav.account a.messages-link").click()
    writer.locator("nav.tabs a[href='/messages/new']").click()
    writer.locator("#to").fill(bob.username)
    writer.locator("#title").fill("支部活动安排")
    writer.locator("#body").fill("周六上午**九点**集合。")
    writer.locator("main form button[type=submit], main form input[type=submit]").click()
    expect(writer.locator(".flash")).to_have_text(zh("Your message has been sent."))
    expect(writer.locator(".post-body strong")).to_have_text("九点")

    # The reader sees one unread conversation in the header, opens it and answers.
    reader.goto("/")
    expect(reader.locator("nav.account .messages-link .count")).to_have_text("1")
    reader.locator("nav.account .messages-link").click()
    expect(reader.locator(".conversations .unread")).to_have_count(1)
    reader.locator(".conversations a.thread-title", has_text="支部活动安排").click()
    # The conversation itself first: a count of none also holds mid-navigation.
    expect(reader.locator("article.message .post-body strong")).to_have_text("九点")
    expect(reader.locator("nav.account .messages-link .count")).to_have_count(0)
    if device == "phone":
        assert_fits_width(reader, "a conversation")
    else:  # no author card: the message takes the whole width, not a 170-px column
        width = reader.eval_on_selector("article.message .post-main", "e => e.offsetWidth")
        assert width > 600, width
    reader.locator(".quick-reply textarea[name=body]").fill("收到，准时到。")
    reader.locator(".quick-reply button[type=submit], .quick-reply input[type=submit]").click()
    expect(reader.locator(".post-body", has_text="收到，准时到。")).to_be_visible()

    # The reader reports the first message to the security admin.
    reader.locator("details.report summary").first.click()
    reader.locator("details.report textarea").first.fill("骚扰信息")
    reader.locator("details.report button[type=submit]").first.click()
    expect(reader.locator(".flash")).to_have_text(
        zh("Thank you. The security administrator will look at this message."))

    # The reader blocks the writer; the writer's next message is refused with a reason.
    reader.goto("/messages/blocks")
    reader.locator("#username").fill(alice.username)
    reader.locator("main form.post-form button[type=submit]").click()
    expect(reader.locator(".flash")).to_have_text(
        zh("You will get no more messages from %(name)s.", name=alice.name))
    conversation_url = re.sub(r"#.*$", "", writer.url)
    writer.goto(conversation_url)
    writer.locator(".quick-reply textarea[name=body]").fill("还在吗？")
    writer.locator(".quick-reply button[type=submit], .quick-reply input[type=submit]").click()
    expect(writer.locator(".flash")).to_have_text(
        zh("%(name)s does not accept messages from you.", name=bob.name))
