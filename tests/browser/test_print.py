"""A unit prints a notice to file it: the page prints as the notice alone, without the
site's header, navigation, forms or buttons."""
from playwright.sync_api import expect

from forum.extensions import db
from forum.models import Board, Unit
from tests.browser.helpers import screenshot
from tests.factories import make_thread, make_user


def test_a_notice_prints_without_the_sites_chrome(page, seeded):
    board = db.session.execute(db.select(Board).filter_by(slug="notices")).scalar_one()
    unit = db.session.get(Unit, board.unit_id)
    issuer = make_user(username="zuzhibu", unit_id=unit.id, is_unit_account=True, is_verified=True)
    thread = make_thread(board=board, author=issuer, title="关于开展主题教育的通知",
                         body="各乡镇党委：\n\n请于本月底前完成[学习](https://example.org/)。")
    page.goto(f"/t/{thread.id}")
    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-nav", ".site-footer", ".crumbs"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.locator("h1")).to_have_text("关于开展主题教育的通知")
    expect(page.locator(".post-body").first).to_contain_text("请于本月底前完成")
    screenshot(page, "notice-print")
