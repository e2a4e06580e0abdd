"""Browser fixtures: the test app on a live port, Debian's Chromium driven by Playwright.

Chromium is the system one (/usr/bin/chromium); `playwright install` is never needed and
nothing is downloaded. Without it the browser tests skip on a developer's machine and
fail in CI (CI is set), so they can never silently stop running there.

Each test gets its own live server on a free port. Requests are served in the server's
threads, each in its own app context and database session, while the test's autouse app
context (tests/conftest.py) is free to create rows with the factories before the browser
starts and to empty the tables afterwards: the server is shut down before that happens.
"""
import importlib.util
import os
import threading
from contextlib import contextmanager

import pytest
from flask_babel import force_locale, gettext, pgettext
from werkzeug.serving import make_server

from tests.browser.helpers import require_or_skip

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True},
}


@contextmanager
def served(app):
    """The app served on 127.0.0.1 at a free port, in threads; yields the base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture()
def live_server(app):
    """The session's app served on 127.0.0.1 at a free port; yields the base URL."""
    with served(app) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    require_or_skip(os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def new_page(browser, live_server):
    """Open a page in a fresh context: new_page("phone") is 360x740, touch, mobile.

    The context's base URL is the live server, so page.goto("/") works; its locale is
    zh-CN unless told otherwise (Chromium then sends Accept-Language: zh-CN).
    """
    contexts = []

    def open_page(device="desktop", locale="zh-CN"):
        context = browser.new_context(base_url=live_server, locale=locale, **DEVICES[device])
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture()
def page(new_page):
    """A desktop page (1280x900) with locale zh-CN."""
    return new_page("desktop")


@pytest.fixture()
def phone_page(new_page):
    """A phone page (360x740, is_mobile, has_touch) with locale zh-CN."""
    return new_page("phone")


@pytest.fixture(scope="session")
def zh(app):
    """The Chinese interface text for a message id, as the zh_CN catalog has it.

    Tests assert on what a person sees through this, so they follow the catalog (and read
    English words while a message is not translated yet).
    """
    def translate(msgid, context=None, **values):
        with app.test_request_context(), force_locale("zh_CN"):
            return pgettext(context, msgid, **values) if context else gettext(msgid, **values)
    return translate


@pytest.fixture(scope="session")
def axe():
    require_or_skip(importlib.util.find_spec("axe_playwright_python") is not None,
                    "axe-playwright-python is not installed: pip install -r requirements-dev.txt")
    from axe_playwright_python.sync_playwright import Axe

    return Axe()
