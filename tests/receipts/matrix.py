"""The access matrix's world for receipts (tests/test_access_matrix.py): a 工作通知 board
of the unit account's unit with a notice asking both units' receipts, and a 党政信息发布
board of the same unit with a notice to mark urgent."""
from datetime import timedelta

from forum.extensions import db
from forum.models import Unit
from forum.receipts import clock
from forum.receipts.models import Receipt
from forum.receipts.services import issue_notice
from tests.factories import make_board, make_thread


def build_receipts_world(people):
    issuer, other = people["unit_account"], people["other_unit_account"]
    unit = db.session.get(Unit, issuer.unit_id)
    board = make_board(type="notice", unit=unit)
    issue = issue_notice(board, issuer, title="关于报送材料的通知", body="请按时报送。", mode="done",
                         unit_ids=[issuer.unit_id, other.unit_id],
                         deadline_at=clock.now() + timedelta(days=30))
    receipt = db.session.execute(db.select(Receipt.id).where(
        Receipt.issue_id == issue.id, Receipt.unit_id == other.unit_id)).scalar_one()
    news = make_thread(board=make_board(type="notice", slug="news", unit=unit), author=issuer,
                       title="突发事件通报")
    return {"notice": issue.thread_id, "receipt": receipt, "news": news.id}
