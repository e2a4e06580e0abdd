"""Forms look alike at 1280 and 360 px (static/forum.css): every field and button in a
page's forms is at least 44 px tall with the same border; one-line fields stop at 36rem."""
import pytest

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Board
from tests.browser.helpers import log_in
from tests.factories import make_user

CONTROLS_JS = """() => Array.from(document.querySelectorAll(
    "main form input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), main form select, main form button"))
  .filter(el => el.offsetParent !== null && !el.closest(".listing-form, .editor-toolbar"))
  .map(el => { const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return {what: el.outerHTML.slice(0, 80), height: r.height, width: r.width,
            border: s.borderTopStyle, line: el.matches("input:not([type]), input[type=text], input[type=email], input[type=password]") && !!el.closest(".field")}; })"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_fields_and_buttons_of_the_forms_are_alike(new_page, seeded, device):
    board = db.session.execute(db.select(Board).filter_by(slug="papers")).scalar_one()
    moderator = make_user(username="版主", is_verified=True)
    grant(moderator, board, "moderator")
    page = new_page(device)
    log_in(page, moderator)
    odd = []
    for path in ("/search", "/mod/log", "/account", "/b/papers/new", "/b/papers"):
        page.goto(path)
        for control in page.evaluate(CONTROLS_JS):
            if control["height"] < 43.5 or control["border"] != "solid":
                odd.append((path, control))
            if control["line"] and control["width"] > 36 * 16 + 0.5:
                odd.append((path, control))
    assert not odd
