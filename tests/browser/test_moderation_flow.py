"""Moderation in a real browser: approving from /mod/, a unit account locking a thread."""
import pytest
from playwright.sync_api import expect

from forum.boards.roles import grant
from forum.extensions import db
from tests.browser.helpers import log_in
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_board, make_thread, make_unit, make_user




@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_post_in_a_pre_moderated_board_goes_public_when_a_moderator_approves_it(new_page, device):
    board = make_board(name="廉政阵地", settings={"premoderated": True})
    member, moderator = make_user(username="党员小李"), make_user(username="版主老王", is_verified=True)
    grant(moderator, board, "moderator")

    writer = new_page(device)
    log_in(writer, member)
    writer.goto(f"/b/{board.slug}/new")
    writer.locator("#title").fill("关于加强作风建设的建议")
    writer.locator("#body").fill("建议每月开展一次警示教育。")
    writer.locator("input[name=submit], button[name=submit]").click()
    expect(writer.locator(".flash")).to_be_visible()
    expect(writer.locator(".post-status.badge-wait")).to_be_visible()
    thread_url = writer.url

    guest = new_page(device)
    assert guest.goto(thread_url).status == 404

    mod = new_page(device)
    log_in(mod, moderator)
    mod.goto("/mod/")
    expect(mod.locator(".queue-count")).to_have_text("1")
    item = mod.locator(".mod-item", has_text="关于加强作风建设的建议")
    item.locator("button.primary").click()
    expect(mod.locator(".queue-count")).to_have_text("0")

    assert guest.goto(thread_url).status == 200
    expect(guest.locator(".post-body")).to_contain_text("建议每月开展一次警示教育。")
    writer.reload()
    expect(writer.locator(".post-status.badge-wait")).to_have_count(0)


def test_a_unit_account_locks_a_thread_in_its_board_and_cannot_manage_another_units_board(new_page):
    own_unit, other_unit = make_unit(name="猫场镇"), make_unit(name="官寨苗族乡")
    own_board, other_board = make_board(unit=own_unit, name="猫场镇"), make_board(unit=other_unit, name="官寨苗族乡")
    account = make_user(username="猫场镇党委", unit_id=own_unit.id, is_unit_account=True, is_verified=True)
    thread = make_thread(board=own_board, author=make_user(), title="村级活动场所建设进度")
    db.session.commit()

    page = new_page("desktop")
    log_in(page, account)
    page.goto(f"/t/{thread.id}")
    lock_form = page.locator(f"form[action='/t/{thread.id}/lock']")
    lock_form.locator("input[name=reason]").fill("已办结")
    lock_form.locator("button").click()
    expect(page.locator(".thread-header .badge")).to_contain_text("锁定")
    expect(page.locator(f"form[action='/t/{thread.id}/unlock']")).to_be_visible()

    assert page.goto(f"/b/{own_board.slug}/manage").status == 200
    assert page.goto(f"/b/{other_board.slug}/manage").status == 403


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_unit_account_appoints_a_handler_of_its_mailbox_on_the_manage_page(new_page, device, axe):
    unit = make_unit(name="县委组织部")
    box = make_board(type="mailbox", unit=unit, name="组织部长信箱")
    account = make_user(username="组织部账号", unit_id=unit.id, is_unit_account=True, is_verified=True)
    make_user(username="信箱经办人", unit_id=unit.id, is_verified=True)  # of the box's unit
    db.session.commit()

    page = new_page(device)
    log_in(page, account)
    page.goto(f"/b/{box.slug}/manage")
    expect(page.locator("input[name=guests]")).to_be_visible()
    expect(page.locator("input[name=premoderated]")).to_have_count(0)
    expect(page.locator("form[action$='/manage/moderators']")).to_have_count(0)
    appoint = page.locator(f"form[action='/b/{box.slug}/manage/handlers']")
    appoint.locator("input[name=username]").fill("信箱经办人")
    appoint.locator("button").click()
    expect(page.locator(".flash")).to_contain_text("信箱经办人")
    expect(page.locator("section:has(#staff-handler) ul")).to_contain_text("信箱经办人")
    assert not blocking_violations(axe, page)
