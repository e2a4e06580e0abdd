"""The handler's letter page in a real browser (issue 21 item 20): the answer box is the
main task, so it comes first and takes the panel's full width at 1280 and 360 px, the
transfer and extend controls after it; a breadcrumb leads back to the queue."""
import pytest

from forum.letters import triage
from forum.letters.writing import write_letter
from tests.browser.helpers import assert_fits_width, log_in
from tests.factories import make_unit
from tests.letters.helpers import make_box, make_handler

BOX_JS = "s => { const r = document.querySelector(s).getBoundingClientRect(); return [r.top, r.bottom, r.width]; }"


@pytest.fixture()
def accepted_letter():
    box = make_box(slug="secretary")
    handler = make_handler(box, username="经办人老张")
    make_unit(name="八步镇")
    letter = write_letter(box, None, kind="complain", title="出租车收费标准谁来管", body="不打表。")[0]
    triage.accept_letter(letter, handler)
    return letter, handler


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_answer_box_comes_first_and_full_width_before_transfer_and_extend(new_page, zh, accepted_letter, device):
    letter, handler = accepted_letter
    page = new_page(device)
    log_in(page, handler)
    page.goto(f"/letters/{letter.id}")
    _top, _bottom, panel_width = page.evaluate(BOX_JS, ".letter-steps")
    _top, answer_bottom, answer_width = page.evaluate(BOX_JS, ".answer-form")
    transfer_top, _bottom, _width = page.evaluate(BOX_JS, "form[action$='/transfer']")
    extend_top, _bottom, _width = page.evaluate(BOX_JS, "form[action$='/extend']")
    assert answer_width >= panel_width * 0.9
    assert answer_bottom <= transfer_top and answer_bottom <= extend_top
    assert_fits_width(page, "the handler's letter page")
    crumbs = page.locator("nav.crumbs")
    crumbs.get_by_role("link", name=zh("Letters to handle")).click()
    page.wait_for_url("**/mod/#letters")
    assert page.locator("#letters").get_by_text(letter.thread.title).count() == 1
