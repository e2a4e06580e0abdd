"""干部谈心室 in a real browser (issue 15), at 1280 and 360 px: a member opens a talk under
a pseudonym, a counsellor answers and hands it over with the member's consent, the member
closes it as helped; a session is scheduled, questions come in, two are answered and
public, one stays private. The pages pass axe."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from forum.counsel.models import CounselSession
from forum.counsel.sessions import ask_question
from forum.extensions import db
from tests.browser.helpers import assert_fits_width, log_in
from tests.browser.test_accessibility import blocking_violations
from tests.counsel.conftest import make_counsellor
from tests.factories import make_board, make_user

WORDS = "最近工作压力很大，晚上睡不着。"
REPLY = "谢谢你愿意说出来，我们慢慢聊。"


@pytest.fixture()
def world():
    room = make_board(type="counsel", slug="counsel", name="干部谈心室")
    return (room, make_counsellor(room, "xinli", "王老师"),
            make_counsellor(room, "buzhang", "组织部负责同志", "org_leader"),
            make_user(username="ganbu", display_name="李干部"))


def _local(delta):
    return (datetime.now(ZoneInfo("Asia/Shanghai")) + delta).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_talk_is_answered_handed_over_with_consent_and_closed_as_helped(
        new_page, world, axe, zh, device):
    room, counsellor, minister, member = world
    found = []
    writer = new_page(device)
    log_in(writer, member)
    writer.goto("/b/counsel/new")
    found.append(blocking_violations(axe, writer))
    writer.locator("#pseudonym").fill("零度")
    writer.locator("#body").fill(WORDS)
    writer.locator("#submit").click()
    expect(writer.locator(".talk-message")).to_contain_text(WORDS)
    talk_url = writer.url
    assert_fits_width(writer, "the talk page")

    staff = new_page(device)
    log_in(staff, counsellor)
    staff.goto("/counsel/counsel/queue")
    found.append(blocking_violations(axe, staff))
    staff.locator(".counsel-queue a").first.click()
    expect(staff.locator(".talk-message")).to_contain_text(WORDS)
    expect(staff.locator("main")).not_to_contain_text("李干部")
    staff.locator("#body").fill(REPLY)
    staff.locator("#send-message").click()
    expect(staff.locator(".talk-message.from-counsellor")).to_contain_text(REPLY)
    staff.locator("#counsellor").select_option(str(minister.id))
    staff.locator("#ask-handover").click()
    expect(staff.locator(".flash-success")).to_contain_text(
        zh("The member has been asked to consent to the hand-over."))
    found.append(blocking_violations(axe, staff))
    assert_fits_width(staff, "the counsellor's talk page")

    writer.goto(talk_url)
    expect(writer.locator(".talk-message.from-counsellor")).to_contain_text(REPLY)
    found.append(blocking_violations(axe, writer))
    writer.locator("#accept").click()
    other = new_page(device)
    log_in(other, minister)
    other.goto(talk_url)
    expect(other.locator(".talk-message").first).to_contain_text(WORDS)

    writer.goto(talk_url)
    writer.locator("#outcome").select_option("helped")
    writer.locator("#close-talk").click()
    expect(writer.locator(".empty")).to_be_visible()
    expect(writer.locator("#send-message")).to_have_count(0)
    assert not any(found), "\n".join(f for f in found if f)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_session_shows_two_answered_questions_and_keeps_the_third_private(
        new_page, world, axe, device):
    room, counsellor, _minister, member = world
    host = new_page(device)
    log_in(host, counsellor)
    host.goto("/counsel/counsel/sessions/new")
    host.locator("#title").fill("做客谈心室：如何缓解工作压力")
    host.locator("#host").select_option(str(counsellor.id))
    host.locator("#starts_at").fill(_local(timedelta(hours=-1)))
    host.locator("#ends_at").fill(_local(timedelta(hours=2)))
    host.locator("#submit").click()
    expect(host.locator("h1")).to_have_text("做客谈心室：如何缓解工作压力")
    session = db.session.execute(db.select(CounselSession)).scalar_one()

    asker = new_page(device)
    log_in(asker, member)
    asker.goto(f"/counsel/sessions/{session.id}")
    asker.locator("#body").fill("第一个问题：加班多怎么办？")
    asker.locator("#submit").click()
    for n, text in enumerate(("第二个问题：如何与同事沟通？", "第三个问题：私下的困扰。")):
        ask_question(session, make_user(username=f"asker{n}"), text)

    host.reload()
    for n in range(2):
        host.locator(".answer-form textarea").nth(n).fill(f"回答{n + 1}")
        host.locator(".answer-form button, .answer-form input[type=submit]").nth(n).click()
        expect(host.locator(".session-answer")).to_have_count(n + 1)
    found = [blocking_violations(axe, host)]
    assert_fits_width(host, "the host's session page")

    guest = new_page(device)
    guest.goto(f"/counsel/sessions/{session.id}")
    expect(guest.locator(".session-question")).to_have_count(2)
    expect(guest.locator("main")).to_contain_text("加班多怎么办")
    expect(guest.locator("main")).not_to_contain_text("私下的困扰")
    expect(guest.locator("main")).not_to_contain_text("ganbu")
    found.append(blocking_violations(axe, guest))
    guest.goto("/b/counsel")
    expect(guest.locator(".counsel-cards")).to_contain_text("王老师")
    found.append(blocking_violations(axe, guest))
    assert_fits_width(guest, "the room's page")
    assert not any(found), "\n".join(f for f in found if f)
