"""Following a letter with its code: the same answer for wrong and expired codes, and a
wait after ten wrong ones from one browser, or a hundred from one address."""
import base64
from datetime import timedelta

from sqlalchemy import update

from forum.extensions import db
from forum.models import Letter
from forum.models.base import utcnow
from tests.checks import says
from tests.conftest import CSRF_RE, post_form
from tests.letters.helpers import code_of, make_box, write

NO_LETTER = "No letter answers to this code. Check it and try again."
WAIT = "Too many wrong codes. Please try again in an hour."


def _wrong(n):
    """The n-th of many different wrong codes."""
    return "AAAA-BBBB-CCCC-" + base64.b32encode(n.to_bytes(5, "big")).decode()


def _page(client, code):
    return post_form(client, "/letters/track", {"code": code}).get_data(as_text=True)


def test_the_code_opens_the_letter_typed_in_any_case_and_spacing(client):
    code = code_of(write(client, make_box(), title="路灯不亮"))
    assert "路灯不亮" in _page(client, code.lower().replace("-", " "))


def test_a_wrong_and_an_expired_code_get_the_same_answer(client):
    code = code_of(write(client, make_box(), title="路灯不亮"))
    wrong = _page(client, "AAAA-BBBB-CCCC-DDDD-EEEEE").replace("AAAA-BBBB-CCCC-DDDD-EEEEE", "CODE")
    db.session.execute(update(Letter).values(code_expires_at=utcnow() - timedelta(days=1)))
    db.session.commit()
    expired = _page(client, code).replace(code, "CODE")
    assert says(wrong, NO_LETTER) and says(expired, NO_LETTER)
    assert "路灯不亮" not in expired
    assert CSRF_RE.sub("", wrong) == CSRF_RE.sub("", expired)


def test_ten_wrong_codes_then_even_the_right_one_waits(client):
    code = code_of(write(client, make_box(), title="路灯不亮"))
    for n in range(10):
        assert says(_page(client, _wrong(n)), NO_LETTER)
    page = _page(client, code)
    assert says(page, WAIT) and "路灯不亮" not in page


def test_one_browsers_wrong_codes_do_not_lock_out_another_behind_the_same_address(app):
    code = code_of(write(app.test_client(), make_box(), title="路灯不亮"))
    mistaken = app.test_client()
    for n in range(11):
        _page(mistaken, _wrong(n))
    assert says(_page(mistaken, code), WAIT)
    assert "路灯不亮" in _page(app.test_client(), code)  # a colleague at the same address


def test_typing_the_same_wrong_code_again_is_not_another_guess(client):
    code = code_of(write(client, make_box(), title="路灯不亮"))
    for _ in range(15):
        assert says(_page(client, _wrong(1)), NO_LETTER)
    assert "路灯不亮" in _page(client, code)


def test_a_guesser_who_drops_the_cookie_meets_the_addresss_limit(app):
    code = code_of(write(app.test_client(), make_box(), title="路灯不亮"))
    for browser in range(10):
        fresh = app.test_client()
        for n in range(10):
            assert says(_page(fresh, _wrong(browser * 10 + n)), NO_LETTER)
    page = _page(app.test_client(), code)
    assert says(page, WAIT) and "路灯不亮" not in page
    other_address = app.test_client()
    other_address.environ_base["REMOTE_ADDR"] = "10.7.7.7"
    assert "路灯不亮" in _page(other_address, code)


def test_right_codes_do_not_use_up_the_limit(client):
    code = code_of(write(client, make_box(), title="路灯不亮"))
    for _ in range(12):
        assert "路灯不亮" in _page(client, code)
