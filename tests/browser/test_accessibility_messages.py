"""axe-core on the message, block, report-queue, talent and signature pages, desktop and 360 px."""
import pytest

from forum.messages.blocks import report_message
from forum.messages.services import start_conversation
from forum.profiles.services import mark_talent, save_signature
from tests import factories
from tests.browser.helpers import log_in
from tests.browser.test_accessibility import check_pages


@pytest.fixture()
def world():
    alice = factories.make_user(username="王支书")
    bob = factories.make_user(username="李党员")
    message = start_conversation(alice, bob.username, "支部活动安排", "周六上午**九点**集合。")
    report_message(message, bob, "骚扰信息")
    save_signature(alice, "**为人民服务**")
    moderator = factories.make_user(username="版主")
    from forum.boards.roles import grant
    grant(moderator, factories.make_board(), "moderator")
    mark_talent(bob, moderator, "文笔好")
    return {"alice": alice, "bob": bob, "moderator": moderator, "conversation": message.conversation_id}


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_no_serious_violations_on_message_and_profile_pages(device, new_page, world, axe):  # noqa: F811
    found = []
    page = new_page(device)
    log_in(page, world["bob"])
    found += check_pages(axe, page, ["/messages", "/messages/new", f"/messages/{world['conversation']}",
                                     "/messages/blocks", "/account", "/u/李党员"], f"{device}, member")
    moderator = new_page(device)
    log_in(moderator, world["moderator"])
    found += check_pages(axe, moderator, ["/u/李党员"], f"{device}, moderator")
    for role, paths in {"security": ["/admin/message-reports"], "system": ["/talent", "/"]}.items():
        staff = new_page(device)
        log_in(staff, factories.make_user(username=f"{role}管理员", admin_role=role))
        found += check_pages(axe, staff, paths, f"{device}, {role} admin")
    assert not found, "serious or critical accessibility violations:\n" + "\n".join(found)
