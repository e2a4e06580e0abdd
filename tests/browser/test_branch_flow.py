"""网上支部 in a real browser (issue 16), at 1280 and 360 px: a Party member applies to a
branch and is approved, posts in it; the secretary schedules a meeting; two members sign
in and one asks leave; the secretary records the minutes and downloads the attendance as
CSV. The pages pass axe and nothing scrolls sideways."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from forum.branch.branches import add_member, create_branch
from tests.browser.helpers import assert_fits_width, log_in
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_board, make_unit, make_user

POST = "在宁波务工，坚持每周学习党章。"
MINUTES = "会议学习了党章第一章，三人签到，一人请假。"


@pytest.fixture()
def world():
    board = make_board(type="branch", slug="branch", name="网上支部")
    unit = make_unit(name="城关镇党委")
    secretary = make_user(username="shuji", display_name="王书记")
    branch = create_branch(board, make_user(admin_role="system"), name="城关镇流动党员支部",
                           unit_id=unit.id, secretary=secretary.username)
    others = [make_user(username=f"dangyuan{n}", display_name=name)
              for n, name in enumerate(("张党员", "赵党员"))]
    for user in others:
        add_member(branch, secretary, user.username)
    return branch, secretary, make_user(username="liudong", display_name="李流动"), others


def _local(delta):
    return (datetime.now(ZoneInfo("Asia/Shanghai")) + delta).strftime("%Y-%m-%dT%H:%M")


def _check(page, axe, found, what):
    found.append(blocking_violations(axe, page))
    assert_fits_width(page, what)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_apply_approve_post_meet_sign_in_take_leave_minutes_and_csv(new_page, world, axe, device):
    branch, secretary, newcomer, (second, third) = world
    found = []
    member = new_page(device)
    log_in(member, newcomer)
    member.goto("/b/branch")
    _check(member, axe, found, "the branch list")
    member.locator(".branch-list a").first.click()
    member.locator("#home").fill("城关镇第三支部，现在宁波")
    member.locator(".branch-apply [type=submit]").click()
    expect(member.locator("main")).to_contain_text("城关镇流动党员支部")
    _check(member, axe, found, "the branch page of an applicant")

    staff = new_page(device)
    log_in(staff, secretary)
    staff.goto(f"/branch/{branch.id}/members")
    _check(staff, axe, found, "the members page")
    staff.locator("form[action$='/approve'] button").click()
    expect(staff.locator("form[action$='/approve']")).to_have_count(0)
    expect(staff.locator(".branch-members")).to_contain_text("李流动")

    member.goto(f"/branch/{branch.id}")
    member.locator(".branch-tools a.primary").click()
    member.locator("#title").fill("学习心得")
    member.locator("#body").fill(POST)
    member.locator("#submit").click()
    expect(member.locator("main")).to_contain_text(POST)
    _check(member, axe, found, "a branch thread")

    staff.goto(f"/branch/{branch.id}/meetings/new")
    staff.locator("#kind").select_option("general")
    staff.locator("#title").fill("十二月支部党员大会")
    staff.locator("#starts_at").fill(_local(timedelta(minutes=-5)))
    staff.locator("#ends_at").fill(_local(timedelta(hours=2)))
    staff.locator("#agenda").fill("学习党章；讨论流动党员管理。")
    staff.locator("#submit").click()
    expect(staff.locator("h1")).to_have_text("十二月支部党员大会")
    meeting_url = staff.url

    for who in (newcomer, second):
        signer = member if who is newcomer else new_page(device)
        if who is not newcomer:
            log_in(signer, who)
        signer.goto(meeting_url)
        signer.locator(".branch-sign button").click()
        expect(signer.locator(".notice").last).to_be_visible()
    _check(member, axe, found, "the meeting page of a member")
    absent = new_page(device)
    log_in(absent, third)
    absent.goto(meeting_url)
    absent.locator("#reason").fill("在外地加班")
    absent.locator("#submit").click()
    expect(absent.locator(".notice").last).to_be_visible()

    staff.goto(meeting_url)
    staff.locator("#minutes").fill(MINUTES)
    staff.locator("form[action$='/minutes'] [type=submit]").click()
    expect(staff.locator(".branch-minutes")).to_have_text(MINUTES)
    _check(staff, axe, found, "the secretary's meeting page")
    staff.goto(f"/branch/{branch.id}/attendance")
    _check(staff, axe, found, "the attendance page")
    with staff.expect_download() as download:
        staff.locator(".branch-period a").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert "李流动" in text and "张党员" in text and "在外地加班" in text
    assert not any(found), "\n".join(f for f in found if f)
