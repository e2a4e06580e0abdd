"""Faults as a member sees them, at 1280 and 360 px (issue 24): a reply on a full disk
comes back with the message and the typed text, and posts once space returns; while the
database is away every page is a short translated 503 page."""
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from werkzeug.serving import make_server

from forum.extensions import db
from tests.browser.conftest import DEVICES
from tests.browser.helpers import assert_fits_width, log_in
from tests.browser.test_accessibility import blocking_violations
from tests.deploy.servers import free_port
from tests.factories import make_thread, make_user
from tests.faults.conftest import second_app

SHOTS = Path("/tmp/faults-shots")
TEXT = "关于村道硬化的补充意见：先修通组组路，再硬化入户路。"


class FullDisk:
    """Inserting a post fails as SQLite does when the disk is full (the real thing, a
    tiny max_page_count, is in tests/faults/test_disk_full.py)."""

    def __init__(self):
        self.full = True

    def __call__(self, _connection, _cursor, statement, *_args):
        if self.full and statement.startswith("INSERT INTO post "):
            raise OperationalError(statement, {}, Exception("database or disk is full"))


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_reply_on_a_full_disk_keeps_the_text_and_posts_once_there_is_room(
        new_page, zh, device):
    member, thread = make_user(), make_thread(title="村道硬化")
    disk = FullDisk()
    event.listen(db.engine, "before_cursor_execute", disk)
    try:
        page = new_page(device)
        log_in(page, member)
        page.goto(f"/t/{thread.id}/reply")
        page.locator("textarea[name=body]").fill(TEXT)
        page.locator("main form.post-form #submit").click()

        expect(page.locator("main")).to_contain_text(zh(
            "The server's disk is full; your text is kept below. Please copy it somewhere "
            "safe and try again later, or tell the site's administrators."))
        expect(page.locator("textarea[name=body]")).to_have_value(TEXT)
        assert_fits_width(page, "the reply form on a full disk")
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / f"reply-disk-full-{device}.png", full_page=True)

        disk.full = False
        page.locator("main form.post-form #submit").click()
        expect(page.locator("main")).to_contain_text(TEXT)
    finally:
        event.remove(db.engine, "before_cursor_execute", disk)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_pages_are_a_translated_503_page_while_the_database_is_away(
        browser, axe, monkeypatch, tmp_path, zh, device):
    away = second_app(monkeypatch, tmp_path, f"postgresql://postgres@127.0.0.1:{free_port()}/x")
    server = make_server("127.0.0.1", 0, away, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(locale="zh-CN", **DEVICES[device])
    try:
        page = context.new_page()
        answer = page.goto(f"http://127.0.0.1:{server.server_port}/")
        assert answer.status == 503
        expect(page.locator("main h1")).to_have_text(zh("The forum is briefly unavailable"))
        assert_fits_width(page, "the 503 page")
        assert blocking_violations(axe, page) == ""
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / f"database-away-{device}.png", full_page=True)
    finally:
        context.close()
        server.shutdown()
        server.server_close()
