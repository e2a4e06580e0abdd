"""The desktop rules of each page family apply at 1280 px and the phone rules at 360 px:
the computed styles catch a stylesheet whose later half a stray block swallowed."""
import pytest

from tests import factories

# (page, selector, CSS property, value at 1280 px, value at 360 px)
STYLES = [
    ("/", ".search-box", "max-width", "320px", "320px"),
    ("/", ".search-box button", "cursor", "pointer", "pointer"),
    ("/search?q=党建", ".search-filters", "display", "grid", "grid"),
    ("/search?q=党建", ".search-form", "padding-top", "12px", "12px"),
]


def _columns(page, selector):
    template = page.eval_on_selector(selector, "e => getComputedStyle(e).gridTemplateColumns")
    return len(template.split())


@pytest.mark.parametrize("path, selector, prop, desktop, phone", STYLES)
def test_key_elements_keep_their_styles_at_both_widths(path, selector, prop, desktop, phone,
                                                        new_page):
    factories.make_board()
    for device, expected in (("desktop", desktop), ("phone", phone)):
        page = new_page(device)
        page.goto(path)
        value = page.eval_on_selector(
            selector, f"e => getComputedStyle(e).getPropertyValue({prop!r})")
        assert value == expected, f"{selector} {prop} on {path} at {device}: {value}"


def test_search_filters_are_one_column_on_a_phone_and_five_on_a_desktop(new_page):
    desktop, phone = new_page("desktop"), new_page("phone")
    for page in (desktop, phone):
        page.goto("/search?q=党建")
    assert _columns(desktop, ".search-filters") == 5
    assert _columns(phone, ".search-filters") == 1
