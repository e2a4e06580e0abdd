"""Helpers for the browser tests: text patterns, width checks, screenshots."""
import os
import re
from pathlib import Path

import pytest

SCREENS = Path(os.environ.get("SCREENS", "/tmp/screens"))


def require_or_skip(available, reason):
    """Skip a browser test on a developer's machine; fail it loudly in CI."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: browser tests must run in CI, not skip)", pytrace=False)
    pytest.skip(reason)


DATETIME_RE = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"


def text_pattern(translated, **placeholders):
    """A regex for translated text whose placeholders were filled with marker words."""
    pattern = re.escape(translated)
    for marker, regex in placeholders.items():
        pattern = pattern.replace(re.escape(marker), regex)
    return re.compile(pattern)


# The page's width against the viewport's, and the first elements that stick out.
_WIDTHS_JS = """() => {
  const inner = window.innerWidth;
  const label = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
    + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\\s+/).join(".") : "");
  const wide = [...document.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > inner + 0.5).slice(0, 5).map(label);
  return {scroll: document.documentElement.scrollWidth, inner, wide};
}"""


def assert_fits_width(page, what):
    """Nothing scrolls sideways: document.documentElement.scrollWidth <= window.innerWidth."""
    page.wait_for_load_state()
    widths = page.evaluate(_WIDTHS_JS)
    assert widths["scroll"] <= widths["inner"], (
        f"{what} scrolls sideways at {widths['inner']} px: scrollWidth is {widths['scroll']}; "
        f"sticking out: {widths['wide']}")


def screenshot(page, name, full_page=True):
    """Save a screenshot to /tmp/screens/NAME.png (outside the repository)."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    path = SCREENS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def log_in(page, user, password=None):
    """Log in through the login form and wait until the header shows the account."""
    from playwright.sync_api import expect

    from tests.factories import PASSWORD

    page.goto("/login")
    page.locator("#username").fill(user.username)
    page.locator("#password").fill(password or PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("nav.account .me")).to_have_text(user.name)
