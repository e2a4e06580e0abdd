"""党务公开 in a real browser, at 1280 and 360 px: the organisation department's account
publishes a 任前公示 with two people, a guest reads it; the board page, the disclosure
page and the publishing form pass axe."""
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_fits_width, log_in
from tests.browser.test_accessibility import blocking_violations
from tests.disclosure.conftest import (TWO_PEOPLE, disclosure_board, issuer, org_unit,  # noqa: F401
                                       today)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_org_department_publishes_a_notice_with_two_people_and_a_guest_reads_it(
        new_page, axe, zh, disclosure_board, issuer, today, device):  # noqa: F811 (fixtures)
    page = new_page(device)
    log_in(page, issuer)
    page.goto(f"/b/{disclosure_board.slug}/new")
    found = blocking_violations(axe, page)
    assert_fits_width(page, "the publishing form")
    page.locator("#kind").select_option("pre_appointment")
    page.locator("#title").fill("干部任前公示")
    page.locator("#doc_number").fill("织组干〔2024〕12号")
    page.locator("#body").fill("经县委研究，拟任用以下同志，现予公示。")
    page.locator("#starts_on").fill("2024-06-03")
    for n, person in enumerate(TWO_PEOPLE):
        for key, value in person.items():
            cell = page.locator(f"#people-{n}-{key}")
            cell.select_option(value) if key == "sex" else cell.fill(value)
    page.get_by_role("button", name=zh("Publish"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("干部任前公示")

    guest = new_page(device)
    guest.goto(f"/b/{disclosure_board.slug}")
    found += blocking_violations(axe, guest)
    assert_fits_width(guest, "the disclosure board")
    guest.get_by_role("link", name="干部任前公示").click()
    expect(guest.get_by_role("table")).to_contain_text("李四")
    expect(guest.locator(".standing")).to_contain_text(zh("Under public notice"))
    assert_fits_width(guest, "the disclosure page")
    found += blocking_violations(axe, guest)
    assert not found, "\n".join(found)
