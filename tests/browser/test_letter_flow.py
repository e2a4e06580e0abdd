"""A letter in a real browser: a guest writes, a handler transfers, the unit drafts, the
handler answers, the guest reads and rates with the code, the public sees it published.
The letter pages pass axe at desktop and 360 px."""
import pytest
from playwright.sync_api import expect

from forum import captcha
from forum.boards.roles import grant
from tests.attachments.samples import image_bytes
from tests.browser.helpers import assert_fits_width, log_in
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_board, make_unit, make_user

CAPTCHA_TEXT = "ACDEF"


@pytest.fixture(autouse=True)
def known_captcha(monkeypatch):
    monkeypatch.setattr(captcha, "text_for", lambda challenge_id: CAPTCHA_TEXT)


@pytest.fixture()
def world():
    box = make_board(type="mailbox", slug="secretary", name="县委书记信箱",
                     settings={"guests": True, "deadline_days": 30})
    handler = make_user(username="经办人老张", is_verified=True)
    grant(handler, box, "handler")
    unit = make_unit(name="八步镇")
    account = make_user(username="八步镇党委", unit_id=unit.id, is_unit_account=True, is_verified=True)
    return box, handler, unit, account


def _write(page, zh):
    page.goto("/b/secretary")
    page.get_by_role("link", name=zh("Write a letter")).click()
    page.locator("#kind").select_option("complain")
    page.locator("#title").fill("出租车收费标准谁来管")
    page.locator("#body").fill("织金出租车不打表，收费混乱。")
    page.locator("#files").set_input_files(
        files=[{"name": "照片.png", "mimeType": "image/png", "buffer": image_bytes()}])
    page.locator("#phone").fill("13800000000")
    page.locator("#consent").check()
    page.locator("#captcha").fill(CAPTCHA_TEXT)
    page.locator("#submit").click()
    code = page.locator("#query-code").inner_text()
    assert len(code.replace("-", "")) == 21
    return code


def _step(page, button):
    page.get_by_role("button", name=button, exact=True).click()
    expect(page.locator(".flash")).to_be_visible()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_guest_letter_is_answered_rated_and_published(new_page, zh, world, device):
    _box, handler, unit, account = world
    guest = new_page(device)
    code = _write(guest, zh)
    assert_fits_width(guest, "the query code page")

    staff = new_page(device)
    log_in(staff, handler)
    staff.goto("/mod/")
    staff.get_by_role("link", name="出租车收费标准谁来管").click()
    expect(staff.locator(".letter-dates")).to_contain_text("13800000000")
    expect(staff.locator(".post-files img")).to_have_attribute("alt", "照片.png")
    _step(staff, zh("Accept"))
    staff.locator("#unit").select_option(label="八步镇")
    _step(staff, zh("Transfer"))
    expect(staff.locator(".flash")).to_contain_text("八步镇")  # says what happened, not Done.
    letter_url = staff.url

    unit_page = new_page(device)
    log_in(unit_page, account)
    unit_page.goto(letter_url)
    unit_page.locator("#body").fill("已责成交通运输局核查出租车计价。")
    _step(unit_page, zh("Save draft"))
    expect(unit_page.locator(".letter-draft")).to_contain_text("核查出租车计价")

    staff.reload()
    expect(staff.locator("#body")).to_have_value("已责成交通运输局核查出租车计价。")
    _step(staff, zh("Send answer"))
    expect(staff.locator(".letter-answer")).to_contain_text("核查出租车计价")

    guest.goto("/letters/track")
    guest.locator("#code").fill(code)
    guest.locator("#submit").click()
    expect(guest.locator(".letter-answer")).to_contain_text("核查出租车计价")
    guest.get_by_label(zh("Satisfied"), exact=True).check()
    guest.locator(".rate-form button, .rate-form input[type=submit]").click()
    expect(guest.locator(".flash")).to_contain_text(zh("Thank you for rating the answer."))
    expect(guest.locator(".letter-answer")).to_contain_text("核查出租车计价")  # still on the letter

    staff.reload()
    _step(staff, zh("Publish"))
    public = new_page(device)
    public.goto("/b/secretary")
    expect(public.locator(".published-letter")).to_contain_text("出租车收费标准谁来管")
    expect(public.locator(".published-letter")).to_contain_text("核查出租车计价")
    expect(public.locator("main")).not_to_contain_text("13800000000")
    assert_fits_width(public, "the box page")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_letter_pages_pass_axe(new_page, zh, world, axe, device):  # noqa: F811
    _box, handler, _unit, _account = world
    page = new_page(device)
    _write(page, zh)
    found = [blocking_violations(axe, page)]
    for path in ("/b/secretary/new", "/letters/track", "/b/secretary", "/stats"):
        page.goto(path)
        found.append(blocking_violations(axe, page))
    staff = new_page(device)
    log_in(staff, handler)
    staff.goto("/mod/")
    found.append(blocking_violations(axe, staff))
    staff.get_by_role("link", name="出租车收费标准谁来管").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("出租车收费标准谁来管")
    found.append(blocking_violations(axe, staff))
    assert_fits_width(staff, "the letter page")
    assert not any(found), "\n".join(f for f in found if f)
