"""Feedback on a disclosure in a real browser (issue 14): a guest sends anonymous feedback
during the 公示期, the issuing unit reads and answers it, the guest reads the answer with
the code; when the period ends the form is closed. The pages pass axe at 1280 and 360 px."""
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from forum import captcha
from forum.disclosure import period
from tests.browser.helpers import assert_fits_width, log_in
from tests.browser.test_accessibility import blocking_violations
from tests.disclosure.feedback_fixtures import make_disclosure, make_unit_account

CAPTCHA_TEXT = "ACDEF"
WORDS = "张三同志在原单位工作期间群众反映较好，无异议。"
ANSWER = "感谢您的意见，已转干部监督科核实。"


@pytest.fixture(autouse=True)
def known_captcha(monkeypatch):
    monkeypatch.setattr(captcha, "text_for", lambda challenge_id: CAPTCHA_TEXT)


@pytest.fixture()
def world():
    disclosure = make_disclosure(title="关于张三等同志任前公示")
    return disclosure, make_unit_account(disclosure.unit, username="县委组织部")


def _send(page, disclosure):
    page.goto(f"/disclosures/{disclosure.id}/feedback")
    page.locator("#body").fill(WORDS)
    page.locator("#anonymous").check()
    page.locator("#captcha").fill(CAPTCHA_TEXT)
    page.locator("#submit").click()
    code = page.locator("#query-code").inner_text()
    assert len(code.replace("-", "")) == 21
    return code


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_guest_feedback_is_answered_and_the_form_closes_with_the_period(
        new_page, zh, world, monkeypatch, device):
    disclosure, issuer = world
    guest = new_page(device)
    code = _send(guest, disclosure)
    assert_fits_width(guest, "the query code page")

    staff = new_page(device)
    log_in(staff, issuer)
    staff.goto(f"/disclosures/{disclosure.id}/feedback/list")
    expect(staff.locator(".feedback-body")).to_have_text(WORDS)
    expect(staff.locator(".feedback dl")).to_contain_text(zh("Anonymous"))
    staff.locator(".answer-form textarea").fill(ANSWER)
    staff.locator(".answer-form button, .answer-form input[type=submit]").click()
    expect(staff.locator(".flash")).to_contain_text(zh("The answer was sent."))
    expect(staff.locator(".letter-answer")).to_contain_text(ANSWER)
    assert_fits_width(staff, "the feedback list")

    guest.goto("/disclosures/track")
    guest.locator("#code").fill(code)
    guest.locator("#submit").click()
    expect(guest.locator(".letter-answer")).to_contain_text(ANSWER)
    expect(guest.locator(".feedback-body")).to_have_text(WORDS)
    assert_fits_width(guest, "the tracked feedback")

    monkeypatch.setattr(period, "today", lambda: disclosure.ends_on + timedelta(days=1))
    guest.goto(f"/disclosures/{disclosure.id}/feedback")
    expect(guest.locator(".feedback-closed")).to_contain_text(
        zh("The public notice period ended on %(day)s; feedback is closed.",
           day=disclosure.ends_on.isoformat()))
    expect(guest.locator("#body")).to_have_count(0)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_feedback_pages_pass_axe(new_page, world, axe, device):
    disclosure, issuer = world
    guest = new_page(device)
    guest.goto(f"/disclosures/{disclosure.id}/feedback")
    found = [blocking_violations(axe, guest)]
    code = _send(guest, disclosure)
    found.append(blocking_violations(axe, guest))
    guest.goto("/disclosures/track")
    found.append(blocking_violations(axe, guest))
    guest.locator("#code").fill(code)
    guest.locator("#submit").click()
    expect(guest.locator(".feedback-body")).to_be_visible()
    found.append(blocking_violations(axe, guest))
    staff = new_page(device)
    log_in(staff, issuer)
    staff.goto(f"/disclosures/{disclosure.id}/feedback/list")
    found.append(blocking_violations(axe, staff))
    assert not any(found), "\n".join(f for f in found if f)
