"""网络问政 in a real browser, at 1280 and 360 px: a netizen posts a petition in a township
board; the moderator transfers it to 县交通局 from the thread the /mod/ queue links to;
the bureau's account sees the count in its header, is flagged overdue once the clock
passes the due date, asks for more time, answers officially and closes; the netizen
confirms and rates; /stats and the bureau's board show the same figures. Every page
passes axe and nothing scrolls sideways."""
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_fits_width, log_in
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_board
from tests.petitions.conftest import (moderator, petitioner, today, township,  # noqa: F401
                                      township_board, transport, transport_account)

SHOTS = Path("/tmp/petitions-shots")


def _check(axe, page, what, found, shot=None):
    """Collect axe's blocking findings, check the width, and keep a screenshot."""
    report = blocking_violations(axe, page)
    if report:
        found.append(f"{what}:\n{report}")
    assert_fits_width(page, what)
    if shot:
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_petition_goes_from_a_netizen_to_the_bureau_and_is_rated(
        new_page, axe, zh, today, township_board, moderator, petitioner, transport,  # noqa: F811
        transport_account, device):  # noqa: F811
    bureau_board = make_board(slug="jiaotongju", name="县交通局", unit=transport)
    found = []
    netizen = new_page(device)
    log_in(netizen, petitioner)
    netizen.goto(f"/b/{township_board.slug}/new")
    netizen.locator("#title").fill("织金出租车收费标准谁来管")
    netizen.locator("#petition-wanted").check()
    netizen.locator("#petition-kind").select_option("complain")
    netizen.locator("#petition-unit").select_option(label="县交通局")
    netizen.locator("#body").fill("县城出租车普遍不打表，乱收费，请有关部门管一管。")
    _check(axe, netizen, "the new-thread form", found, f"1-new-{device}")
    netizen.locator("#submit").click()
    card = netizen.locator(".petition-card")
    expect(card.locator(".petition-state")).to_contain_text(zh("Awaiting acceptance"))
    thread_url = netizen.url.split("#")[0]

    mod = new_page(device)
    log_in(mod, moderator)
    mod.goto("/mod/")
    _check(axe, mod, "/mod/ with a petition waiting", found, f"2-mod-{device}")
    mod.locator("#petitions").get_by_role("link", name="织金出租车收费标准谁来管").click()
    mod.locator(".step-transfer select").select_option(label="县交通局")
    _check(axe, mod, "the triage forms", found, f"3-triage-{device}")
    mod.locator(".step-transfer button").click()
    expect(mod.locator(".petition-card .petition-state")).to_contain_text("县交通局")

    bureau = new_page(device)
    log_in(bureau, transport_account)
    expect(bureau.locator(".petitions-link .count")).to_have_text("1")
    today.set(date(2024, 6, 19))  # the answer was due on the 18th (端午 on the 10th)
    bureau.goto(thread_url)
    expect(bureau.locator(".petition-card .overdue")).to_be_visible()
    bureau.locator("#step-days").fill("3")
    bureau.locator(".step-extend textarea").fill("需要与出租车公司逐一核实")
    bureau.locator(".step-extend button").click()
    expect(bureau.locator(".flash-success")).to_be_visible()  # the new page, before counting none
    expect(bureau.locator(".petition-card .overdue")).to_have_count(0)
    bureau.locator(".step-answer textarea").fill("已责成县运管所开展专项检查，所有出租车须打表计费，投诉电话12328。")
    _check(axe, bureau, "the unit's answer form", found, f"4-answer-{device}")
    bureau.locator(".step-answer button").click()
    expect(bureau.locator(".official-reply")).to_contain_text("县运管所")
    bureau.locator(".step-close button").click()
    expect(bureau.locator(".petition-card .petition-state")).to_contain_text(zh("Closed"))

    netizen.goto(thread_url)
    netizen.locator(".step-confirm button").click()
    netizen.locator(".step-rate input[value=satisfied]").check()
    netizen.locator(".step-rate button").click()
    expect(netizen.locator(".petition-facts")).to_contain_text(zh("Satisfied"))
    _check(axe, netizen, "the answered petition", found, f"5-thread-{device}")

    netizen.goto(f"/b/{township_board.slug}")
    expect(netizen.locator(".threads .petition-state")).to_contain_text(zh("Closed"))
    _check(axe, netizen, "the board list", found, f"6-board-{device}")
    for path, what in ((f"/b/{bureau_board.slug}", "the bureau's board"), ("/stats", "/stats")):
        netizen.goto(path)
        row = netizen.locator(".petition-figures tbody tr").first
        expect(row).to_contain_text("2024-06")
        expect(row).to_contain_text("100%")
        _check(axe, netizen, what, found, f"7-{path.strip('/').replace('/', '-')}-{device}")
    assert not found, "\n".join(found)
