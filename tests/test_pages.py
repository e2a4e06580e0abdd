"""The numbers a pagination bar links to: a few, however many pages there are."""
import pytest

from forum.pages import page_links


@pytest.mark.parametrize("page, pages, links", [
    (1, 1, [1]),
    (1, 3, [1, 2, 3]),
    (1, 10, [1, 2, 3, None, 10]),
    (5, 10, [1, None, 3, 4, 5, 6, 7, None, 10]),
    (4, 10, [1, 2, 3, 4, 5, 6, None, 10]),
    (10, 10, [1, None, 8, 9, 10]),
    (500, 1_000_000, [1, None, 498, 499, 500, 501, 502, None, 1_000_000]),
])
def test_the_bar_shows_the_first_the_last_and_two_either_side_with_gaps_marked(page, pages, links):
    assert page_links(page, pages) == links
