"""A wide table in a post scrolls sideways inside the post on a phone; its numbers are
never broken in the middle (202/4)."""
from tests import factories
from tests.browser.helpers import assert_fits_width, screenshot

HEADER = "| " + " | ".join(f"第{n}列" for n in range(1, 9)) + " |"
RULE = "|" + "---|" * 8
ROW = "| " + " | ".join(["20241231"] * 8) + " |"

_LINES_JS = """cells => cells.map(cell => {
  const range = document.createRange();
  range.selectNodeContents(cell);
  return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
})"""


def test_a_wide_table_scrolls_inside_the_post_and_keeps_numbers_whole(phone_page):
    thread = factories.make_thread(body="\n".join([HEADER, RULE, ROW, ROW]))
    phone_page.goto(f"/t/{thread.id}")
    lines = phone_page.eval_on_selector_all(".post-body td", _LINES_JS)
    assert lines and set(lines) == {1}, f"numbers wrapped over lines: {lines}"
    table = phone_page.eval_on_selector(
        ".post-body table", "t => [t.scrollWidth, t.clientWidth]")
    assert table[0] > table[1]
    assert_fits_width(phone_page, "a thread with a wide table")
    screenshot(phone_page, "post-table-phone")
