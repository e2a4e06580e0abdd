"""The care fund's part of the access matrix's world (tests/test_access_matrix.py)."""
from datetime import date

from forum.boards.roles import grant
from forum.extensions import db
from forum.fund.services import record_disbursement, record_donation, start_appeal
from forum.models import Role, Unit
from tests.factories import make_board

DAY = date(2024, 1, 2)


def build_fund_world(people):
    """A fund board of the unit account's unit whose treasurer is the moderator, an
    appeal with a gift, and a disbursement the moderator recorded, waiting for approval."""
    board = make_board(type="fund", unit=db.session.get(Unit, people["unit_account"].unit_id))
    treasurer = people["moderator"]
    grant(treasurer, board, Role.TREASURER)
    appeal = start_appeal(board, treasurer, title="关爱倡议", body="倡议", target="1000",
                          starts_on=DAY, ends_on=DAY, how_to_give="现场")
    gift = record_donation(appeal, treasurer, amount="100", occurred_on=DAY, donor_kind="person",
                           donor_name="王某", channel="on_site", receipt_number="R1")
    waiting = record_disbursement(appeal, treasurer, amount="10", occurred_on=DAY,
                                  approval_ref="批1", purpose="慰问", recipient="某村困难党员")
    return {"fund": board.slug, "appeal": appeal.id, "gift": gift.id, "waiting": waiting.id}
